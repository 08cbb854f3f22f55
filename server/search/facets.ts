import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ratings, ratingScales } from "@/db/schema";
import type { FacetDTO } from "@/lib/dto";
import type { Viewer } from "@/lib/model";
import { searchOnlyFacet } from "../facets";

/** The /search page's filter options (not part of the search itself). */

export interface SearchFacets {
  speakers: FacetDTO;
  stories: FacetDTO;
  verdicts: { key: string; label: string }[];
}

/**
 * The search page's filter options: speaker and story are autocompletes over all of them
 * (keeping the one chosen), verdicts are the default scale's.
 */
export async function searchFacets(db: Db, viewer: Viewer, chosen: { speaker?: number; story?: number }): Promise<SearchFacets> {
  const verdicts = await db
    .select({ key: ratings.key, label: ratings.label })
    .from(ratings)
    .innerJoin(ratingScales, and(eq(ratingScales.id, ratings.scaleId), eq(ratingScales.isDefault, true)))
    .orderBy(asc(ratings.position), asc(ratings.id));
  return { speakers: await searchOnlyFacet(db, viewer, "speaker", chosen.speaker), stories: await searchOnlyFacet(db, viewer, "story", chosen.story), verdicts };
}
