import "server-only";
import { and, count, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { changeVersion } from "@/db/changes";
import type { Db } from "@/db/client";
import { claims, speakers, stories } from "@/db/schema";
import type { FacetDTO } from "@/lib/dto";
import type { Viewer } from "@/lib/model";
import { visibleClaim } from "./claim-query";

/**
 * Story and speaker filters for lists of any size: the FACET_SIZE choices with the most claims
 * (shown in a <select> without JavaScript, and first in the autocomplete with it), the one chosen,
 * and whether there are more. Never every story or speaker: at a million claims that is
 * thousands of options and megabytes of page.
 */
export const FACET_SIZE = 30;

type Kind = "story" | "speaker";
type Counted = { id: number; n: number }[];

/** Names of stories or speakers; a reader's only of those with a published claim (a chosen id may be any). */
async function labels(db: Db, viewer: Viewer, kind: Kind, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const reader = viewer.kind === "anonymous";
  const rows =
    kind === "story"
      ? await db.select({ id: stories.id, label: stories.title }).from(stories).where(and(inArray(stories.id, ids), reader ? sql`${stories.publishedClaims} > 0` : undefined))
      : await db.select({ id: speakers.id, label: speakers.name }).from(speakers).where(and(inArray(speakers.id, ids), reader ? sql`${speakers.publishedClaims} > 0` : undefined));
  return new Map(rows.map((r) => [r.id, r.label]));
}

/** The facet from counted ids (up to FACET_SIZE + 1 of them, most first) and the chosen id. */
export async function toFacet(db: Db, viewer: Viewer, kind: Kind, counted: Counted, selected: number | undefined | null): Promise<FacetDTO> {
  const top = counted.slice(0, FACET_SIZE);
  const names = await labels(db, viewer, kind, selected ? [...top.map((c) => c.id), selected] : top.map((c) => c.id));
  const options = top
    .filter((c) => names.has(c.id))
    .map((c) => ({ id: c.id, label: names.get(c.id)! }))
    .sort((a, b) => a.label.localeCompare(b.label, "en", { sensitivity: "base" }));
  return { options, selected: selected && names.has(selected) ? { id: selected, label: names.get(selected)! } : null, more: counted.length > FACET_SIZE };
}

/** The most frequent values of a claims column under `where` (one grouped read, FACET_SIZE + 1 rows). */
export function topValues(db: Db, column: typeof claims.storyId | typeof claims.speakerId, where: SQL | undefined): Promise<Counted> {
  const n = count();
  return db
    .select({ id: sql<number>`${column}`.mapWith(Number), n })
    .from(claims)
    .where(and(isNotNull(column), where))
    .groupBy(column)
    .orderBy(desc(n), column)
    .limit(FACET_SIZE + 1);
}

/**
 * A value computed from the whole database, kept until the database changes (db/changes.ts):
 * a write costs the next reader one recomputation, not every reader one each.
 */
const memo = new WeakMap<Db, Map<string, { version: string; value: Promise<unknown> }>>();
export async function memoised<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await changeVersion(db);
  let entries = memo.get(db);
  if (!entries) memo.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  entries.set(key, { version, value });
  value.catch(() => entries.delete(key));
  return value;
}

/** The contested board's filters: the stories and speakers of the most contested claims the viewer may see. */
export async function contestedFacets(db: Db, viewer: Viewer, chosen: { story?: number; speaker?: number }): Promise<{ stories: FacetDTO; speakers: FacetDTO }> {
  // The literal `dispute_count > 0` is the partial index's predicate (claims_contested_idx).
  const contested =
    viewer.kind === "anonymous" ? sql`${claims.disputeCount} > 0 AND ${claims.publicDisputeCount} > 0 AND ${claims.status} = 'published'` : sql`${claims.disputeCount} > 0`;
  const [storyCounts, speakerCounts] = await memoised(db, `contested:${viewer.kind}`, async () => [
    await topValues(db, claims.storyId, contested),
    await topValues(db, claims.speakerId, contested),
  ]);
  return { stories: await toFacet(db, viewer, "story", storyCounts!, chosen.story), speakers: await toFacet(db, viewer, "speaker", speakerCounts!, chosen.speaker) };
}

/** A story timeline's speaker filter: the speakers with the most claims in the story. */
export async function storySpeakerFacet(db: Db, viewer: Viewer, storyId: number, chosen: number | null): Promise<FacetDTO> {
  return toFacet(db, viewer, "speaker", await topValues(db, claims.speakerId, and(eq(claims.storyId, storyId), visibleClaim(viewer))), chosen);
}

/** A filter with no choices listed (an autocomplete over every story or speaker), keeping the one chosen. */
export async function searchOnlyFacet(db: Db, viewer: Viewer, kind: Kind, chosen: number | undefined | null): Promise<FacetDTO> {
  const facet = await toFacet(db, viewer, kind, [], chosen);
  return { ...facet, more: true };
}
