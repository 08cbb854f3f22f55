/**
 * Words of a post that the archive has never seen, made into words it has, using only the
 * archive's own vocabulary (document frequencies): run-together hashtags and handles
 * ("elpaso" → "el paso", "boycottpepsi" → "boycott pepsi"), British spellings ("rumour" →
 * "rumor", "organisation" → "organization"), stretched words ("soooo" → "so"). Pure.
 *
 * Invariants:
 * - a word the archive knows (df > 0), a short word (< 5 letters), or a word with digits or
 *   capitals inside is never touched — only unknown lower-case words are repaired;
 * - a split uses at most 3 pieces of at least 3 letters, each a known word, and among those
 *   the fewest pieces, then the most frequent ones, win; no split at all is better than a
 *   split into rare pieces (every piece must occur in at least MIN_PIECE_DF claims);
 * - the work per word is bounded (words over 30 letters are left alone).
 */
import type { CorpusStats } from "./stats";
import { stem } from "./text";

const MIN_PIECE = 3;
const MAX_PIECES = 3;
const MAX_WORD = 30;
const MIN_PIECE_DF = 3;
/** Pieces that are suffixes more often than words: "kneelers" is not "kneel ers". */
const SUFFIXES = new Set(["ers", "ies", "ites", "ors", "ing", "ings", "less", "ness", "ship", "ful", "fully", "able", "ment", "pers", "est", "rest", "ism", "ist", "ous"]);

const SPELLINGS: [RegExp, string][] = [
  [/our(s|ed|ing|ite|ites|able|ful)?$/, "or$1"],
  [/isation(s)?$/, "ization$1"],
  [/ise(s|d)?$/, "ize$1"],
  [/ising$/, "izing"],
  [/yse(s|d)?$/, "yze$1"],
  [/tre(s)?$/, "ter$1"],
  [/ogue(s)?$/, "og$1"],
  [/ence$/, "ense"],
  [/ll(ed|ing|er)$/, "l$1"],
];

function known(stats: CorpusStats, word: string, minDf = 1): boolean {
  return stats.df(stem(word)) >= minDf;
}

/** The best split of `word` into known pieces, or null. */
function split(word: string, stats: CorpusStats): string[] | null {
  const n = word.length;
  // best[i]: the best split of word[0, i) as [pieces, score].
  const best: ({ pieces: string[]; score: number } | null)[] = new Array(n + 1).fill(null);
  best[0] = { pieces: [], score: 0 };
  for (let i = MIN_PIECE; i <= n; i++) {
    for (let j = 0; j <= i - MIN_PIECE; j++) {
      const prev = best[j];
      if (!prev || prev.pieces.length >= MAX_PIECES) continue;
      const piece = word.slice(j, i);
      if (j > 0 && SUFFIXES.has(piece)) continue;
      const df = stats.df(stem(piece));
      if (df < MIN_PIECE_DF) continue;
      const cand = { pieces: [...prev.pieces, piece], score: prev.score + Math.log(df) };
      const cur = best[i];
      if (!cur || cand.pieces.length < cur.pieces.length || (cand.pieces.length === cur.pieces.length && cand.score > cur.score)) best[i] = cand;
    }
  }
  const out = best[n];
  return out && out.pieces.length > 1 ? out.pieces : null;
}

/** The known word(s) an unknown word stands for, or the word itself. */
export function repairWord(word: string, stats: CorpusStats): string {
  if (word.length < 5 || word.length > MAX_WORD || !/^[a-z]+$/.test(word) || known(stats, word)) return word;
  const squeezed = word.replace(/(.)\1{2,}/g, "$1");
  if (squeezed !== word) {
    if (known(stats, squeezed)) return squeezed;
    const double = word.replace(/(.)\1{2,}/g, "$1$1");
    if (known(stats, double)) return double;
  }
  for (const [pattern, repl] of SPELLINGS) {
    if (!pattern.test(word)) continue;
    const variant = word.replace(pattern, repl);
    if (known(stats, variant)) return variant;
  }
  return split(word, stats)?.join(" ") ?? word;
}

/** `text` with each unknown lower-case word repaired (capitalised words are names: left as they are). */
export function repairText(text: string, stats: CorpusStats): string {
  return text.replace(/\p{L}+/gu, (w) => repairWord(w, stats));
}
