/**
 * Indirect-speech patterns: "X said (that) …", post-posed "…, X said", the parenthetical
 * "…, X said, …", participles sharing the main subject (", saying …") and "according to X".
 */
import type { Cue } from "./cues";
import { ADVERBIAL_START, DETERMINERS } from "./lexicon";
import { phraseAfter, skipModifiersLeft, type Range } from "./np";
import type { Sentence } from "./segment";
import { lastContent, SENTENCE_PUNCT, trim, type Ctx, type RawAttribution } from "./context";
import { quotedFragment, skipAfterCue } from "./quote-patterns";
import { CLAUSE_START, contentEnd, NP_PARTICLES, objectEnd } from "./boundaries";

const MIN_CONTENT_WORDS = 3;

function words(ctx: Ctx, a: number, b: number): number {
  let n = 0;
  for (let i = a; i <= b; i++) if (ctx.tokens[i]!.kind === "word" || ctx.tokens[i]!.kind === "num") n++;
  return n;
}

/** "according to X": the content is the rest of the sentence on the other side of X. */
export function accordingTo(ctx: Ctx, s: Sentence, cue: Cue): RawAttribution | null {
  const { tokens } = ctx;
  const source = phraseAfter(tokens, cue.last + 1, s.last, true);
  if (!source) return null;
  const end = lastContent(tokens, s);
  const before = trim(tokens, [s.first, cue.first - 1]);
  const after = trim(tokens, [source[1] + 1, end]);
  let content: Range | null;
  // What follows the source may describe it (", a pollster who …", ", where …"), not continue the claim.
  const tail = after ? tokens[after[0]]! : null;
  const describesSource = !!tail && (/^(a|an|the|who|which|where|whose|when|while|as)$/.test(tail.lower) || /ing$/.test(tail.lower));
  // "While most were X, according to Y, two were Z": a fronted subordinate clause is background.
  const subordinate = !!before && !!after && /^(while|although|though|whereas|because|since|if|when|as|after|before|unless|until)$/.test(tokens[before[0]]!.lower) && words(ctx, after[0], after[1]) >= MIN_CONTENT_WORDS;
  if (!before || words(ctx, before[0], before[1]) <= 1 || subordinate) content = after;
  else if (!after || (describesSource && words(ctx, before[0], before[1]) >= MIN_CONTENT_WORDS)) content = lastClause(ctx, before);
  else content = trim(tokens, [s.first, end]);
  if (!content) return null;
  return { kind: "according-to", content, source, cue: [cue.first, cue.last], priority: 1 };
}

/**
 * The last of coordinated clauses in `r`: what follows ", and" / ", but" / ";" when a subject
 * starts there ("A, and he sometimes added B, according to X" → "he sometimes added B").
 */
function lastClause(ctx: Ctx, r: Range): Range {
  const { tokens } = ctx;
  for (let i = r[1] - 2; i > r[0]; i--) {
    const t = tokens[i]!;
    if (t.quote >= 0) continue;
    const conj = t.text === ";" ? i : t.text === "," && /^(and|but)$/.test(tokens[i + 1]!.lower) ? i + 1 : -1;
    if (conj < 0) continue;
    const n = tokens[conj + 1]!;
    if (/^(he|she|they|it|we|i|you|there)$/.test(n.lower) || DETERMINERS.has(n.lower) || (n.cap && n.kind === "word")) {
      if (words(ctx, conj + 1, r[1]) >= MIN_CONTENT_WORDS) return [conj + 1, r[1]];
    }
    break;
  }
  return r;
}

/**
 * Post-posed cue: "CONTENT, X said [on Tuesday]." or "CONTENT, said X." Parenthetical
 * "A, X said, B." takes the whole sentence as content.
 */
/** Verbs that can be inverted after a quotation or clause ("…, said Mr. X"). */
const INVERTING = new Set(
  "say add write tell ask explain note continue recall reply respond insist argue conclude declare warn tweet announce claim observe remark comment quip joke concede acknowledge admit state report suggest predict complain".split(" "),
);

/** Words that start an adjunct of the cue itself after a parenthetical "…, X said, …". */
const TAIL_ADJUNCT = new Set("on in at during after before while when as with without from via through because since speaking".split(" "));

/** An inverted source must look like a name or a described person, not an object. */
function plausibleInvertedSource(ctx: Ctx, r: Range): boolean {
  for (let i = r[0]; i <= Math.min(r[1], r[0] + 4); i++) if (ctx.tokens[i]!.cap) return true;
  return /^(the|a|an|one|another|his|her|their)$/.test(ctx.tokens[r[0]]!.lower) && r[1] - r[0] <= 12;
}

