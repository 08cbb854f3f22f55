/**
 * Word lists. The cue verbs are a general lexicon of English reporting, cognition and attitude
 * verbs (in the spirit of Levin's verb classes and the PARC/PolNeAR attribution guidelines),
 * not harvested from any annotated document.
 */

/** How a cue verb takes its content. */
export type CueClass =
  /** Verbs of saying: clause, quotation or that-clause complement ("said that …", "“…,” he said"). */
  | "speech"
  /** Verbs of thinking and knowing: clause complement, rarely post-posed quotation. */
  | "cognition"
  /** Verbs of stance taking an object or an infinitive ("backs the bill", "wants to …"). */
  | "attitude"
  /** Verbs whose subject is a document or a poll ("the survey shows …"). */
  | "evidence"
  /** Evidential markers with no source: "X seems to …", "X is expected to …", "reportedly". */
  | "evidential";

// lemma[:past[:participle]] — regular forms are generated; irregular pasts are given.
const SPEECH = `say:said tell:told add state declare announce claim assert insist argue explain note remark comment
respond reply answer acknowledge admit:admitted concede confirm deny warn caution predict promise pledge vow
suggest propose recommend urge ask question wonder write:wrote:written tweet post report reveal disclose testify
complain boast brag joke quip recall recount describe allege contend maintain stress emphasize emphasise observe
mention repeat reiterate counter retort conclude agree disagree concur estimate speculate guess assure reassure
threaten demand charge accuse blame criticize criticise condemn praise attack blast slam lament decry deride mock
ridicule dismiss reject signal hint imply forecast proclaim shout yell scream whisper cry read:read
exclaim muse explain tout hail applaud welcome thank apologize apologise concede caution advise inform notify remind
recommend order instruct insist object protest complain grumble lash rail scoff sneer snap:snapped quip:quipped
challenge dispute contradict refute rebut correct clarify elaborate summarize summarise characterize characterise
portray label brand dub:dubbed call term describe interrupt chime interject vouch swear:swore:sworn
reaffirm affirm aver pronounce preach lecture plead:pleaded beg:begged implore petition appeal press
invite suggest theorize theorise posit hypothesize argue opine editorialize editorialise pontificate
cite quote continue point:pointed weigh:weighed
email retweet chant request publish talk speak:spoke:spoken
echo frame:framed query confess profess specify depict deplore bemoan laud commend compliment divulge
mutter murmur convey avow attest certify gush heckle`;

const COGNITION = `think:thought know:knew:known believe feel:felt expect hope fear worry doubt suspect assume suppose
understand:understood realize realise recognize recognise remember learn decide determine imagine reckon wish
envision foresee:foresaw:foreseen anticipate presume conclude infer:inferred deduce
notice discover ponder contemplate perceive comprehend`;

const ATTITUDE = `want support oppose endorse back favor favour prefer:preferred like love hate dislike seek:sought
plan:planned intend refuse decline agree vow pledge promise demand urge
embrace champion defend praise criticize criticise condemn slam blast attack question challenge
reject dismiss welcome applaud celebrate mourn regret:regretted lament resent fault credit thank congratulate
blame accuse refer:referred vote express discuss address denounce assail lambaste chide scold rebuke berate
castigate excoriate bash knock tout
renounce repudiate disown retract recant cherish admire despise detest loathe spurn shun`;

/** Seeing something as something: cues only with "as" or a that-clause after them (see cues.ts). */
const REGARD = `see:saw:seen view regard consider`;

const EVIDENCE = `show:showed:shown find:found reveal indicate suggest demonstrate confirm estimate`;

const EVIDENTIAL = `seem appear`;

export function regularForms(lemma: string, past?: string, participle?: string): string[] {
  const forms = new Set<string>([lemma]);
  const vowel = /[aeiou]/;
  // Third person singular.
  if (/(s|sh|ch|x|z|o)$/.test(lemma)) forms.add(lemma + "es");
  else if (/[^aeiou]y$/.test(lemma)) forms.add(lemma.slice(0, -1) + "ies");
  else forms.add(lemma + "s");
  // Past and participle.
  let ed: string;
  if (lemma.endsWith("e")) ed = lemma + "d";
  else if (/[^aeiou]y$/.test(lemma)) ed = lemma.slice(0, -1) + "ied";
  else ed = lemma + "ed";
  forms.add(past ?? ed);
  forms.add(participle ?? past ?? ed);
  // -ing: drop a silent e, double a final consonant when the past did.
  let ing: string;
  if (/ie$/.test(lemma)) ing = lemma.slice(0, -2) + "ying";
  else if (/[^aeioe]e$/.test(lemma) && lemma !== "be") ing = lemma.slice(0, -1) + "ing";
  else if (past && past.length === lemma.length + 3 && past.endsWith(lemma.slice(-1) + "ed") && vowel.test(lemma))
    ing = lemma + lemma.slice(-1) + "ing";
  else ing = lemma + "ing";
  forms.add(ing);
  return [...forms];
}

