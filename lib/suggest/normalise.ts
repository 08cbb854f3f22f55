/**
 * The claim text an accepted suggestion starts from: a plain statement of what was said, which
 * the fact-checker edits if needed (the quote itself stays verbatim in the claim's anchor).
 *
 * Deliberately simple, so that it never says more than the text did:
 * - quotation marks around the words and trailing punctuation go (pairs inside stay);
 * - an attribution that interrupts a quotation (“A,” she said, “B.”) is cut out;
 * - a leading "that" of reported speech goes, and the first letter is capitalised;
 * - in a direct quotation, first-person pronouns become the speaker ("We will cut taxes" said by
 *   Smith → "Smith will cut taxes"; "my plan" → "Smith's plan"), with the verb right after a
 *   subject pronoun made to agree ("I am" → "Smith is"); a quotation that addresses someone
 *   ("you") or uses "me"/"us" after a preposition keeps its words — only a subject, object or
 *   possessive pronoun is replaced, nothing is guessed beyond that;
 * - in reported speech, a leading "he"/"she" (the reported clause's subject, almost always the
 *   speaker: "Smith said he would win") becomes the speaker, if the speaker is a person;
 * - an infinitive or object content ("refused to take refugees", "endorsed Cruz") keeps the
 *   speaker and cue in front, since without them it is no statement at all.
 * Without a speaker, only the punctuation is tidied.
 */

const QUOTES = "\"'“”‘’«»„‟‹›";
const TRAILING = ".,;:!?…-–—";

export interface NormaliseInput {
  /** The content span's words, verbatim. */
  content: { start: number; end: number; text: string };
  /** The attribution's source and cue, when found (offsets of the same text as `content`). */
  source?: { start: number; end: number; text: string } | null;
  cue?: { start: number; end: number; text: string } | null;
  /** The resolved speaker's name and kind, or null. */
  speaker?: { name: string; kind: string } | null;
  kind: "direct-quote" | "indirect" | "according-to" | "other";
}

