import "server-only";
import { and, asc, eq, exists, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims, ratings, ratingScales, speakers, stories } from "@/db/schema";
import { nocase } from "@/db/sql";
import { type Viewer, visibleStatuses } from "@/lib/model";

/** The /search page's filter options (not part of the search itself). */

export interface SearchFacets {
  speakers: { id: number; name: string }[];
  stories: { id: number; title: string }[];
  verdicts: { key: string; label: string }[];
}

/** The search page's filter options: speakers and stories with claims the viewer may see, the default scale's verdicts. */
export async function searchFacets(db: Db, viewer: Viewer): Promise<SearchFacets> {
  const statuses = [...visibleStatuses(viewer)];
  const speakerRows = await db
    .select({ id: speakers.id, name: speakers.name })
    .from(speakers)
    .where(
      and(
        isNull(speakers.mergedIntoId),
        exists(
          db
            .select({ one: sql`1` })
            .from(claims)
            .where(and(sql`${claims.speakerId} = "speakers"."id"`, inArray(claims.status, statuses))),
        ),
      ),
    )
    .orderBy(asc(nocase(speakers.name)))
    .limit(500);
  const storyRows = await db
    .select({ id: stories.id, title: stories.title })
    .from(stories)
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(claims)
          .where(and(sql`${claims.storyId} = "stories"."id"`, inArray(claims.status, statuses))),
      ),
    )
    .orderBy(asc(nocase(stories.title)))
    .limit(500);
  const verdicts = await db
    .select({ key: ratings.key, label: ratings.label })
    .from(ratings)
    .innerJoin(ratingScales, and(eq(ratingScales.id, ratings.scaleId), eq(ratingScales.isDefault, true)))
    .orderBy(asc(ratings.position), asc(ratings.id));
  return { speakers: speakerRows, stories: storyRows, verdicts };
}
