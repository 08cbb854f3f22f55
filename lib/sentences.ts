/**
 * The one sentence segmenter of Counterpoint: the annotator's keyboard selection, the claim
 * page's quote context and the suggestion engine all cut sentences here. Pure string work, no
 * Node APIs (it runs in the browser bundle).
 *
 * A sentence ends at a line break, or at . ! ? … (with any closing quotes or brackets right
 * after) followed by white space and something that can start a sentence: a capital letter, a
 * digit, an opening quote, or a bracket opening a capitalised or quoted sentence. A period after
 * an abbreviation is judged by what the abbreviation is:
 * - titles and other prefixes (Mr. Rep. Sen. Gov. Dr. … vs. e.g. i.e.) never end a sentence
 *   before a capitalised word: "Rep. Lynch" is one sentence;
 * - numbering words (No. Vol. Fig. pp.) are abbreviations only before a number ("No. 2");
 *   otherwise they are ordinary words ("The answer was no. Then …" ends);
 * - dotted acronyms (U.S. D.C. a.m. J.K.), single-letter initials (John F. Kennedy), months,
 *   states, Inc. Co. Jr. etc. may end a sentence, and do when a capitalised common sentence
 *   starter follows ("… in the U.S. The next day …", but "U.S. Senate", "George W. Bush").
 * A closing quotation mark after an abbreviation's period ends its sentence like any full stop.
 * Decimals ("3.5"), addresses ("cnn.com") and "U.S.-led" never split: a boundary needs space.
 *
 * Offsets: `sentenceSpans` gives UTF-16 indices (what JavaScript strings and regexes use, and
 * what the suggestion engine works in); `sentenceRanges` gives code points, the unit of anchors.
 */
import { CodePointIndex } from "./codepoints";

export interface TextRange {
  start: number;
  end: number;
}

/** How an abbreviation's period behaves at a possible sentence end. */
export type AbbreviationKind = "prefix" | "numbering" | "final";

const words = (s: string) => s.trim().split(/\s+/);

/** Titles and other words that always precede what they qualify; capitalised to count. */
const TITLES = new Set(
  words(`mr mrs ms mx messrs dr prof gov sen rep reps sens gen gens lt col capt cpt sgt cpl pvt maj adm cmdr
    rev fr hon pres supt insp det atty amb sec`),
);
/** Prefixes in any case: "vs." "v." "e.g." "i.e." "cf." "viz." */
const PREFIXES = new Set(words("vs v e.g i.e cf viz"));
/** Abbreviations only before a number: "No. 2", "Vol. 3", "pp. 12". */
const NUMBERING = new Set(words("no nos vol vols fig figs p pp art ch"));
/** Abbreviations that may end a sentence; capitalised to count (states, months, companies …). */
const FINAL_CAPITALISED = new Set(
  words(`jan feb mar apr jun jul aug sep sept oct nov dec
    inc corp co ltd llc bros jr sr st mt ft ave blvd rd univ assn dept
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn tex va vt wash wis wyo`),
);
/** Abbreviations that may end a sentence, in any case. */
const FINAL_ANY = new Set(words("etc approx est al"));

/**
 * Capitalised words that commonly start a sentence and are not names: after an abbreviation
 * that may end a sentence (U.S., Inc., an initial), one of these means the sentence did end.
 */
const STARTERS = new Set(
  words(`the a an he she it they we i you his her its their our my your this that these those there here
    but and or so yet still also even then now however meanwhile instead moreover furthermore indeed
    in on at for as if when while after before since until during despite although though because unlike
    with without by from under over among according asked
    what why how who where which whether
    one some many most more much both all each every no not none few several other others another such only just
    last earlier later today yesterday tomorrow
    initially finally previously currently recently similarly additionally ultimately overall`),
);

