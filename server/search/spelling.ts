import "server-only";
import type { Db } from "@/db/client";
import { nearWords, type SpellingScope, wordFrequencies } from "@/db/search";
import type { Viewer } from "@/lib/model";
import type { QueryTerm, SearchCorrection } from "@/lib/search-query";

/**
 * "Did you mean": a word typed that the viewer's vocabulary (db/search/spelling.ts) does not
 * hold is replaced by the nearest word it holds — within 2 edits for a word of 5 letters or
 * more, 1 for a shorter one — the most frequent among the nearest. A word it holds is left
 * alone, however rare, except a word in at most FEW rows one edit away from a word in
 * FREQUENT_RATIO times as many (a misprint copied into a text). Readers' vocabulary holds the
 * words of published claims and of the speakers and sources they can search, never a draft's.
 *
 * Not corrected: prefixes (`immun*`), words with digits, words under 3 letters.
 */

export const FEW = 2;
export const FREQUENT_RATIO = 50;

/** A word as the spelling index stores it: lower case, diacritics removed. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The edit distance (insertions, deletions, substitutions, adjacent transpositions), or max+1 once past max. */
export function editDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[t.length]!, max + 1);
}

export const maxDistance = (word: string) => ([...word].length >= 5 ? 2 : 1);

const CORRECTABLE = /^\p{L}{3,40}$/u;

/** The nearest word of the scope, or null: fewest edits, then the most frequent, then A–Z. */
async function nearest(db: Db, word: string, scope: SpellingScope, max: number): Promise<{ word: string; n: number; distance: number } | null> {
  let best: { word: string; n: number; distance: number } | null = null;
  for (const candidate of await nearWords(db, word, max, scope)) {
    if (candidate.word === word) continue;
    const distance = editDistance(word, candidate.word, max);
    if (distance > max) continue;
    const n = Number(candidate.n);
    if (!best || distance < best.distance || (distance === best.distance && (n > best.n || (n === best.n && candidate.word < best.word)))) best = { word: candidate.word, n, distance };
  }
  return best;
}

/** The query with its misspelt words corrected, or null when every word is one the viewer's vocabulary holds. */
export async function correctTerms(db: Db, viewer: Viewer, terms: QueryTerm[], typed: string): Promise<{ terms: QueryTerm[]; correction: SearchCorrection } | null> {
  const scope: SpellingScope = viewer.kind === "anonymous" ? "public" : "staff";
  const words = new Set<string>();
  for (const term of terms) {
    term.words.forEach((w, i) => {
      const prefix = term.prefix && i === term.words.length - 1;
      if (!prefix && CORRECTABLE.test(w)) words.add(foldWord(w));
    });
  }
  if (words.size === 0) return null;
  const counts = await wordFrequencies(db, [...words], scope);
  const fixes = new Map<string, string>();
  for (const word of words) {
    const n = counts.get(word) ?? 0;
    if (n > FEW || (n > 0 && [...word].length < 5)) continue;
    const found = await nearest(db, word, scope, n === 0 ? maxDistance(word) : 1);
    if (found && (n === 0 || found.n >= n * FREQUENT_RATIO)) fixes.set(word, found.word);
  }
  if (fixes.size === 0) return null;
  const fix = (w: string) => fixes.get(foldWord(w)) ?? w;
  const corrected = terms.map((t) => ({ ...t, words: t.words.map((w, i) => (t.prefix && i === t.words.length - 1 ? w : fix(w))) }));
  // The typed text with each corrected word replaced, capitalised as typed.
  const query = typed.replace(/[\p{L}\p{N}\p{M}]+/gu, (w) => {
    const to = CORRECTABLE.test(w) ? fixes.get(foldWord(w)) : undefined;
    if (!to) return w;
    return w[0] !== w[0]!.toLowerCase() ? to[0]!.toUpperCase() + to.slice(1) : to;
  });
  return { terms: corrected, correction: { typed, query, words: [...fixes].map(([from, to]) => ({ from, to })) } };
}
