/**
 * One pass over a text producing everything the features compare: content stems and their
 * counts, stem bigrams and names. A post is analysed once per query (`analyse`, the full
 * record); a candidate once per field (`analyseField`, a compact record of plain arrays, since
 * every archived claim may be held in the analysis cache). Figures are read separately and
 * lazily: only a post stating a figure needs the candidates' figures. Pure.
 */
import { extractFigures, type Figure } from "./figures";
import { namesOfWords, type Names } from "./names";
import { fold, isContent, stem, WORD } from "./text";

interface Scan extends Names {
  /** Content stems in text order, duplicates kept. */
  stems: string[];
  /** The same content words as written (case kept), aligned with `stems`. */
  words: string[];
  /** Number of tokens (stopwords included), the length BM25 normalises by. */
  length: number;
}

function scan(text: string): Scan {
  const folded = fold(text);
  const matches = [...folded.matchAll(WORD)];
  const stems: string[] = [];
  const words: string[] = [];
  for (const m of matches) {
    const w = m[0];
    const t = w.toLowerCase();
    if (!isContent(t)) continue;
    stems.push(stem(t));
    words.push(w);
  }
  return { stems, words, length: matches.length, ...namesOfWords(folded, matches) };
}

/** A post's text, in full. */
export interface Analysis extends Scan {
  /** Content stem → count. */
  tf: Map<string, number>;
  /** Bigrams (adjacent content stems, stopwords between them skipped) as first stem → second stems. */
  follows: Map<string, Set<string>>;
}

export function analyse(text: string): Analysis {
  const s = scan(text);
  const tf = new Map<string, number>();
  for (const x of s.stems) tf.set(x, (tf.get(x) ?? 0) + 1);
  const follows = new Map<string, Set<string>>();
  for (let i = 1; i < s.stems.length; i++) {
    const a = s.stems[i - 1]!;
    if (!follows.has(a)) follows.set(a, new Set());
    follows.get(a)!.add(s.stems[i]!);
  }
  return { ...s, tf, follows };
}

/** One field of a candidate, compactly. */
export interface FieldAnalysis {
  /** Distinct content stems and how often each occurs (parallel arrays). */
  stems: string[];
  counts: number[];
  length: number;
  /** Distinct bigrams as pairs of indexes into `stems`: [a0, b0, a1, b1, …]. */
  bigrams: Uint16Array;
  names: string[];
}

export function analyseField(text: string): FieldAnalysis {
  const s = scan(text);
  const index = new Map<string, number>();
  const counts: number[] = [];
  const order: number[] = [];
  for (const x of s.stems) {
    let i = index.get(x);
    if (i === undefined) {
      index.set(x, (i = counts.length));
      counts.push(0);
    }
    counts[i]!++;
    order.push(i);
  }
  const seen = new Set<number>();
  const pairs: number[] = [];
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1]!;
    const b = order[k]!;
    // Fields are short (a claim, a headline): far fewer than 65,536 distinct stems.
    if (b >= 0xffff || a >= 0xffff || seen.has(a * 0x10000 + b)) continue;
    seen.add(a * 0x10000 + b);
    pairs.push(a, b);
  }
  return { stems: [...index.keys()], counts, length: s.length, bigrams: Uint16Array.from(pairs), names: s.names };
}

/** Both analysed fields of a candidate. `text` includes the quote, when there is one. */
export interface CandidateAnalysis {
  text: FieldAnalysis;
  headline: FieldAnalysis;
  /** Distinct content stems of text and headline together. */
  all: string[];
  /** Names of text and headline, once each. */
  names: string[];
  /** Text (with the quote) and headline as given: for figures and explanations, read on demand. */
  source: { text: string; headline: string };
  day: number | null;
}

const FIGURES = new WeakMap<CandidateAnalysis, Figure[]>();

/** The figures of a candidate's text then headline, read on first use. */
export function candidateFigures(c: CandidateAnalysis): Figure[] {
  let f = FIGURES.get(c);
  if (!f) FIGURES.set(c, (f = extractFigures(`${c.source.text}\n${c.source.headline}`)));
  return f;
}

/** A candidate field's content stems in order (for shared phrases), scanned again on demand. */
export function fieldSequence(c: CandidateAnalysis, field: "text" | "headline"): string[] {
  return scan(c.source[field]).stems;
}
