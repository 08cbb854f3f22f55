/**
 * Words as the FTS index sees them. `tokens` cuts text the way FTS5's `unicode61
 * remove_diacritics 2` tokenizer does (letters, digits and private-use characters are word
 * characters; case folded; diacritics removed), and `stem` applies the same Porter stemmer,
 * so a stem here can be looked up in the index's vocabulary (document frequencies) and a word
 * the query shares with a candidate is a word the index would also call shared. Pure.
 */
import { porterStem } from "./porter";

/** A word as unicode61 sees one: letters, digits, private-use characters. */
export const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
const MARKS = /\p{M}+/gu;

/** `text` with diacritics removed as unicode61 removes them, case kept. */
export function fold(text: string): string {
  // Plain ASCII (most archived claims) has nothing to fold.
  return /^[\x00-\x7f]*$/.test(text) ? text : text.normalize("NFKD").replace(MARKS, "");
}

/** Diacritic-free words of `text` as written (case kept), in order; `tokens` lower-cases them. */
export function surfaceTokens(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** Case-folded, diacritic-free words of `text`, in order (duplicates kept). */
export function tokens(text: string): string[] {
  return surfaceTokens(text.toLowerCase());
}

/**
 * Stems are memoised: candidates repeat across queries and Porter is the hot loop. The cache is
 * bounded (cleared when full) so a long-running server cannot grow it without limit.
 */
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

export function stem(token: string): string {
  let s = STEM_CACHE.get(token);
  if (s === undefined) {
    s = porterStem(token);
    if (STEM_CACHE.size >= STEM_CACHE_MAX) STEM_CACHE.clear();
    STEM_CACHE.set(token, s);
  }
  return s;
}

/**
 * Function words: never FTS terms (they would pull in most of the index) and never evidence of
 * a match. Negations are stopwords too: a fact-check archive holds the claim whatever its
 * verdict, so "not" does not tell one archived claim from another.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being below between both but by
  can cannot could couldn did didn do does doesn doing don down during each few for from further had hadn has hasn have haven having
  he her here hers herself him himself his how i if in into is isn it its itself just ll me more most my myself no nor not now of
  off on once only or other our ours ourselves out over own re s same she should shouldn so some such t than that the their theirs
  them themselves then there these they this those through to too under until up ve very was wasn we were weren what when where
  which while who whom why will with won would wouldn you your yours yourself yourselves d m o y ain
  just via amp rt get got go going gonna let lets like also even ever really still yet much many every`.split(/\s+/),
);

/** True for a word that carries content: not a stopword, and not a lone letter. */
export function isContent(token: string): boolean {
  return !STOPWORDS.has(token) && (token.length > 1 || /\d/.test(token));
}

/** Stems of the content words of `text`, in order (duplicates kept). */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokens(text)) if (isContent(t)) out.push(stem(t));
  return out;
}
