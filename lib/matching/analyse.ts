/**
 * One pass over a text producing everything the features compare: content stems and their
 * counts, stem bigrams and names. A post is analysed once per query, a candidate once per
 * field. Figures are read separately and lazily: only a post stating a figure needs the
 * candidates' figures. Pure.
 */
import { extractFigures, type Figure } from "./figures";
import { namesOfWords } from "./names";
import { fold, isContent, stem, WORD } from "./text";

export interface Analysis {
  /** Content stems in text order, duplicates kept. */
  stems: string[];
  /** The same content words as written (case kept), aligned with `stems`. */
  words: string[];
  /** Content stem → count. */
  tf: Map<string, number>;
  /** Number of tokens (stopwords included), the length BM25 normalises by. */
  length: number;
  /** Adjacent content stems, "a b" (stopwords between them skipped). */
  bigrams: Set<string>;
  /** Stems of names (names.ts), and of every capitalised word. */
  names: string[];
  capitalised: string[];
}

export function analyse(text: string): Analysis {
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
  const tf = new Map<string, number>();
  for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
  const bigrams = new Set<string>();
  for (let i = 1; i < stems.length; i++) bigrams.add(`${stems[i - 1]} ${stems[i]}`);
  const { names, capitalised } = namesOfWords(folded, matches);
  return { stems, words, tf, length: matches.length, bigrams, names, capitalised };
}

/** Both analysed fields of a candidate. `text` includes the quote, when there is one. */
export interface CandidateAnalysis {
  text: Analysis;
  headline: Analysis;
  /** Every content stem of text and headline. */
  all: Set<string>;
  /** Names of text and headline, once each. */
  names: string[];
  /** Text and headline as given, for the figures (read only when the post states one). */
  source: string;
  day: number | null;
}

const FIGURES = new WeakMap<CandidateAnalysis, Figure[]>();

/** The figures of a candidate's text then headline, read on first use. */
export function candidateFigures(c: CandidateAnalysis): Figure[] {
  let f = FIGURES.get(c);
  if (!f) FIGURES.set(c, (f = extractFigures(c.source)));
  return f;
}
