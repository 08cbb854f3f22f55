import "server-only";
import type { Db } from "@/db/client";
import { type ClaimFilter, claimHits as rankClaims, type Key, type SearchPlan, sourceHits as rankSources, speakerHits as rankSpeakers } from "@/db/search";
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

export async function claimHits(db: Db, viewer: Viewer, q: SearchQuery, plan: SearchPlan): Promise<Hit[]> {
  const filter = claimFilter(viewer, q);
  if (!filter) return [];
  return (await rankClaims(db, plan, filter)).map((r) => ({ type: "claim", key: [r.tier, r.score, r.id], pool: r.pool }));
}

export async function sourceHits(db: Db, viewer: Viewer, q: SearchQuery, plan: SearchPlan): Promise<Hit[]> {
  return (await rankSources(db, plan, { from: q.from, to: q.to, publicOnly: viewer.kind === "anonymous" })).map((r) => ({ type: "source", key: [r.tier, r.score, r.id], passage: r.passage, pool: r.pool }));
}

export async function speakerHits(db: Db, viewer: Viewer, plan: SearchPlan): Promise<Hit[]> {
  return (await rankSpeakers(db, plan, { publicOnly: viewer.kind === "anonymous" })).map((r) => ({ type: "speaker", key: [r.tier, r.score, r.id], pool: r.pool }));
}