/**
 * Post-posed cue: "CONTENT, X said [on Tuesday]." or "CONTENT, said X." Parenthetical
 * "A, X said, B." takes the whole sentence as content.
 */
export function postPosed(ctx: Ctx, s: Sentence, cue: Cue, subject: Range | null): RawAttribution | null {
  const { tokens } = ctx;
  const end = lastContent(tokens, s);
  let source: Range | null = subject;
  let comma: number;
  let afterCue = cue.last + 1;
  if (!subject) {
    // Inverted: "…, said Hala Agha, a resident who organized the event."
    const k = skipModifiersLeft(tokens, cue.first - 1, s.first);
    if (k < s.first || (tokens[k]!.text !== "," && tokens[k]!.text !== "—") || !INVERTING.has(cue.lemma)) return null;
    comma = k;
    source = phraseAfter(tokens, cue.last + 1, s.last, false);
    if (!source || !plausibleInvertedSource(ctx, source)) return null;
    afterCue = source[1] + 1;
  } else {
    comma = subject[0] - 1;
    if (comma <= s.first || (tokens[comma]!.text !== "," && tokens[comma]!.text !== "—")) return null;
  }
  const content = trim(ctx.tokens, [s.first, comma - 1]);
  if (!content) return null;
  // "This campaign, he says, is different": a short subject is enough when the clause goes on.
  const short = words(ctx, content[0], content[1]) < MIN_CONTENT_WORDS;
  const found = (c: Range): RawAttribution => ({ kind: "indirect", content: c, source, cue: [cue.first, cue.last], priority: 2 });
  // What follows the cue decides: nothing (or a short adverbial) → post-posed; a comma and more → parenthetical.
  let j = afterCue;
  while (j <= end && tokens[j]!.kind === "punct" && tokens[j]!.text !== ",") j++;
  if (j > end) return short ? null : found(content);
  const t = tokens[j]!;
  if (t.text === ",") {
    const rest = trim(tokens, [j + 1, end]);
    if (!rest) return short ? null : found(content);
    const r = tokens[rest[0]]!;
    // "A, she said, ''is a perfect example'' of B": a quoted fragment carries the clause on.
    if (r.kind === "quote" && r.quote >= 0 && quotedFragment(ctx, r.quote, end)) return found([content[0], end]);
    // ", adding that …" or ", according to" is another attribution; the content is ours alone.
    if (ctx.isCue[rest[0]] || r.kind === "quote") return short ? null : found(content);
    // "…, he said, wiping his face" / "…, she said, on condition of anonymity": an adjunct of the cue.
    if (/ing$/.test(r.lower) || TAIL_ADJUNCT.has(r.lower)) return short ? null : found(content);
    return found([content[0], end]);
  }
  if (short) return null;
  // A short adverbial tail: "…, Trump said on Tuesday." / "…, she told reporters at a rally."
  if (end - j < 8 && (ADVERBIAL_START.has(t.lower) || /^(in|at|to|with|during|after|before|from|via|on)$/.test(t.lower) || cue.lemma === "tell")) {
    for (let i = j; i <= end; i++) if (tokens[i]!.lower === "that" || tokens[i]!.kind === "quote") return null;
    return found(content);
  }
  return null;
}

const NAMING = new Set(["call", "dub", "label", "brand", "term", "nickname"]);

const ADVERBIAL_PREPOSITIONS = new Set("in on at during after before with from by".split(" "));

/** "X said (that) …": subject to the left, content to the right. */
export function forward(ctx: Ctx, s: Sentence, cue: Cue, source: Range | null): RawAttribution | null {
  const { tokens } = ctx;
  let j = skipAfterCue(ctx, s, cue);
  if (tokens[j]?.text === ":" || tokens[j]?.text === ",") j++;
  if (j > s.last) return null;
  const first = tokens[j]!;
  if (SENTENCE_PUNCT.has(first.text)) return null;
  const speechLike = cue.classes.has("speech") || cue.classes.has("cognition") || cue.classes.has("evidence");
  const particle = cue.last > cue.first ? tokens[cue.last]!.lower : "";
  const clause = CLAUSE_START.has(first.lower) || first.kind === "quote";
  // Stance verbs and "talk about"/"vote for" take an object, not a clause: it ends with the noun phrase.
  // Naming verbs take an object and a name ("called the plan “a disgrace”"), not a clause.
  const naming = NAMING.has(cue.lemma) && !particle;
  const objectOnly = !clause && first.lower !== "to" && (!speechLike || NP_PARTICLES.has(particle) || naming);
  const stopAtComma = !speechLike && !clause;
  let end = contentEnd(ctx, s, j, stopAtComma);
  if (objectOnly) end = objectEnd(ctx, j, end, cue.lemma);
  // "responded on Twitter", "reported from Charleston": an adverbial of the cue, not its content.
  if (ADVERBIAL_PREPOSITIONS.has(first.lower) && cue.last === cue.first && !(first.lower === "in" && cue.lemma === "believe")) return null;
  const content = trim(tokens, [j, end]);
  if (!content || words(ctx, content[0], content[1]) < 1) return null;
  return { kind: "indirect", content, source, cue: [cue.first, cue.last], priority: 3 };
}