/** Quotation marks around the text and trailing punctuation removed; unpaired inner marks too. */
export function tidyQuote(content: string): string {
  let text = content.trim();
  for (let before = ""; before !== text; ) {
    before = text;
    while (text && QUOTES.includes(text[0]!)) text = text.slice(1).trimStart();
    while (text && (QUOTES.includes(text.at(-1)!) || TRAILING.includes(text.at(-1)!))) text = text.slice(0, -1).trimEnd();
  }
  const opened = [...text].filter((c) => c === "“").length;
  const closed = [...text].filter((c) => c === "”").length;
  const straight = [...text].filter((c) => c === '"').length;
  if (opened !== closed) text = text.replace(/[“”]/g, "");
  if (straight % 2 === 1) text = text.replace(/"/g, "");
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Cuts an attribution lying inside the content out of it: from the closing mark before the
 * source or cue to the opening mark after them (“A,” she said, “B.” → “A, B.”).
 */
function withoutInnerAttribution(input: NormaliseInput): string {
  const cps = Array.from(input.content.text);
  const parts = [input.source, input.cue].filter((p): p is NonNullable<typeof p> => !!p && p.start >= input.content.start && p.end <= input.content.end);
  // Only a quotation is interrupted by its attribution; an evidential ("X reportedly plans …")
  // or a nested cue belongs to the sentence.
  if (parts.length === 0 || input.kind !== "direct-quote") return input.content.text;
  let from = Math.min(...parts.map((p) => p.start)) - input.content.start;
  let to = Math.max(...parts.map((p) => p.end)) - input.content.start;
  // Widen to the quotation marks around the attribution, and the commas next to it.
  while (from > 0 && /[\s,“”"'‘’]/.test(cps[from - 1]!)) from--;
  while (to < cps.length && /[\s,.:“”"'‘’]/.test(cps[to]!)) to++;
  const before = cps.slice(0, from).join("");
  const after = cps.slice(to).join("");
  if (!before.trim()) return after;
  if (!after.trim()) return before;
  return `${before}, ${after.charAt(0).toLowerCase() === after.charAt(0) ? after : lowerFirst(after)}`;
}

/** Lowercases a sentence-initial capital, but not "I" or a name-looking word ("Smith", "NATO"). */
function lowerFirst(s: string): string {
  const word = s.match(/^\S+/)?.[0] ?? "";
  if (word === "I" || /^I['’]/.test(word) || /^[A-Z]{2,}/.test(word)) return s;
  // A name cannot be told from a sentence start here; only common function words are lowered.
  return /^(The|A|An|It|This|That|These|Those|We|Our|They|There|And|But|So|If|When|What|Our|My|You|He|She)\b/.test(word) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const possessive = (name: string) => (/s$/.test(name) ? `${name}’` : `${name}’s`);

/** Verb agreement after a first-person subject turned third person singular. */
const AGREE: Record<string, string> = {
  am: "is",
  are: "is",
  were: "was",
  have: "has",
  do: "does",
  "don't": "doesn't",
  "don’t": "doesn’t",
  "aren't": "isn't",
  "aren’t": "isn’t",
  "haven't": "hasn't",
  "haven’t": "hasn’t",
  "weren't": "wasn't",
  "weren’t": "wasn’t",
};

/** Contractions of a first-person subject: I'm, we're, I've, we've, I'll, I'd. */
const CONTRACTED: Record<string, string> = { m: "is", re: "is", ve: "has", ll: "will", d: "would" };

/** First-person pronouns in a direct quotation resolved to the speaker. */
export function resolveFirstPerson(text: string, speaker: string): string {
  const pos = possessive(speaker);
  // Subject pronoun with a contraction: "I'm", "We're", "we've".
  let out = text.replace(/\b(I|[Ww]e)['’](m|re|ve|ll|d)\b/g, (_m, _p: string, c: string) => `${speaker} ${CONTRACTED[c]!}`);
  // Subject pronoun followed by a verb that must agree.
  out = out.replace(/\b(I|[Ww]e)\s+(am|are|were|have|do|don['’]t|aren['’]t|haven['’]t|weren['’]t)\b/g, (_m, _p: string, v: string) => `${speaker} ${AGREE[v] ?? AGREE[v.replace("'", "’")] ?? v}`);
  // A present-tense verb after "I"/"we" takes an -s ("I think" → "Smith thinks"); only regular
  // verbs of a few letters, and not modal or past forms, which need nothing.
  out = out.replace(/\b(I|[Ww]e)\s+([a-z]+)\b/g, (_m, _p: string, v: string) => `${speaker} ${thirdPerson(v)}`);
  out = out.replace(/\b(my|our|My|Our)\b/g, pos);
  out = out.replace(/\b(myself|ourselves)\b/gi, speaker);
  // Object pronouns only after a verb-looking word, not after a preposition ("for us" stays).
  out = out.replace(/\b([a-z]+)\s+(me|us)\b/g, (m, before: string, _p: string) => (PREPOSITIONS.has(before) ? m : `${before} ${speaker}`));
  return out;
}

const PREPOSITIONS = new Set(["to", "for", "with", "of", "about", "from", "by", "at", "on", "in", "against", "like", "than", "among", "between", "behind", "without", "toward", "towards", "upon", "into", "onto", "let", "help", "join"]);

const NO_S = /^(will|would|can|could|shall|should|may|might|must|had|did|was|is|has|does|never|also|just|still|only|always|often|really|already|all|both|too|ought|used|said|told|thought|believed|knew|went|got|made|wanted|needed|tried|\w+ed)$/;

function thirdPerson(verb: string): string {
  if (NO_S.test(verb)) return verb;
  if (verb === "have") return "has";
  if (verb === "go" || verb === "do") return `${verb}es`;
  if (/(s|sh|ch|x|z)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Words a content starts with when it is no clause of its own: an infinitive, an object. */
function needsCue(text: string, kind: NormaliseInput["kind"]): boolean {
  if (kind !== "indirect") return false;
  if (/^to\s/i.test(text)) return true;
  // A clause has an auxiliary or a past tense; an object ("Cruz", "his opponents") has neither.
  // A present-tense clause without one ("the economy grows") keeps the cue too: wordier, never wrong.
  return !/\b(is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|won['’]t|can['’]t|\w+ed)\b/i.test(text);
}

/** The normalised statement of a suggestion (see the module comment). */
export function normaliseStatement(input: NormaliseInput): string {
  let text = tidyQuote(withoutInnerAttribution(input));
  const speaker = input.speaker?.name?.trim();
  if (input.kind === "indirect" || input.kind === "other") text = text.replace(/^that\s+/i, "");
  if (!speaker) return upperFirst(text);
  if (input.kind === "direct-quote") text = resolveFirstPerson(text, speaker);
  else if (input.kind === "indirect" && input.speaker?.kind === "person") text = text.replace(/^(he|she)\b/i, speaker).replace(/^(his|her)\b/i, possessive(speaker));
  if (needsCue(text, input.kind) && input.cue) text = `${speaker} ${input.cue.text.trim()} ${text}`;
  return upperFirst(text);
}
