import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { matchExpression, MARK_CLOSE, MARK_OPEN, phraseExpression } from "@/lib/search-query";
import type { Db } from "../client";
import { rows } from "../sql";
import { CANDIDATES, type ClaimFilter, selectiveClaimFilter, WALK, type ClaimSnippet, type Key, type RankedHit, type SearchPlan, type SourceSnippet, type SpeakerSnippet } from "./types";

/**
 * Search on SQLite: the FTS5 tables of migration 0005 (porter stemmer over unicode61, diacritics
 * removed), ranked by bm25 (lower is better). Every word typed reaches FTS5 as a quoted string
 * (lib/search-query), never as an operator.
 */

/** `(tier, score, id) > (…)` over a subquery's columns, and the ORDER BY that goes with it. */
function page(after: Key | null, limit: number, joiner: "WHERE" | "AND" = "WHERE", id: SQL = sql`id`): SQL {
  if (!after) return sql`ORDER BY tier, score, ${id} LIMIT ${limit}`;
  return sql`${sql.raw(joiner)} (tier, score, ${id}) > (${after[0]}, ${after[1]}, ${after[2]}) ORDER BY tier, score, ${id} LIMIT ${limit}`;
}

const statusList = (statuses: readonly string[]) =>
  sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );

/**
 * The bounded candidates of a ranked search. FTS5 walks a word's rows newest first and stops
 * after CANDIDATES of them, so a word in 100,000 claims costs what a rare one does; bm25 ranks
 * those. Rows holding the whole phrase typed are gathered the same way (tier 0) and scored by
 * the phrase; the rest of the newest matches follow (tier 1). Every phrase row among the newest
 * matches is also among the newest phrase rows, so the two sets never disagree on a row's tier.
 * `pool` tells how many tier-1 candidates were found: CANDIDATES means there may be older ones.
 *
 * `from` is the FTS table and what joins to it (the FTS table outermost: CROSS JOIN pins that,
 * or SQLite would walk every claim and probe FTS for each); `id` what a candidate is; `where`
 * the filters over the joined rows; `extra` adds columns to each candidate (`nulls` as many NULLs).
 */
function ranked(fts: string, score: SQL, from: SQL, id: SQL, where: SQL[], plan: SearchPlan, extra: SQL = sql``, nulls: SQL = sql``, walk: number | null = null): SQL {
  const t = sql.raw(fts);
  const match = matchExpression(plan.terms, plan.mode)!;
  const phrase = phraseExpression(plan.terms);
  const filters = where.length > 0 ? sql` AND ${sql.join(where, sql` AND `)}` : sql``;
  // A selective filter reads only the newest `walk` rows holding the words: the rowid of the
  // walk-th (0 when there are fewer) bounds the walk, a range FTS5 honours (one doclist read).
  const bound = walk
    ? sql`bound AS MATERIALIZED (SELECT coalesce((SELECT rowid FROM ${t} WHERE ${t} MATCH ${match} ORDER BY rowid DESC LIMIT 1 OFFSET ${walk}), 0) AS r), `
    : sql``;
  const bounded = walk ? sql` AND ${t}.rowid > (SELECT r FROM bound)` : sql``;
  const pick = (expression: string, tierOf: number) =>
    sql`SELECT ${id} AS id, ${tierOf} AS tier, ${score} AS score${extra} FROM ${from} WHERE ${t} MATCH ${expression}${bounded}${filters} ORDER BY ${t}.rowid DESC LIMIT ${CANDIDATES}`;
  const withPhrase = phrase
    ? sql`phrase AS MATERIALIZED (${pick(phrase, 0)}),
      rest AS MATERIALIZED (${pick(match, 1)}),
      candidates AS (SELECT * FROM phrase UNION ALL SELECT * FROM rest WHERE id NOT IN (SELECT id FROM phrase))`
    : sql`rest AS MATERIALIZED (${pick(match, 1)}), candidates AS (SELECT * FROM rest)`;
  // Stopped at the bound: older matches were left out, so the pool reads as full (capped).
  const pool = walk ? sql`CASE WHEN (SELECT r FROM bound) > 0 THEN ${CANDIDATES} ELSE (SELECT count(*) FROM rest) END` : sql`(SELECT count(*) FROM rest)`;
  // …and when it found nothing, a row of NULLs carries that pool (server/search/hits.ts drops it).
  const empty = walk ? sql` UNION ALL SELECT NULL, NULL, NULL${nulls}, ${CANDIDATES} WHERE (SELECT r FROM bound) > 0 AND NOT EXISTS (SELECT 1 FROM candidates)` : sql``;
  return sql`WITH ${bound}${withPhrase} SELECT *, ${pool} AS pool FROM candidates${empty}`;
}

