/**
 * Cue detection: which tokens of a sentence are reporting verbs (or "according to") used as verbs.
 * Many cue words are also nouns ("the report", "a call"), so a candidate must look like a verb
 * in context.
 */
import { CUE_VERBS, DETERMINERS, type CueClass } from "./lexicon";
import type { Token } from "./tokens";

export interface Cue {
  /** Token range of the cue, inclusive ("points out", "according to", "said"). */
  first: number;
  last: number;
  lemma: string;
  classes: Set<CueClass>;
  /** "-ing" form after a comma: shares the subject of the main clause (", saying …"). */
  participial: boolean;
  according: boolean;
  /** Passive ("was told", "is expected"): the subject is not the source. */
  passive: boolean;
}

/** Lemmas that are more often nouns: only their -ed and -ing forms, or clear verb contexts, count. */
const NOUNISH = new Set(
  "email request publish chant vote address express knock show state post charge order project press fire text email message point weigh quote cite label brand term call counter answer question attack support back plan hope fear want like love report claim comment note respond reply demand guess estimate record document detail highlight put feel sense trust wish bet figure target credit fault challenge dispute protest object appeal petition lecture signal mention forecast promise pledge vow joke blast slam tout hail welcome thank".split(
    " ",
  ),
);

/** Verbs that are cues only with their particle ("voted for", "referring to"). */
const NEEDS_PARTICLE = new Set(["vote", "refer", "talk", "speak", "point", "weigh", "chime", "lash", "push", "sign"]);

/**
 * Forms that are more often something else than a reporting verb ("voters find it hard",
 * "states like Ohio", "the report", "remarks"), measured on the tuning half of PolNeAR as
 * precision below about a third.
 */
const NO_BASE_FORM = new Set(
  "find like likes liked love loves hate state states report remarks tweet thinking back attack attacks address plan embraced demonstrated endorse want maintained charged".split(" "),
);

/** Particles that belong to the cue ("point out", "call for", "push back"). */
const PARTICLES: Record<string, Set<string>> = {
  point: new Set(["out", "to"]),
  call: new Set(["for", "on"]),
  push: new Set(["back"]),
  lash: new Set(["out"]),
  weigh: new Set(["in"]),
  fire: new Set(["back"]),
  chime: new Set(["in"]),
  warn: new Set(["of", "against", "about"]),
  complain: new Set(["about", "of"]),
  ask: new Set(["about"]),
  worry: new Set(["about"]),
  hope: new Set(["for"]),
  argue: new Set(["for", "against"]),
  vouch: new Set(["for"]),
  plead: new Set(["for"]),
  speak: new Set(["out", "about"]),
  talk: new Set(["about"]),
  rail: new Set(["against"]),
  boast: new Set(["about", "of"]),
  brag: new Set(["about"]),
  joke: new Set(["about"]),
  agree: new Set(["with"]),
  disagree: new Set(["with"]),
  sign: new Set(["off"]),
  refer: new Set(["to"]),
  vote: new Set(["for", "against"]),
};

/** Nouns for documents and measurements that take evidence verbs ("the survey shows"). */
const EVIDENCE_SUBJECTS = new Set("poll survey study report data analysis research polling evidence review audit census memo letter email filing footage video record transcript document ad analysis".split(" "));
const MODALS_AUX = new Set(
  "has have had will would could should may might must can did does do is are was were be been being to also not never n't".split(" "),
);
const PRONOUNS = new Set("i we you he she they it who which".split(" "));
const QUANTIFIERS = new Set("more most less least many several other some no newly recently widely".split(" "));
const PASSIVE_AUX = new Set("is are was were be been being".split(" "));

const REGARD_LEMMAS = new Set(["see", "view", "regard", "consider"]);

/** Does a seeing verb at `i` take "that …" or "X as Y" (within a short object), in the active? */
function regards(tokens: Token[], i: number, last: number): boolean {
  const prev = tokens[i - 1];
  if (prev && PASSIVE_AUX.has(prev.lower)) return false;
  if (tokens[i + 1]?.lower === "that") return true;
  for (let k = i + 2; k <= Math.min(last, i + 7); k++) {
    const t = tokens[k]!;
    if (t.lower === "as") return true;
    if (t.kind !== "word" && t.kind !== "num" && t.text !== "’s" && t.text !== "'s") return false;
  }
  return false;
}

