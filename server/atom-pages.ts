import "server-only";
import { and, desc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims } from "@/db/schema";
import { ATOM_CONTENT_TYPE, renderAtomFeed, verdictEntry } from "@/lib/atom";
import type { SiteInfo } from "@/lib/claimreview";
import { ValidationError } from "@/lib/errors";
import { ANONYMOUS } from "@/lib/model";
import { selectClaims, toClaimDTO, visibleClaim } from "./claim-query";

/**
 * The verdict feeds in pages (RFC 5005, paged feeds): page 1 is the newest 50 verdicts, as the
 * feeds have always been; `?page=N` goes back in time; each page links `first`, `next` (older)
 * and `previous` (newer). Feed readers read page 1; archivers follow `next` to the beginning.
 */
export const ATOM_PAGE_SIZE = 50;
export const MAX_ATOM_PAGE = 10_000;

/** When a verdict was published: as server/feeds.ts orders the feeds (the latest approval, else publication, else last change). */
const verdictAt = sql<string>`coalesce(
  (SELECT max(r.decided_at) FROM reviews r WHERE r.claim_id = "claims"."id" AND r.state = 'approved'),
  "claims"."published_at", "claims"."updated_at")`;

export interface FeedSpec {
  path: string;
  title: string;
  subtitle: string;
  alternate: string;
  storyId?: number;
  speakerId?: number;
}

/** `?page=` of a feed request: 1 when absent; anything else than 1…MAX_ATOM_PAGE is a 400 naming page. */
export function feedPage(request: Request): number {
  const raw = new URL(request.url).searchParams.get("page");
  if (raw === null) return 1;
  const page = Number(raw);
  if (!/^\d+$/.test(raw) || page < 1 || page > MAX_ATOM_PAGE) throw new ValidationError(`Invalid query: page must be a whole number from 1 to ${MAX_ATOM_PAGE}.`, { page: `must be a whole number from 1 to ${MAX_ATOM_PAGE}` });
  return page;
}

export async function pagedVerdictFeedResponse(db: Db, site: SiteInfo, feed: FeedSpec, page = 1): Promise<Response> {
  const conditions: SQL[] = [visibleClaim(ANONYMOUS), isNotNull(claims.ratingId)];
  if (feed.storyId !== undefined) conditions.push(eq(claims.storyId, feed.storyId));
  if (feed.speakerId !== undefined) conditions.push(eq(claims.speakerId, feed.speakerId));
  const order = await db
    .select({ id: claims.id, at: verdictAt })
    .from(claims)
    .where(and(...conditions))
    .orderBy(desc(verdictAt), desc(claims.id))
    .limit(ATOM_PAGE_SIZE + 1)
    .offset((page - 1) * ATOM_PAGE_SIZE);
  const shown = order.slice(0, ATOM_PAGE_SIZE);
  const rows = shown.length > 0 ? new Map((await selectClaims(db, ANONYMOUS).where(inArray(claims.id, shown.map((o) => o.id)))).map((r) => [r.claim.id, toClaimDTO(r)])) : new Map();
  const url = (n: number) => `${site.url}${feed.path}${n > 1 ? `?page=${n}` : ""}`;
  const xml = renderAtomFeed({
    id: `${site.url}${feed.path}`,
    title: feed.title,
    subtitle: feed.subtitle,
    self: url(page),
    alternate: feed.alternate,
    author: { name: site.orgName, uri: site.orgUrl },
    entries: shown.flatMap((o) => (rows.has(o.id) ? [verdictEntry(rows.get(o.id)!, o.at, site)] : [])),
    pages: { first: url(1), ...(order.length > ATOM_PAGE_SIZE ? { next: url(page + 1) } : {}), ...(page > 1 ? { previous: url(page - 1) } : {}) },
  });
  return new Response(xml, { headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": "public, max-age=300" } });
}