/**
 * The claims query: the newest matching claims that pass the filters (FTS first, then each
 * hit's claim by primary key), ranked by bm25 with text weighted over quote.
 */
export function claimHitsQuery(plan: SearchPlan, filter: ClaimFilter): SQL {
  const where: SQL[] = [sql`c.status IN (${statusList(filter.statuses)})`];
  if (filter.speaker) where.push(sql`c.speaker_id = ${filter.speaker}`);
  if (filter.story) where.push(sql`c.story_id = ${filter.story}`);
  if (filter.verdict) where.push(sql`c.rating_id IN (SELECT id FROM ratings WHERE key = ${filter.verdict})`);
  if (filter.from) where.push(sql`c.stated_on >= ${filter.from}`);
  if (filter.to) where.push(sql`c.stated_on <= ${filter.to}`);
  const candidates = ranked("claims_fts", sql`bm25(claims_fts, 1.0, 0.6)`, sql`claims_fts CROSS JOIN claims c ON c.id = claims_fts.rowid`, sql`c.id`, where, plan, sql``, sql``, selectiveClaimFilter(filter) ? WALK : null);
  return sql`SELECT id, tier, score, pool FROM (${candidates}) ${page(plan.after, plan.limit)}`;
}

export function claimHits(db: Db, plan: SearchPlan, filter: ClaimFilter): Promise<RankedHit[]> {
  return rows<RankedHit>(db, claimHitsQuery(plan, filter));
}

/** Sources rank by their best passage among the newest matching ones (a source's title is indexed with each of its passages). */
export function sourceHits(db: Db, plan: SearchPlan, filter: { from?: string; to?: string; publicOnly?: boolean }): Promise<RankedHit[]> {
  const where: SQL[] = [];
  // Readers find a source's text only when it is publishable and has a published claim.
  if (filter.publicOnly) where.push(sql`s.publishable = 1 AND s.published_claims > 0`);
  if (filter.from) where.push(sql`s.published_on >= ${filter.from}`);
  if (filter.to) where.push(sql`s.published_on <= ${filter.to}`);
  const from = sql`source_passages_fts CROSS JOIN source_passages p ON p.id = source_passages_fts.rowid${where.length > 0 ? sql` CROSS JOIN sources s ON s.id = p.source_id` : sql``}`;
  const candidates = ranked("source_passages_fts", sql`bm25(source_passages_fts, 2.0, 1.0)`, from, sql`p.id`, where, plan, sql`, p.source_id AS source`, sql`, NULL`, where.length > 0 ? WALK : null);
  return rows<RankedHit>(
    db,
    sql`SELECT source AS id, id AS passage, tier, score, pool FROM (
      SELECT *, row_number() OVER (PARTITION BY source ORDER BY tier, score, id) AS best FROM (${candidates})
    ) WHERE best = 1 ${page(plan.after, plan.limit, "AND", sql`source`)}`,
  );
}

export function speakerHits(db: Db, plan: SearchPlan, filter: { publicOnly?: boolean } = {}): Promise<RankedHit[]> {
  const where = [sql`s.merged_into_id IS NULL`, ...(filter.publicOnly ? [sql`s.published_claims > 0`] : [])];
  const candidates = ranked("speakers_fts", sql`bm25(speakers_fts, 2.0, 1.0)`, sql`speakers_fts CROSS JOIN speakers s ON s.id = speakers_fts.rowid`, sql`s.id`, where, plan);
  return rows<RankedHit>(db, sql`SELECT id, tier, score, pool FROM (${candidates}) ${page(plan.after, plan.limit)}`);
}

