import "server-only";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alias } from "@/db/sql";
import { claims, ratings, sources, speakers, stories } from "@/db/schema";
import type { ClaimDTO } from "@/lib/dto";
import type { Viewer } from "@/lib/model";

const affiliation = alias(speakers, "affiliation");

/**
 * Claims the viewer may see: the condition every claim read starts from. Readers see published
 * claims; staff see every status, so no condition at all (one would keep the planner from the
 * indexes that lead with a speaker or story and order by date).
 */
export function visibleClaim(viewer: Viewer): SQL {
  return viewer.kind === "anonymous" ? eq(claims.status, "published") : sql`1 = 1`;
}

/**
 * True when a `disputes` link joins the claim to another claim the viewer may see: readers count
 * only published other sides. Read from the counters the database keeps on each claim
 * (db/migrations/…_claim_counter_triggers.sql), so no list pays a subquery per row. The claim is
 * named in full: inside a selected field drizzle renders a column unqualified.
 */
export function contestedExpr(viewer: Viewer): SQL<number> {
  return viewer.kind === "anonymous" ? sql<number>`("claims"."public_dispute_count" > 0)` : sql<number>`("claims"."dispute_count" > 0)`;
}

/** The one query shape every claim list and detail uses, so each yields the same DTO. */
export function selectClaims(db: Db, viewer: Viewer) {
  return db
    .select({
      claim: claims,
      speaker: { id: speakers.id, name: speakers.name, kind: speakers.kind },
      affiliation: { id: affiliation.id, name: affiliation.name, kind: affiliation.kind },
      source: {
        id: sources.id,
        title: sources.title,
        kind: sources.kind,
        publisher: sources.publisher,
        url: sources.url,
        publishedOn: sources.publishedOn,
      },
      story: { id: stories.id, title: stories.title },
      rating: ratings,
      contested: contestedExpr(viewer),
    })
    .from(claims)
    .innerJoin(speakers, eq(speakers.id, claims.speakerId))
    // A reader is told of an affiliation only once it has a published claim of its own.
    .leftJoin(affiliation, and(eq(affiliation.id, speakers.affiliationId), viewer.kind === "anonymous" ? sql`${affiliation.publishedClaims} > 0` : undefined))
    .leftJoin(sources, eq(sources.id, claims.sourceId))
    .leftJoin(stories, eq(stories.id, claims.storyId))
    .leftJoin(ratings, eq(ratings.id, claims.ratingId))
    .$dynamic();
}

export type ClaimRow = Awaited<ReturnType<typeof selectClaims>>[number];

export function toClaimDTO(row: ClaimRow): ClaimDTO {
  const c = row.claim;
  return {
    id: c.id,
    text: c.text,
    quote: c.quote,
    status: c.status,
    statedOn: c.statedOn,
    speaker: { ...row.speaker, affiliation: row.affiliation },
    source: row.source,
    story: row.story,
    verdict: row.rating
      ? {
          rating: {
            id: row.rating.id,
            key: row.rating.key,
            label: row.rating.label,
            description: row.rating.description,
            colour: row.rating.colour,
            value: row.rating.value,
            position: row.rating.position,
          },
          rationale: c.rationale,
        }
      : null,
    anchor:
      c.anchorState && c.anchorExact !== null && c.anchorStart !== null && c.anchorEnd !== null
        ? {
            exact: c.anchorExact,
            prefix: c.anchorPrefix ?? "",
            suffix: c.anchorSuffix ?? "",
            start: c.anchorStart,
            end: c.anchorEnd,
            revision: c.anchorRevision ?? 1,
            state: c.anchorState,
          }
        : null,
    quoteChanged: c.anchorState === "anchored" && c.quote !== null && c.anchorExact !== null && c.quote !== c.anchorExact ? c.anchorExact : null,
    contested: Boolean(row.contested),
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    publishedAt: c.publishedAt,
  };
}

/** Claims by id (visible ones only), keyed by id. */
export async function getClaimsByIds(db: Db, viewer: Viewer, ids: number[]): Promise<Map<number, ClaimDTO>> {
  if (ids.length === 0) return new Map();
  const rows = await selectClaims(db, viewer).where(and(visibleClaim(viewer), inArray(claims.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.claim.id, toClaimDTO(r)]));
}
