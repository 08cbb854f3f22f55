import "server-only";
import type { Db } from "@/db/client";
import { type ClaimFilter, claimHits as rankClaims, type Key, type RankedHit, type SearchPlan, sourceHits as rankSources, speakerHits as rankSpeakers } from "@/db/search";
import { type Viewer, visibleStatuses } from "@/lib/model";
import type { SearchQuery } from "@/lib/schemas";
import type { ResultType } from "@/lib/search-query";

/** One ranked row of a result type, with its keyset position (tier, score, id). */
export interface Hit {
  type: ResultType;
  key: Key;
  /** How many candidates of its type were ranked (db/search CANDIDATES at most). */
  pool: number;
  /** For sources: the best passage, whose snippet is shown. */
  passage?: number;
}

/** The claim filters of a query, for what the viewer may see; null when no status is left. */
export function claimFilter(viewer: Viewer, q: SearchQuery): ClaimFilter | null {
  const statuses = visibleStatuses(viewer).filter((s) => !q.status || s === q.status);
  if (statuses.length === 0) return null;
  return { statuses, speaker: q.speaker, story: q.story, verdict: q.verdict, from: q.from, to: q.to };
}

/** A type's hits, and how many candidates were ranked (known even when none matched). */
export interface TypeHits {
  hits: Hit[];
  pool: number;
}

/** The ranked rows as hits; a row without an id only carries the pool (db/search/pg.ts, a quoted phrase that matched none). */
function toHits(type: ResultType, ranked: RankedHit[]): TypeHits {
  const hits: Hit[] = [];
  let pool = 0;
  for (const r of ranked) {
    pool = Math.max(pool, Number(r.pool ?? 0));
    if (r.id !== null && r.id !== undefined) hits.push({ type, key: [r.tier, r.score, r.id], pool: r.pool, ...(r.passage !== undefined ? { passage: r.passage } : {}) });
  }
  return { hits, pool };
}

export async function claimHits(db: Db, viewer: Viewer, q: SearchQuery, plan: SearchPlan): Promise<TypeHits> {
  const filter = claimFilter(viewer, q);
  if (!filter) return { hits: [], pool: 0 };
  return toHits("claim", await rankClaims(db, plan, filter));
}

export async function sourceHits(db: Db, viewer: Viewer, q: SearchQuery, plan: SearchPlan): Promise<TypeHits> {
  return toHits("source", await rankSources(db, plan, { from: q.from, to: q.to, publicOnly: viewer.kind === "anonymous" }));
}

export async function speakerHits(db: Db, viewer: Viewer, plan: SearchPlan): Promise<TypeHits> {
  return toHits("speaker", await rankSpeakers(db, plan, { publicOnly: viewer.kind === "anonymous" }));
}
