import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { matchExpression, MARK_CLOSE, MARK_OPEN, phraseExpression } from "@/lib/search-query";
import type { Db } from "../client";
import { rows } from "../sql";
import type { ClaimFilter, ClaimSnippet, Key, RankedHit, SearchPlan, SourceSnippet, SpeakerSnippet } from "./types";

/**
 * Search on SQLite: the FTS5 tables of migration 0005 (porter stemmer over unicode61, diacritics
 * removed), ranked by bm25 (lower is better). Every word typed reaches FTS5 as a quoted string
 * (lib/search-query), never as an operator.
 */

/** `(tier, score, id) > (…)` over a subquery's columns, and the ORDER BY that goes with it. */
function page(after: Key | null, limit: number, joiner: "WHERE" | "AND" = "WHERE"): SQL {
  if (!after) return sql`ORDER BY tier, score, id LIMIT ${limit}`;
  return sql`${sql.raw(joiner)} (tier, score, id) > (${after[0]}, ${after[1]}, ${after[2]}) ORDER BY tier, score, id LIMIT ${limit}`;
}

/** Tier 0 when the row holds the whole phrase: one FTS lookup, materialised once per query. */
function tier(table: string, plan: SearchPlan): SQL {
  const phrase = phraseExpression(plan.terms);
  if (!phrase) return sql`1`;
  const t = sql.raw(table);
  return sql`CASE WHEN ${t}.rowid IN (SELECT rowid FROM ${t} WHERE ${t} MATCH ${phrase}) THEN 0 ELSE 1 END`;
}

const statusList = (statuses: readonly string[]) =>
  sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );

/**
 * The claims query: FTS first (MATCH), then each hit's claim by primary key, filtered. CROSS
 * JOIN pins that order: left to choose, SQLite walks every published claim through the status
 * index and probes FTS for each — fine for 30 claims, ruinous for a million.
 */
export function claimHitsQuery(plan: SearchPlan, filter: ClaimFilter): SQL {
  const match = matchExpression(plan.terms, plan.mode)!;
  const where: SQL[] = [sql`claims_fts MATCH ${match}`, sql`c.status IN (${statusList(filter.statuses)})`];
  if (filter.speaker) where.push(sql`c.speaker_id = ${filter.speaker}`);
  if (filter.story) where.push(sql`c.story_id = ${filter.story}`);
  if (filter.verdict) where.push(sql`c.rating_id IN (SELECT id FROM ratings WHERE key = ${filter.verdict})`);
  if (filter.from) where.push(sql`c.stated_on >= ${filter.from}`);
  if (filter.to) where.push(sql`c.stated_on <= ${filter.to}`);
  return sql`SELECT id, tier, score FROM (
      SELECT c.id AS id, ${tier("claims_fts", plan)} AS tier, bm25(claims_fts, 1.0, 0.6) AS score
      FROM claims_fts CROSS JOIN claims c ON c.id = claims_fts.rowid
      WHERE ${sql.join(where, sql` AND `)}
    ) ${page(plan.after, plan.limit)}`;
}

export function claimHits(db: Db, plan: SearchPlan, filter: ClaimFilter): Promise<RankedHit[]> {
  return rows<RankedHit>(db, claimHitsQuery(plan, filter));
}

/** Sources rank by their best passage (a source's title is indexed with each of its passages). */
export function sourceHits(db: Db, plan: SearchPlan, filter: { from?: string; to?: string }): Promise<RankedHit[]> {
  const match = matchExpression(plan.terms, plan.mode)!;
  const where: SQL[] = [sql`1 = 1`];
  if (filter.from) where.push(sql`s.published_on >= ${filter.from}`);
  if (filter.to) where.push(sql`s.published_on <= ${filter.to}`);
  return rows<RankedHit>(
    db,
    sql`SELECT id, passage, tier, score FROM (
      SELECT p.source_id AS id, x.passage, x.tier, x.score,
        row_number() OVER (PARTITION BY p.source_id ORDER BY x.tier, x.score, x.passage) AS best
      FROM (
        SELECT source_passages_fts.rowid AS passage, ${tier("source_passages_fts", plan)} AS tier,
          bm25(source_passages_fts, 2.0, 1.0) AS score
        FROM source_passages_fts WHERE source_passages_fts MATCH ${match}
      ) x
      CROSS JOIN source_passages p ON p.id = x.passage
      CROSS JOIN sources s ON s.id = p.source_id
      WHERE ${sql.join(where, sql` AND `)}
    ) WHERE best = 1 ${page(plan.after, plan.limit, "AND")}`,
  );
}

