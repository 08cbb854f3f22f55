import "server-only";
import type { Db } from "@/db/client";
import { claimsHolding, similarCandidates, wordCounts } from "@/db/search";
import { type Viewer, visibleStatuses } from "@/lib/model";
import { extractNumbers, sharedNumbers } from "@/lib/numbers";
import type { SimilarClaimDTO } from "@/lib/search-query";
import { getClaimsByIds } from "./claim-query";
import { foldWord } from "./search/spelling";

/**
 * Claims that look like the one a fact-checker is writing, so a repetition is linked to the
 * claim already recorded instead of becoming a standalone duplicate.
 *
 * 1. Recall: the full-text index over the text's rarest significant words (any of them), best 50.
 * 2. Re-rank: cosine of the two word sets (stemmed lightly), plus a boost when the claims state
 *    the same figure ("53" = "fifty-three", "US$12.5 billion" = "12,500,000,000") and a small
 *    penalty when both state figures and none agree — "53 centres" and "35 centres" are not
 *    the same claim.
 */

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can
  could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it
  its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such
  than that the their theirs them then there these they this those through to too under until up very was we were what when where
  which while who whom why will with would you your said says say told according`.split(/\s+/),
);

const CANDIDATES = 50;
const MAX_WORDS = 24;
/**
 * Recall uses the rarest words only (counted up to COMMON): they say what a claim is about, and
 * a common word would bring a hundred thousand claims to rank at a million.
 */
const RECALL_WORDS = 8;
const COMMON = 1000;
/** Below this a candidate is not shown: sharing a word or two is not "looks like". */
const MIN_SCORE = 0.5;

/** A light stem so "centers"/"center", "identified"/"identify" meet (FTS already stems for recall). */
function stem(word: string): string {
  if (/^\d+$/.test(word)) return word;
  return word
    .replace(/(ies|ied)$/, "y")
    .replace(/(ing|ed|es|s)$/, "")
    .replace(/e$/, "")
    .replace(/(.)\1$/, "$1");
}

/** The significant words of a text: lower-cased, no stopwords, no one-letter words, once each. */
export function significantWords(text: string): string[] {
  const words = (text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter((w) => (w.length > 1 || /\d/.test(w)) && !STOPWORDS.has(w));
  return [...new Set(words)];
}

/** The words compared for overlap: figures (digits or words) are left to the figures boost. */
function wordSet(text: string): Set<string> {
  return new Set(
    significantWords(text)
      .filter((w) => !/\d/.test(w) && extractNumbers(w).length === 0)
      .map(stem),
  );
}

function cosine(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/**
 * How many claims hold each word (its stem, as the full-text index matches it), up to COMMON.
 * A word the spelling index already counts in COMMON claims or more, as written, is common
 * whatever its other forms: only the others are counted through the full-text index (at a
 * million claims, counting a common word there reads a thousand rows).
 */
async function countWords(db: Db, words: string[]): Promise<number[]> {
  const folded = words.map(foldWord);
  const known = await claimsHolding(db, [...new Set(folded)]);
  const counted = words.filter((_, i) => known.get(folded[i]!)! < COMMON);
  const found = new Map((await wordCounts(db, counted, COMMON)).map((n, i) => [counted[i]!, n]));
  return words.map((w) => found.get(w) ?? COMMON);
}

export async function similarClaims(db: Db, viewer: Viewer, text: string, options: { excludeId?: number; limit: number }): Promise<SimilarClaimDTO[]> {
  const words = significantWords(text).slice(0, MAX_WORDS);
  const numbers = extractNumbers(text);
  // The figures as digits too, so "fifty-three" recalls a claim that wrote "53".
  const recall = [...new Set([...words, ...numbers.filter((n) => Number.isInteger(n)).map(String)])];
  if (recall.length === 0) return [];
  const counts = await countWords(db, recall);
  const rarest = recall
    .map((word, i) => ({ word, n: counts[i]! }))
    .filter((w) => w.n > 0)
    .sort((a, b) => a.n - b.n)
    .slice(0, RECALL_WORDS)
    .map((w) => w.word);
  if (rarest.length === 0) return [];
  const rows = await similarCandidates(db, rarest, visibleStatuses(viewer), options.excludeId ?? null, CANDIDATES);
  if (rows.length === 0) return [];

  const mine = wordSet(text);
  const claims = await getClaimsByIds(
    db,
    viewer,
    rows.map((r) => r.id),
  );
  const ranked: SimilarClaimDTO[] = [];
  for (const { id } of rows) {
    const claim = claims.get(id);
    if (!claim) continue;
    const theirText = `${claim.text} ${claim.quote ?? ""}`;
    const overlap = cosine(mine, wordSet(theirText));
    const theirNumbers = extractNumbers(theirText);
    const shared = sharedNumbers(numbers, theirNumbers);
    const figures = shared.length > 0 ? 0.35 : numbers.length > 0 && theirNumbers.length > 0 ? -0.15 : 0;
    const score = Math.round((overlap + figures) * 1000) / 1000;
    if (score >= MIN_SCORE) ranked.push({ claim, score, sharedNumbers: shared });
  }
  ranked.sort((a, b) => b.score - a.score || a.claim.id - b.claim.id);
  return ranked.slice(0, options.limit);
}
