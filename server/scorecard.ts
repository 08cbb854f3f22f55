import "server-only";
import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { countWhere } from "@/db/sql";
import { claims, speakers } from "@/db/schema";
import type { ScorecardDTO } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import { ANONYMOUS, type Viewer } from "@/lib/model";
import { contestedExpr } from "./claim-query";
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
  const published = and(eq(claims.speakerId, speakerId), eq(claims.status, "published"));
  const [totals = { claims: 0, contested: 0, unrated: 0 }] = await db
    .select({
      claims: count(),
      // Contested as a reader sees it: disputed by, or disputing, another published claim.
      contested: countWhere(contestedExpr(ANONYMOUS)),
      unrated: countWhere(sql`${claims.ratingId} IS NULL`),
    })
    .from(claims)
    .where(published);
  const perRating = new Map(
    (
      await db
        .select({ ratingId: claims.ratingId, n: count() })
        .from(claims)
        .where(and(published, sql`${claims.ratingId} IS NOT NULL`))
        .groupBy(claims.ratingId)
    ).map((r) => [r.ratingId!, r.n]),
  );
  const unpublished =
    viewer.kind === "user" ? ((await db.select({ n: count() }).from(claims).where(and(eq(claims.speakerId, speakerId), ne(claims.status, "published"))))[0]?.n ?? 0) : null;
  return {
    speakerId,
    claims: totals.claims,
    contested: Number(totals.contested),
    unrated: Number(totals.unrated),
    ratings: (await scaleRatings(db)).map((rating) => ({ rating, count: perRating.get(rating.id) ?? 0 })),
    unpublished,
  };
}