export interface CueVerb {
  lemma: string;
  classes: Set<CueClass>;
}

function build(): Map<string, CueVerb> {
  const map = new Map<string, CueVerb>();
  const add = (list: string, cls: CueClass) => {
    for (const entry of list.split(/\s+/)) {
      if (!entry) continue;
      const [lemma, past, participle] = entry.split(":") as [string, string?, string?];
      for (const form of regularForms(lemma, past, participle)) {
        let v = map.get(form);
        if (!v) {
          v = { lemma, classes: new Set() };
          map.set(form, v);
        }
        v.classes.add(cls);
      }
    }
  };
  add(SPEECH, "speech");
  add(COGNITION, "cognition");
  add(ATTITUDE, "attitude");
  add(REGARD, "attitude");
  add(EVIDENCE, "evidence");
  add(EVIDENTIAL, "evidential");
  return map;
}

/** Inflected form (lower case) → cue verb. */
export const CUE_VERBS: Map<string, CueVerb> = build();

function set(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

export const DETERMINERS = set(
  "the a an this that these those his her its their our my your some many several both all each every any no such another other most few",
);

export const PERSONAL_PRONOUNS = set("i we you he she they it who which one");

/** Words that can sit between a subject and its cue verb ("has also repeatedly said"). */
export const VERB_MODIFIERS = set(
  "has have had will would could should may might must can did does do is are was were be been being also not never " +
  "just still already previously later then repeatedly recently once often again even publicly privately reportedly " +
  "initially first earlier since long always frequently quickly flatly bluntly openly himself herself themselves itself " +
  "n't not ’s 's 've ’ve 'd ’d 'll ’ll only now today yesterday tonight",
);

/** Words that end a noun phrase when walking leftwards from a verb. */
export const NP_BOUNDARY = set(
  "and but or nor while as when because since although though if that which who whom whose where after before until " +
  "unless so yet whether than in on at with by from to about into over under during against between through for of " +
  "without within among across toward towards upon via per like unlike despite amid says said is are was were be " +
  "has have had will would could should may might must can did does do not",
);

/** Prepositions and similar words that can start an adverbial right after a cue ("said on Tuesday that"). */
export const ADVERBIAL_START = set(
  "on in at during after before last this earlier later late early yesterday today tonight tuesday monday " +
  "wednesday thursday friday saturday sunday recently previously also again repeatedly publicly privately flatly " +
  "then now there here once too emphatically bluntly",
);

export const SUBORDINATORS = set(
  "and but or while as when because since although though if whether after before until unless so yet where whereas",
);

/** Personal titles and roles that mark a person mention ("President", "spokesman"). */
export const PERSON_TITLES = set(
  "mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady president vice senator sen. sen rep. rep " +
  "representative congressman congresswoman councillor councilor councilman councilwoman lawmaker legislator " +
  "gov. gov governor mayor minister secretary spokesman spokeswoman " +
  "spokesperson chairman chairwoman chair director chief ceo founder leader candidate nominee judge justice " +
  "attorney general gen. gen lt. col. capt. sgt. adm. king queen prince princess pope rev. reverend bishop " +
  "ambassador envoy commissioner chancellor premier speaker deputy aide adviser advisor strategist manager " +
  "pollster analyst professor economist lawyer officer sheriff detective reporter correspondent anchor host " +
  "columnist editor author activist organizer historian scientist researcher doctor businessman businesswoman " +
  "billionaire actor actress singer rapper star coach player voter resident worker survivor victim father " +
  "mother son daughter wife husband brother sister friend secretary-general director-general",
);

/** Head words of organisation names and descriptions. */
export const ORG_WORDS = set(
  "international institute group association party campaign committee university college school news times " +
  "post journal inc. inc corp. corp co. company corporation foundation agency organization organisation center " +
  "centre fund network watch council union league society club bank trust alliance coalition federation " +
  "pac super-pac magazine newspaper network channel press media reuters ap cnn fox msnbc nbc abc cbs bbc " +
  "institution firm partners group's caucus movement project initiative coalition board consortium",
);

/** Head words of government bodies. */
export const GOV_WORDS = set(
  "government ministry department administration police army military navy commission congress senate house " +
  "parliament assembly court cabinet office kremlin pentagon white state states agency authority authorities " +
  "embassy consulate bureau fbi cia nsa dhs doj irs epa officials official regime junta " +
  "prosecutors prosecutor legislature municipality",
);