// The abbreviation-like word ending right before a period: letters joined by dots, apostrophes,
// hyphens or ampersands ("U.S", "J.K", "D-Mass", "AT&T").
const WORD_BEFORE = /[\p{L}\p{M}\p{N}]+(?:[.'’&-][\p{L}\p{M}\p{N}]+)*$/u;
const DOTTED = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u;
const TERMINATOR = /[.!?…]/;
const CLOSER = /["”’'»)\]]/;
const QUOTE_CLOSER = /["”’'»]/;
const OPENER = /["“‘'«`„]/;
const SPACE = /\s/;

/**
 * What the period after `word` (the letters right before it, e.g. "Rep", "U.S", "D-Mass") is,
 * if it is an abbreviation's; `next` is the text after the period (only its start is read).
 */
export function abbreviationKind(word: string, next: string): AbbreviationKind | null {
  if (PREFIXES.has(word.toLowerCase())) return "prefix";
  // A hyphenated party-and-state label ("D-Mass", "R-N.Y") is judged by its last part.
  const last = word.slice(word.lastIndexOf("-") + 1);
  if (/\./.test(last)) return DOTTED.test(last) ? "final" : null;
  const lastLower = last.toLowerCase();
  const cap = /^\p{Lu}/u.test(last);
  if (/^\p{Lu}$/u.test(last)) return "final"; // an initial
  if (cap && TITLES.has(lastLower) && last === word) return "prefix";
  if (NUMBERING.has(lastLower) && last === word) return /^\s*#?\d/.test(next) ? "numbering" : null;
  if (cap && FINAL_CAPITALISED.has(lastLower)) return "final";
  if (FINAL_ANY.has(lastLower) && last === word) return "final";
  return null;
}

/** Does `text` from `at` (white space already skipped) look like the start of a sentence? */
function startsSentence(text: string, at: number): boolean {
  const c = text[at];
  if (c === undefined || c === "\n") return true;
  if (/[\p{Lu}\p{N}]/u.test(c) || OPENER.test(c)) return true;
  if (c === "(" || c === "[") {
    const d = text[at + 1];
    return d !== undefined && (/\p{Lu}/u.test(d) || OPENER.test(d));
  }
  return false;
}

/** Is the word at `at` a capitalised common sentence starter ("The", "He", "But" …)? */
function startsWithStarter(text: string, at: number): boolean {
  const m = /^(\p{Lu}\p{Ll}*)(?:['’]\p{Ll}+)?(?=[\s,;:]|$)/u.exec(text.slice(at, at + 24));
  return !!m && STARTERS.has(m[1]!.toLowerCase());
}

/**
 * Is there a sentence boundary after the terminator text[i, j) and the closers text[j, k)?
 * `next` is the index of the first non-space character after them.
 */
function isBoundary(text: string, i: number, j: number, k: number, next: number): boolean {
  const c = text[next];
  if (c === undefined || c === "\n") return true;
  // "?!", "…", "..." and ". . ." take the ordinary rule.
  if (j - i > 1 || text[i] !== "." || (i > 0 && text[i - 1] === " " && text[i - 2] === ".")) return startsSentence(text, next);
  // A closing quote after the period: the quotation, and its sentence, ended there.
  let quoted = false;
  for (let q = j; q < k; q++) if (QUOTE_CLOSER.test(text[q]!)) quoted = true;
  const word = quoted ? null : WORD_BEFORE.exec(text.slice(Math.max(0, i - 40), i))?.[0];
  const kind = word ? abbreviationKind(word, text.slice(k, k + 8)) : null;
  if (kind === "prefix" || kind === "numbering") return false;
  if (kind === "final") return startsWithStarter(text, next);
  return startsSentence(text, next);
}

/**
 * A full stop with no space after it, between a lower-case word and a capitalised one, where a
 * line break or a space was lost ("… he said.Trump …", "… world.”Rick …"); not an
 * abbreviation's period ("Mrs.Clinton") nor an address ("cnn.com").
 */
function runsOn(text: string, i: number, j: number, k: number): boolean {
  if (!/^\p{Ll}\p{Ll}$/u.test(text.slice(Math.max(0, i - 2), i))) return false;
  const c = text[k];
  if (!(c !== undefined && /\p{Lu}/u.test(c) && /\p{Ll}/u.test(text[k + 1] ?? "")) && !(c === "“" && /\p{L}/u.test(text[k + 1] ?? ""))) return false;
  if (j - i > 1 || text[i] !== ".") return true;
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, i - 40), i))?.[0];
  const kind = word ? abbreviationKind(word, text.slice(k, k + 8)) : null;
  if (kind === "prefix" || kind === "numbering") return false;
  return kind !== "final" || startsWithStarter(text, k);
}

/**
 * Does the period at `at`, inside what looks like one word ("said.Trump"), end a sentence
 * whose following space was lost? The suggestion engine's tokenizer splits such words here.
 */
export function runOnStop(text: string, at: number): boolean {
  let k = at + 1;
  while (k < text.length && CLOSER.test(text[k]!)) k++;
  return text[at] === "." && runsOn(text, at, at + 1, k);
}

/** Sentences of `text` as UTF-16 ranges, in order, without leading or trailing white space. */
export function sentenceSpans(text: string): TextRange[] {
  const spans: TextRange[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === "\n") {
      push(i);
      start = i + 1;
      continue;
    }
    if (!TERMINATOR.test(c)) continue;
    let j = i + 1;
    while (j < n && TERMINATOR.test(text[j]!)) j++;
    let k = j;
    while (k < n && CLOSER.test(text[k]!)) k++;
    if (k < n && !SPACE.test(text[k]!)) {
      // "3.5", "U.S.-led", "e.g.,": no space, no boundary, unless words ran together.
      if (runsOn(text, i, j, k)) {
        push(k);
        start = k;
      }
      i = k - 1;
      continue;
    }
    let next = k;
    while (next < n && text[next] !== "\n" && SPACE.test(text[next]!)) next++;
    if (isBoundary(text, i, j, k, next)) {
      push(k);
      start = k;
    }
    i = k - 1;
  }
  push(n);
  return spans;
}

/**
 * Sentence ranges of a text in code points, for keyboard selection in the annotator. Leading
 * and trailing spaces are left out of each range; line breaks always end a sentence.
 */
export function sentenceRanges(text: string): TextRange[] {
  const spans = sentenceSpans(text);
  const cp = new CodePointIndex(text);
  return spans.map((s) => ({ start: cp.toCodePoint(s.start), end: cp.toCodePoint(s.end) }));
}

/** Does the last sentence of `spans` end with a full stop (and not just where `text` was cut)? */
function endsWithStop(text: string, end: number): boolean {
  let e = end;
  while (e > 0 && CLOSER.test(text[e - 1]!)) e--;
  return e > 0 && TERMINATOR.test(text[e - 1]!);
}

/**
 * The context shown before a quote: `text` is what precedes the quote in its source (cut to a
 * radius; `cut` is true when the source goes on before it). Returns it from the start of the
 * quote's paragraph when that is inside, otherwise from the start of the last sentence that
 * begins inside it (the quote's own sentence, or the one before when the quote starts a
 * sentence); failing that, from the first whole word, after an ellipsis. Pass the quote as
 * `quote` so that an abbreviation right before it is judged with what follows ("Rep. " +
 * "Lynch said …").
 */
export function contextBefore(text: string, cut: boolean, quote = ""): string {
  const paragraph = text.lastIndexOf("\n");
  if (paragraph >= 0) return text.slice(paragraph + 1);
  if (!cut) return text;
  const spans = sentenceSpans(text + quote).filter((s) => s.start < text.length);
  // The first sentence is cut off at the radius; a later one starts a sentence for sure.
  if (spans.length >= 2) return text.slice(spans[spans.length - 1]!.start);
  const space = text.indexOf(" ");
  return `…${space >= 0 ? text.slice(space + 1) : text}`;
}

/**
 * The context shown after a quote: `text` is what follows the quote in its source (cut to a
 * radius). Returns it up to the end of the sentence the quote is in (or, when the quote ended
 * its sentence, of the next one), never past the paragraph; when the radius ends first, up to
 * the last whole word, with an ellipsis. Pass the quote as `quote` so that a period right after
 * it is judged with the word it ends ("… said Rep" + ". Lynch …").
 */
export function contextAfter(text: string, quote = ""): string {
  const paragraph = text.indexOf("\n");
  const cut = paragraph >= 0 ? text.slice(0, paragraph) : text;
  if (cut.trim() === "") return cut;
  const offset = quote.length;
  const spans = sentenceSpans(quote + cut);
  const first = spans.find((s) => s.end > offset);
  if (first) {
    const complete = first.end < offset + cut.length || endsWithStop(quote + cut, first.end);
    if (complete) return cut.slice(0, first.end - offset);
  }
  if (paragraph >= 0) return cut;
  const space = cut.lastIndexOf(" ");
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}