function isVerbContext(tokens: Token[], i: number, first: number, lemma: string, form: string): boolean {
  const prev = i > first ? tokens[i - 1]! : null;
  if (prev && DETERMINERS.has(prev.lower) && prev.lower !== "that") return false;
  // "the group's report", "Trump's comments": a possessive makes a noun (but "he's said" is a verb).
  if (prev) {
    const base = prev.lower.replace(/['’]s?$/, "");
    if (base !== prev.lower && base.length > 1 && !PRONOUNS.has(base) && base !== "that" && base !== "there") return false;
  }
  // "dozens more suspected sites", "a newly proposed ban": a participle used as an adjective.
  if (prev && /ed$/.test(form) && (QUANTIFIERS.has(prev.lower) || prev.kind === "num")) return false;
  if (!NOUNISH.has(lemma)) return true;
  if (/(ed|ing)$/.test(form) || form === "said" || form === "told") {
    // "the revised report" is caught above; a past form after a noun is a verb.
    return true;
  }
  if (!prev) return false;
  if (MODALS_AUX.has(prev.lower) || PRONOUNS.has(prev.lower)) return true;
  // A capitalised name or a plural noun before a bare or -s form: "Trump calls for …", "polls show".
  if (prev.cap) return true;
  if (prev.kind === "word" && /[^s]s$/.test(prev.lower)) return true;
  // "the poll shows", "the study found": a document or measurement as the subject.
  if (EVIDENCE_SUBJECTS.has(prev.lower) && /s$/.test(form)) return true;
  return false;
}

export function findCues(tokens: Token[], first: number, last: number): Cue[] {
  const cues: Cue[] = [];
  let capWords = 0;
  let allWords = 0;
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word" || t.text.length < 4) continue;
    allWords++;
    if (t.cap) capWords++;
  }
  const titleCase = allWords >= 3 && capWords >= 0.8 * allWords;
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (t.kind !== "word" || t.quote >= 0) continue;
    if (t.lower === "reportedly") {
      cues.push({ first: i, last: i, lemma: "reportedly", classes: new Set(["evidential"]), participial: false, according: false, passive: false });
      continue;
    }
    if (t.lower === "according" && tokens[i + 1]?.lower === "to" && i + 1 <= last) {
      cues.push({ first: i, last: i + 1, lemma: "according to", classes: new Set(["speech"]), participial: false, according: true, passive: false });
      i++;
      continue;
    }
    // Cue verbs are lower case except at the start of a sentence ("Asked about …") and in
    // title-case headlines ("Sanders Says He Has Started …").
    if (t.cap && i !== first && !titleCase) continue;
    const verb = CUE_VERBS.get(t.lower);
    if (!verb || NO_BASE_FORM.has(t.lower)) continue;
    if (!(titleCase && t.cap) && !isVerbContext(tokens, i, first, verb.lemma, t.lower)) continue;
    // "appeared on Fox News" is not evidential; "appears to", "appears that" are.
    if (verb.lemma === "appear" && !/^(to|that|,|likely|unlikely)$/.test(tokens[i + 1]?.lower ?? "")) continue;
    // "knows that …", "knew how …": knowing is attributed with a clause, not an object ("knew Meles well").
    if (verb.lemma === "know" && !/^(that|how|what|why|whether|who|where|when|if|he|she|they|it|we|you|i|there|this)$/.test(tokens[i + 1]?.lower ?? "")) continue;
    // "sees Cruz as a uniter", "saw that …"; not "saw the film", "is seen as" (a passive evidential).
    if (REGARD_LEMMAS.has(verb.lemma) && !regards(tokens, i, last)) continue;
    // "continued:" introduces speech; "continued to …" is aspect.
    if (verb.lemma === "continue" && tokens[i + 1] && tokens[i + 1]!.kind === "word") continue;
    let end = i;
    const particles = PARTICLES[verb.lemma];
    const nxt = tokens[i + 1];
    if (particles && nxt && i + 1 <= last && particles.has(nxt.lower)) end = i + 1;
    else if (NEEDS_PARTICLE.has(verb.lemma)) continue;
    const prev = i > first ? tokens[i - 1]! : null;
    // A closing quotation mark may sit between the comma and the participle: “…,” adding …
    const closedComma = !!prev && prev.kind === "quote" && prev.qdir !== "open" && i - 2 >= first && tokens[i - 2]!.text === ",";
    // … or an adverb: ", wrongly suggesting …", ", again calling …"
    const adverbComma = !!prev && (/ly$/.test(prev.lower) || prev.lower === "again" || prev.lower === "also") && i - 2 >= first && tokens[i - 2]!.text === ",";
    const participial = t.lower.endsWith("ing") && (!prev || prev.text === "," || closedComma || adverbComma || prev.lower === "and" || prev.lower === "while" || prev.lower === "by");
    // "candidates seeking the nomination", "a supporting role": an attitude -ing after a noun modifies it.
    if (t.lower.endsWith("ing") && !participial && prev && !verb.classes.has("speech") && !verb.classes.has("cognition") && !MODALS_AUX.has(prev.lower) && !PRONOUNS.has(prev.lower) && !/^(for|of|about|from|after|before|without|on|in|to)$/.test(prev.lower)) continue;
    const passive = !!prev && PASSIVE_AUX.has(prev.lower) && !t.lower.endsWith("ing") && verb.lemma !== "agree";
    cues.push({ first: i, last: end, lemma: verb.lemma, classes: verb.classes, participial, according: false, passive });
    i = end;
  }
  return cues;
}