/*
 * The snippet lookups pin the rows with `rowid IN (…)` written as literals: with SQLite 3.51.2's
 * FTS5, `MATCH … AND rowid = ?` with a bound value ignores the rowid and returns every match,
 * and a bound range (`rowid >= ? AND rowid <= ?`) is honoured but reads the word's whole doclist
 * for each row (9 ms a snippet for a word in 100,000 claims, against 0.05 ms with literals). The
 * ids are integers from our own queries; the search tests check each snippet belongs to its row.
 */
function rowids(ids: number[]): SQL {
  return sql.raw(ids.map((id) => String(Math.trunc(Number(id)))).join(", "));
}

export async function claimSnippets(db: Db, plan: SearchPlan, ids: number[]): Promise<Map<number, ClaimSnippet>> {
  if (ids.length === 0) return new Map();
  const match = matchExpression(plan.terms, plan.mode)!;
  const found = await rows<ClaimSnippet & { id: number }>(
    db,
    sql`SELECT rowid AS id, snippet(claims_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 64) AS text, snippet(claims_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 32) AS quote
      FROM claims_fts WHERE claims_fts MATCH ${match} AND rowid IN (${rowids(ids)})`,
  );
  return new Map(found.map(({ id, ...snippet }) => [Number(id), snippet]));
}

/** Snippets of the best passages, keyed by passage id. */
export async function sourceSnippets(db: Db, plan: SearchPlan, passages: number[]): Promise<Map<number, SourceSnippet>> {
  if (passages.length === 0) return new Map();
  const match = matchExpression(plan.terms, plan.mode)!;
  const found = await rows<SourceSnippet & { id: number }>(
    db,
    sql`SELECT rowid AS id, highlight(source_passages_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS title, snippet(source_passages_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 40) AS text
      FROM source_passages_fts WHERE source_passages_fts MATCH ${match} AND rowid IN (${rowids(passages)})`,
  );
  return new Map(found.map(({ id, ...snippet }) => [Number(id), snippet]));
}

export async function speakerSnippets(db: Db, plan: SearchPlan, ids: number[]): Promise<Map<number, SpeakerSnippet>> {
  if (ids.length === 0) return new Map();
  const match = matchExpression(plan.terms, plan.mode)!;
  const found = await rows<SpeakerSnippet & { id: number }>(
    db,
    sql`SELECT rowid AS id, highlight(speakers_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS name, highlight(speakers_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}) AS aliases
      FROM speakers_fts WHERE speakers_fts MATCH ${match} AND rowid IN (${rowids(ids)})`,
  );
  return new Map(found.map(({ id, ...snippet }) => [Number(id), snippet]));
}

/** How many claims hold each word (a plain word or figure), counted up to `cap`. */
export async function wordCounts(db: Db, words: string[], cap: number): Promise<number[]> {
  const counts: number[] = [];
  for (const word of words) {
    const match = matchExpression([{ words: [word], prefix: false }], "all")!;
    const [row] = await rows<{ n: number }>(db, sql`SELECT count(*) AS n FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ${match} LIMIT ${cap})`);
    counts.push(Number(row?.n ?? 0));
  }
  return counts;
}

/**
 * Candidates for similar claims: claims holding any of `words` (each a plain word or figure),
 * among the given statuses: the newest CANDIDATES of them, best bm25 first (text weighted over
 * quote).
 */
export function similarCandidates(db: Db, words: string[], statuses: readonly string[], excludeId: number | null, limit: number): Promise<{ id: number; score: number }[]> {
  const match = matchExpression(
    words.map((w) => ({ words: [w], prefix: false })),
    "any",
  )!;
  return rows(
    db,
    sql`SELECT id, score FROM (
      SELECT c.id AS id, bm25(claims_fts, 1.0, 0.5) AS score FROM claims_fts CROSS JOIN claims c ON c.id = claims_fts.rowid
      WHERE claims_fts MATCH ${match} AND c.status IN (${statusList(statuses)}) AND c.id IS NOT ${excludeId}
      ORDER BY claims_fts.rowid DESC LIMIT ${CANDIDATES}
    ) ORDER BY score, id LIMIT ${limit}`,
  );
}
