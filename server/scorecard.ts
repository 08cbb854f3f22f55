import "server-only";
import { count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims, speakers } from "@/db/schema";
import type { ScorecardDTO } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/model";
import { scaleRatings } from "./ratings";

/**
 * A speaker's record. Verdicts count only once published, so every figure is over published
 * claims, whoever asks: a reader and an editor see the same chart, and a draft is counted for
 * nobody. Staff are also told how many of the speaker's claims are not published.
 */
export async function getScorecard(db: Db, viewer: Viewer, speakerId: number): Promise<ScorecardDTO> {
  if ((await db.select({ id: speakers.id }).from(speakers).where(eq(speakers.id, speakerId))).length === 0) {
    throw new NotFoundError(`No speaker with id ${speakerId}.`);
  }
  // One grouped read of the speaker's claims from claims_scorecard_idx, whatever their number.
  const groups = await db
    .select({
      published: sql<number>`(${claims.status} = 'published')`.mapWith(Boolean),
      ratingId: claims.ratingId,
      // Contested as a reader sees it: disputed by, or disputing, another published claim.
      contested: sql<number>`(${claims.publicDisputeCount} > 0)`.mapWith(Boolean),
      n: count(),
    })
    .from(claims)
    .where(eq(claims.speakerId, speakerId))
    .groupBy(sql`1`, sql`2`, sql`3`);
  const totals = { claims: 0, contested: 0, unrated: 0 };
  const perRating = new Map<number, number>();
  let notPublished = 0;
  for (const g of groups) {
    if (!g.published) {
      notPublished += g.n;
      continue;
    }
    totals.claims += g.n;
    if (g.contested) totals.contested += g.n;
    if (g.ratingId === null) totals.unrated += g.n;
    else perRating.set(g.ratingId, (perRating.get(g.ratingId) ?? 0) + g.n);
  }
  const unpublished = viewer.kind === "user" ? notPublished : null;
  return {
    speakerId,
    claims: totals.claims,
    contested: totals.contested,
    unrated: totals.unrated,
    ratings: (await scaleRatings(db)).map((rating) => ({ rating, count: perRating.get(rating.id) ?? 0 })),
    unpublished,
  };
}
