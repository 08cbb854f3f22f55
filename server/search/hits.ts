import "server-only";
import type { Db } from "@/db/client";
import { type Viewer, visibleStatuses } from "@/lib/model";
import type { SearchQuery } from "@/lib/schemas";
import type { ResultType } from "@/lib/search-query";
import type { Key } from "./cursor";

/**
 * The ranking queries, one per result type: the FTS5 MATCH, the tier (whole phrase or not) and
 * bm25 score of each row, the filters, and one keyset page in (tier, score, id) order.
 */

export interface Hit {
  type: ResultType;
  key: Key;
  /** For sources: the best passage, whose snippet is shown. */
  passage?: number;
}

export interface Plan {
  match: string;
  phrase: string | null;
  after: Key | null;
  limit: number;
}

/** `(tier, score, id) > (…)` over a subquery's columns, and the ORDER BY that goes with it. */
function pageClause(plan: Plan, args: Record<string, unknown>): string {
  args.limit = plan.limit;
  if (!plan.after) return "ORDER BY tier, score, id LIMIT @limit";
  [args.afterTier, args.afterScore, args.afterId] = plan.after;
  return "WHERE (tier, score, id) > (@afterTier, @afterScore, @afterId) ORDER BY tier, score, id LIMIT @limit";
}

/** Tier 0 when the row holds the whole phrase: one FTS lookup, materialised once per query. */
function tierExpr(table: string, plan: Plan, args: Record<string, unknown>): string {
  if (!plan.phrase) return "1";
  args.phrase = plan.phrase;
  return `CASE WHEN ${table}.rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @phrase) THEN 0 ELSE 1 END`;
}

/**
 * The claims query: FTS first (MATCH), then each hit's claim by primary key, filtered. CROSS
 * JOIN pins that order: left to choose, SQLite walks every published claim through the status
 * index and probes FTS for each — fine for 30 claims, ruinous for a million.
 */
export function claimHitsQuery(viewer: Viewer, q: SearchQuery, plan: Plan): { sql: string; args: Record<string, unknown> } | null {
  const statuses = visibleStatuses(viewer).filter((s) => !q.status || s === q.status);
  if (statuses.length === 0) return null;
  const args: Record<string, unknown> = { match: plan.match };
  // Statuses come from the closed CLAIM_STATUSES vocabulary, never from the request text.
  const where = ["claims_fts MATCH @match", `c.status IN (${statuses.map((s) => `'${s}'`).join(", ")})`];
  if (q.speaker) {
    where.push("c.speaker_id = @speaker");
    args.speaker = q.speaker;
  }
  if (q.story) {
    where.push("c.story_id = @story");
    args.story = q.story;
  }
  if (q.verdict) {
    where.push("c.rating_id IN (SELECT id FROM ratings WHERE key = @verdict)");
    args.verdict = q.verdict;
  }
  if (q.from) {
    where.push("c.stated_on >= @from");
    args.from = q.from;
  }
  if (q.to) {
    where.push("c.stated_on <= @to");
    args.to = q.to;
  }
  const sql = `SELECT id, tier, score FROM (
      SELECT c.id AS id, ${tierExpr("claims_fts", plan, args)} AS tier, bm25(claims_fts, 1.0, 0.6) AS score
      FROM claims_fts CROSS JOIN claims c ON c.id = claims_fts.rowid
      WHERE ${where.join(" AND ")}
    ) ${pageClause(plan, args)}`;
  return { sql, args };
}

export function claimHits(db: Db, viewer: Viewer, q: SearchQuery, plan: Plan): Hit[] {
  const query = claimHitsQuery(viewer, q, plan);
  if (!query) return [];
  const rows = db.$client.prepare(query.sql).all(query.args) as { id: number; tier: number; score: number }[];
  return rows.map((r) => ({ type: "claim", key: [r.tier, r.score, r.id] }));
}

/** Sources rank by their best passage (a source's title is indexed with each of its passages). */
export function sourceHits(db: Db, q: SearchQuery, plan: Plan): Hit[] {
  const args: Record<string, unknown> = { match: plan.match };
  const where = ["1 = 1"];
  if (q.from) {
    where.push("s.published_on >= @from");
    args.from = q.from;
  }
  if (q.to) {
    where.push("s.published_on <= @to");
    args.to = q.to;
  }
  const sql = `SELECT id, passage, tier, score FROM (
      SELECT p.source_id AS id, x.passage, x.tier, x.score,
        row_number() OVER (PARTITION BY p.source_id ORDER BY x.tier, x.score, x.passage) AS best
      FROM (
        SELECT source_passages_fts.rowid AS passage, ${tierExpr("source_passages_fts", plan, args)} AS tier,
          bm25(source_passages_fts, 2.0, 1.0) AS score
        FROM source_passages_fts WHERE source_passages_fts MATCH @match
      ) x
      CROSS JOIN source_passages p ON p.id = x.passage
      CROSS JOIN sources s ON s.id = p.source_id
      WHERE ${where.join(" AND ")}
    ) WHERE best = 1 ${pageClause(plan, args).replace(/^WHERE/, "AND")}`;
  const rows = db.$client.prepare(sql).all(args) as { id: number; passage: number; tier: number; score: number }[];
  return rows.map((r) => ({ type: "source", key: [r.tier, r.score, r.id], passage: r.passage }));
}

export function speakerHits(db: Db, plan: Plan): Hit[] {
  const args: Record<string, unknown> = { match: plan.match };
  const sql = `SELECT id, tier, score FROM (
      SELECT s.id AS id, ${tierExpr("speakers_fts", plan, args)} AS tier, bm25(speakers_fts, 2.0, 1.0) AS score
      FROM speakers_fts CROSS JOIN speakers s ON s.id = speakers_fts.rowid
      WHERE speakers_fts MATCH @match AND s.merged_into_id IS NULL
    ) ${pageClause(plan, args)}`;
  const rows = db.$client.prepare(sql).all(args) as { id: number; tier: number; score: number }[];
  return rows.map((r) => ({ type: "speaker", key: [r.tier, r.score, r.id] }));
}
