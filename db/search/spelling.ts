import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client";
import { rows } from "../sql";

/**
 * The spelling index (migrations `search_spelling`): search_words holds every word of the
 * claims, speakers and sources (3–40 letters, case and diacritics folded, not stemmed) with how
 * many of each hold it, and search_word_trigrams its trigrams, kept by triggers on both engines.
 * The same SQL runs on both.
 *
 * `scope` is whose vocabulary: `public` counts published claims only, so a word that only a
 * draft, or a speaker or source readers cannot see yet, holds is never a reader's word (the
 * counts do not say whether a speaker or source is published); `staff` counts everything.
 */
export type SpellingScope = "public" | "staff";

function frequency(scope: SpellingScope): SQL {
  return scope === "public" ? sql`w.public_claims` : sql`(w.claims + w.speakers + w.sources)`;
}

/** How many rows of the scope hold each word (0 for a word it has never seen). Words as folded by `foldWord`. */
export async function wordFrequencies(db: Db, words: string[], scope: SpellingScope): Promise<Map<string, number>> {
  const out = new Map(words.map((w) => [w, 0]));
  if (words.length === 0) return out;
  const found = await rows<{ word: string; n: number }>(
    db,
    sql`SELECT w.word AS word, ${frequency(scope)} AS n FROM search_words w WHERE w.word IN (${sql.join(
      words.map((w) => sql`${w}`),
      sql`, `,
    )})`,
  );
  for (const f of found) out.set(f.word, Number(f.n));
  return out;
}

/** How many claims (any status) hold each word in their text or quote, by the spelling index (0 for a word it has never seen). Words as folded by `foldWord`. */
export async function claimsHolding(db: Db, words: string[]): Promise<Map<string, number>> {
  const out = new Map(words.map((w) => [w, 0]));
  if (words.length === 0) return out;
  const found = await rows<{ word: string; n: number }>(
    db,
    sql`SELECT w.word AS word, w.claims AS n FROM search_words w WHERE w.word IN (${sql.join(
      words.map((w) => sql`${w}`),
      sql`, `,
    )})`,
  );
  for (const f of found) out.set(f.word, Number(f.n));
  return out;
}

/** The padded trigrams of a word, as the migrations store them ('  word '). */
export function trigramsOf(word: string): string[] {
  const chars = [" ", " ", ...word, " "];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(""));
  return [...out];
}

/** How many words sharing trigrams with the one typed are read back (the most shared first). */
export const NEAR_CANDIDATES = 200;

/**
 * Words of the scope whose length is within `distance` of the word's and that share trigrams
 * with it, most shared first (at most NEAR_CANDIDATES), with their frequency; the caller checks
 * the edit distance. Reads only the trigrams' postings for those lengths, not the vocabulary.
 */
export function nearWords(db: Db, word: string, distance: number, scope: SpellingScope): Promise<{ word: string; n: number }[]> {
  const length = [...word].length;
  const trigrams = trigramsOf(word);
  return rows<{ word: string; n: number }>(
    db,
    sql`SELECT w.word AS word, ${frequency(scope)} AS n FROM (
        SELECT t.word AS word, count(*) AS shared FROM search_word_trigrams t
        WHERE t.trigram IN (${sql.join(
          trigrams.map((t) => sql`${t}`),
          sql`, `,
        )}) AND t.len BETWEEN ${length - distance} AND ${length + distance}
        GROUP BY t.word ORDER BY shared DESC, t.word LIMIT ${NEAR_CANDIDATES}
      ) c JOIN search_words w ON w.word = c.word
      WHERE ${frequency(scope)} > 0`,
  );
}
