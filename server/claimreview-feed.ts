import "server-only";
import { and, asc, gt, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims } from "@/db/schema";
import type { ClaimReviewJsonLd, SiteInfo } from "@/lib/claimreview";
import { ANONYMOUS } from "@/lib/model";
import { selectClaims, toClaimDTO, visibleClaim } from "./claim-query";
import { claimReviewFor } from "./feeds";

/**
 * Every published verdict as a schema.org DataFeed of ClaimReviews, the form fact-check
 * aggregators harvest, a page at a time in claim order (oldest first, so a harvester that
 * remembers where it stopped finds only new verdicts after it). Pages are linked by `after`, the
 * last claim id of the page before, in the Link header (rel="next") and in the body.
 */
export const FEED_PAGE_SIZE = 100;

export interface ClaimReviewFeed {
  "@context": "https://schema.org";
  "@type": "DataFeed";
  "@id": string;
  name: string;
  url: string;
  dateModified: string | null;
  dataFeedElement: ClaimReviewJsonLd[];
  /** The next page's address; absent on the last page. */
  nextPage?: string;
}

export async function claimReviewFeed(db: Db, site: SiteInfo, after = 0, limit = FEED_PAGE_SIZE): Promise<ClaimReviewFeed> {
  const ids = await db
    .select({ id: claims.id })
    .from(claims)
    .where(and(visibleClaim(ANONYMOUS), isNotNull(claims.ratingId), gt(claims.id, after)))
    .orderBy(asc(claims.id))
    .limit(limit + 1);
  const page = ids.slice(0, limit).map((r) => r.id);
  const rows = page.length > 0 ? await selectClaims(db, ANONYMOUS).where(inArray(claims.id, page)).orderBy(asc(claims.id)) : [];
  const reviews: ClaimReviewJsonLd[] = [];
  for (const row of rows) {
    const review = await claimReviewFor(db, toClaimDTO(row), site);
    if (review) reviews.push(review);
  }
  const self = `${site.url}/api/claimreview${after > 0 ? `?after=${after}` : ""}`;
  const feed: ClaimReviewFeed = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "@id": self,
    name: `${site.orgName}: fact checks`,
    url: site.url,
    dateModified: reviews.reduce<string | null>((max, r) => (max === null || r.datePublished > max ? r.datePublished : max), null),
    dataFeedElement: reviews,
  };
  if (ids.length > limit) feed.nextPage = `${site.url}/api/claimreview?after=${page[page.length - 1]}`;
  return feed;
}
