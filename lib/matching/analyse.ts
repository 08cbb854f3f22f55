/**
 * One pass over a text producing everything the features compare: content stems and their
 * counts, stem bigrams, character trigrams, names and figures. A post is analysed once per
 * query, a candidate once per field. Pure.
 */
import { extractFigures, type Figure } from "./figures";
import { extractNames } from "./names";
import { isContent, stem, surfaceTokens } from "./text";

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
  /** Character trigrams of the content words joined by spaces. */
  grams: Set<string>;
  /** Stems of names (names.ts), and of every capitalised word. */
  names: string[];
  capitalised: string[];
  figures: Figure[];
}

export function analyse(text: string): Analysis {
  const all = surfaceTokens(text);
  const stems: string[] = [];
  const words: string[] = [];
  for (const w of all) {
    const t = w.toLowerCase();
    if (!isContent(t)) continue;
    stems.push(stem(t));
    words.push(w);
  }
  const tf = new Map<string, number>();
  for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
  const bigrams = new Set<string>();
  for (let i = 1; i < stems.length; i++) bigrams.add(`${stems[i - 1]} ${stems[i]}`);
  const joined = ` ${words.join(" ").toLowerCase()} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= joined.length; i++) grams.add(joined.slice(i, i + 3));
  const { names, capitalised } = extractNames(text);
  return { stems, words, tf, length: all.length, bigrams, grams, names, capitalised, figures: extractFigures(text) };
}

/** Both analysed fields of a candidate. `text` includes the quote, when there is one. */
export interface CandidateAnalysis {
  text: Analysis;
  headline: Analysis;
  /** Every content stem of text and headline. */
  all: Set<string>;
  day: number | null;
}