/**
 * Evidentials with no source: "X seems to …", "X is expected to …", "X reportedly …" — the
 * whole clause is the content; "It appears that …" keeps only the that-clause.
 */
export function evidential(ctx: Ctx, s: Sentence, cue: Cue): RawAttribution | null {
  const { tokens } = ctx;
  const end = lastContent(tokens, s);
  let start = s.first;
  const next = tokens[cue.last + 1];
  if (next && (next.lower === "that" || next.text === ",") && tokens[cue.first - 1]?.lower === "it") {
    start = cue.last + 1;
    while (start <= end && tokens[start]!.kind === "punct") start++;
    if (tokens[start]?.lower === "though" || tokens[start]?.lower === "however") start += 2;
  }
  if (start === s.first) start = clauseStart(ctx, s, cue.first);
  let stop = Math.max(cue.last, contentEnd(ctx, s, cue.last + 1, false));
  // "…, as the president traveled …", "…, particularly after …": an adjunct of the writer's.
  for (let i = cue.last + 1; i < stop; i++) {
    if (tokens[i]!.text === "," && tokens[i]!.quote < 0 && EVIDENTIAL_TAIL.has(tokens[i + 1]!.lower)) {
      stop = i - 1;
      break;
    }
  }
  const content = trim(tokens, [start, stop]);
  if (!content || words(ctx, content[0], content[1]) < MIN_CONTENT_WORDS) return null;
  return { kind: "other", content, source: null, cue: [cue.first, cue.last], priority: 4 };
}

const EVIDENTIAL_TAIL = new Set("as particularly especially with while when after before because since although though but yet".split(" "));

/**
 * Where the clause holding `at` starts: after the nearest comma or dash to its left (a fronted
 * adverbial "After all, …", "When it comes to X, …"), not inside a quotation.
 */
function clauseStart(ctx: Ctx, s: Sentence, at: number): number {
  const { tokens } = ctx;
  for (let i = at - 1; i > s.first; i--) {
    const t = tokens[i]!;
    if (t.quote >= 0) continue;
    if (t.text === "," || t.text === "—" || t.text === ";" || t.text === ":") return i + 1;
  }
  return s.first;
}

const WH = new Set(["whether", "if", "how", "why", "what", "who", "whom", "which", "when", "where", "about", "to"]);

/** "Asked whether …, X said": the question is the content, asked of the main subject by someone unnamed. */
export function askedQuestion(ctx: Ctx, s: Sentence, cue: Cue): RawAttribution | null {
  const { tokens } = ctx;
  const prev = tokens[cue.first - 1];
  if (tokens[cue.first]!.lower !== "asked" || (cue.first !== s.first && !/^(when|if|after|before|,)$/.test(prev?.lower ?? ""))) return null;
  let j = cue.last + 1;
  let source: Range | null = null;
  if (tokens[j]?.lower === "by") {
    source = phraseAfter(tokens, j + 1, s.last, true);
    if (!source) return null;
    // "Asked by Stephanopoulos to respond …": the agent ends before the question.
    let k = source[0];
    while (k <= source[1] && !WH.has(tokens[k]!.lower)) k++;
    if (k <= source[1]) source = [source[0], k - 1];
    j = source[1] + 1;
  }
  const t = tokens[j];
  if (!t || !WH.has(t.lower)) return null;
  let end = j;
  const last = lastContent(tokens, s);
  // Up to the comma that ends the question, which may sit inside a closing quotation (“…,”).
  while (end < last && !(tokens[end + 1]!.text === "," && tokens[end + 1]!.quote < 0) && !(tokens[end]!.text === "," && tokens[end + 1]!.kind === "quote")) end++;
  if (tokens[end]!.text === "," && tokens[end + 1]?.kind === "quote") end++;
  const content = trim(tokens, [j, end]);
  if (!content) return null;
  return { kind: "indirect", content, source, cue: [cue.first, cue.last], priority: 2 };
}