export function speakerHits(db: Db, plan: SearchPlan): Promise<RankedHit[]> {
  const match = matchExpression(plan.terms, plan.mode)!;
  return rows<RankedHit>(
    db,
    sql`SELECT id, tier, score FROM (
      SELECT s.id AS id, ${tier("speakers_fts", plan)} AS tier, bm25(speakers_fts, 2.0, 1.0) AS score
      FROM speakers_fts CROSS JOIN speakers s ON s.id = speakers_fts.rowid
      WHERE speakers_fts MATCH ${match} AND s.merged_into_id IS NULL
    ) ${page(plan.after, plan.limit)}`,
  );
}

/*
 * The snippet lookups pin the row with `rowid >= ? AND rowid <= ?`, not `rowid = ?`: with
 * SQLite 3.51.2's FTS5, `MATCH … AND rowid = ?` with a bound value ignores the rowid and returns
 * every match (a literal works; so does a range, which FTS5 also seeks to). The search tests
 * check each snippet belongs to its own row.
 */

export async function claimSnippets(db: Db, plan: SearchPlan, ids: number[]): Promise<Map<number, ClaimSnippet>> {
  const match = matchExpression(plan.terms, plan.mode)!;
  const out = new Map<number, ClaimSnippet>();
  for (const id of ids) {
    const [row] = await rows<ClaimSnippet>(
      db,
      sql`SELECT snippet(claims_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 64) AS text, snippet(claims_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 32) AS quote
        FROM claims_fts WHERE claims_fts MATCH ${match} AND rowid >= ${id} AND rowid <= ${id}`,
    );
    if (row) out.set(id, row);
  }
  return out;
}

/** Snippets of the best passages, keyed by passage id. */
export async function sourceSnippets(db: Db, plan: SearchPlan, passages: number[]): Promise<Map<number, SourceSnippet>> {
  const match = matchExpression(plan.terms, plan.mode)!;
  const out = new Map<number, SourceSnippet>();
  for (const passage of passages) {
    const [row] = await rows<SourceSnippet>(
      db,
      sql`SELECT highlight(source_passages_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS title, snippet(source_passages_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 40) AS text
        FROM source_passages_fts WHERE source_passages_fts MATCH ${match} AND rowid >= ${passage} AND rowid <= ${passage}`,
    );
    if (row) out.set(passage, row);
  }
  return out;
}

export async function speakerSnippets(db: Db, plan: SearchPlan, ids: number[]): Promise<Map<number, SpeakerSnippet>> {
  const match = matchExpression(plan.terms, plan.mode)!;
  const out = new Map<number, SpeakerSnippet>();
  for (const id of ids) {
    const [row] = await rows<SpeakerSnippet>(
      db,
      sql`SELECT highlight(speakers_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS name, highlight(speakers_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}) AS aliases
        FROM speakers_fts WHERE speakers_fts MATCH ${match} AND rowid >= ${id} AND rowid <= ${id}`,
    );
    if (row) out.set(id, row);
  }
  return out;
}

/**
 * Candidates for similar claims: claims holding any of `words` (each a plain word or figure),
 * best bm25 first (text weighted over quote), among the given statuses.
 */
export function similarCandidates(db: Db, words: string[], statuses: readonly string[], excludeId: number | null, limit: number): Promise<{ id: number; score: number }[]> {
  const match = matchExpression(
    words.map((w) => ({ words: [w], prefix: false })),
    "any",
  )!;
  return rows(
    db,
    sql`SELECT c.id AS id, bm25(claims_fts, 1.0, 0.5) AS score FROM claims_fts CROSS JOIN claims c ON c.id = claims_fts.rowid
      WHERE claims_fts MATCH ${match} AND c.status IN (${statusList(statuses)}) AND c.id IS NOT ${excludeId}
      ORDER BY score, c.id LIMIT ${limit}`,
  );
}
