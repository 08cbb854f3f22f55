import "server-only";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alias } from "@/db/sql";
import { claims, ratings, sources, speakers, stories } from "@/db/schema";
import type { ClaimDTO } from "@/lib/dto";
import { type Viewer, visibleStatuses } from "@/lib/model";

const affiliation = alias(speakers, "affiliation");

/** SQL list of the statuses the viewer may see, for raw subqueries. */
function statusList(viewer: Viewer): SQL {
  return sql.join(
    visibleStatuses(viewer).map((s) => sql`${s}`),
    sql`, `,
  );
}

/** Claims the viewer may see: the condition every claim read starts from. */
export function visibleClaim(viewer: Viewer): SQL {
  return inArray(claims.status, [...visibleStatuses(viewer)]);
}

/**
 * True when a `disputes` link joins the claim to another claim the viewer may see. Two EXISTS
 * so each side uses its own (claim, kind) index. The outer claim is named in full: inside a
 * selected field drizzle renders `${claims.id}` unqualified, which the subquery would capture.
 */
export function contestedExpr(viewer: Viewer): SQL<number> {
  const statuses = statusList(viewer);
  return sql<number>`(EXISTS (SELECT 1 FROM claim_links l JOIN claims o ON o.id = l.to_claim_id
      WHERE l.from_claim_id = "claims"."id" AND l.kind = 'disputes' AND o.status IN (${statuses}))
    OR EXISTS (SELECT 1 FROM claim_links l JOIN claims o ON o.id = l.from_claim_id
      WHERE l.to_claim_id = "claims"."id" AND l.kind = 'disputes' AND o.status IN (${statuses})))`;
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
    .leftJoin(affiliation, eq(affiliation.id, speakers.affiliationId))
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
