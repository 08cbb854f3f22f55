import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { claims, sources } from "@/db/schema";
import { buildClaimReview, type ClaimReviewJsonLd, type SiteInfo } from "@/lib/claimreview";
import { ATOM_CONTENT_TYPE, renderAtomFeed, verdictEntry } from "@/lib/atom";
import type { ClaimDTO } from "@/lib/dto";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { ANONYMOUS, type Viewer } from "@/lib/model";
import { type AnnotationCollection, buildAnnotation, buildAnnotationCollection, type WebAnnotation } from "@/lib/web-annotation";
import { selectClaims, toClaimDTO } from "./claim-query";
import { getClaim } from "./claims";
import { listSourceClaims } from "./sources";
import { decodeCursorOf, encodeCursor, keysetAfter } from "./pagination";
import { scaleRatings } from "./ratings";

/**
 * Public interchange of published material: the verdict feeds (Atom), ClaimReview and Web
 * Annotation exports. Feeds, ClaimReview and embeds are read as an anonymous reader whoever
 * asks — they are cached publicly and must never carry a draft.
 */

/**
 * When a claim's verdict was published: the latest approval of a proposed verdict, else (a
 * verdict that came with no review, e.g. imported) the claim's publication. The database keeps
 * it on the claim (`verdict_at`, set by triggers), so the feeds read it from an index.
 */
const verdictAt = sql<string>`coalesce(${claims.verdictAt}, ${claims.publishedAt}, ${claims.updatedAt})`;

/** Published claims with a verdict: the only claims feeds and ClaimReview may show. */
// Written as the feed indexes' predicate is (a literal, not a parameter), so the planner uses them.
const publishedVerdict = sql`${claims.status} = 'published' AND ${claims.ratingId} IS NOT NULL`;

export interface VerdictEntry {
  claim: ClaimDTO;
  verdictAt: string;
}

export const FEED_LIMIT = 50;

/** A place in a verdict feed: the verdict's date and the claim's id. */
export type FeedKey = [at: string, id: number];

/**
 * Published verdicts, newest first: site-wide, or of one story or one speaker. `before` gives the
 * ones older than a place, `after` the `limit` just newer than it (still listed newest first).
 */
export async function listPublishedVerdicts(
  db: Db,
  filter: { storyId?: number; speakerId?: number } = {},
  limit = FEED_LIMIT,
  position: { before?: FeedKey; after?: FeedKey } = {},
): Promise<(VerdictEntry & { key: FeedKey })[]> {
  const conditions: SQL[] = [publishedVerdict];
  if (filter.storyId !== undefined) conditions.push(eq(claims.storyId, filter.storyId));
  if (filter.speakerId !== undefined) conditions.push(eq(claims.speakerId, filter.speakerId));
  if (position.before) conditions.push(keysetAfter([claims.verdictAt, claims.id], position.before, "desc"));
  if (position.after) conditions.push(keysetAfter([claims.verdictAt, claims.id], position.after, "asc"));
  const newer = position.after !== undefined;
  const found = await db
    .select({ id: claims.id, at: verdictAt, key: claims.verdictAt })
    .from(claims)
    .where(and(...conditions))
    .orderBy(...(newer ? [asc(claims.verdictAt), asc(claims.id)] : [desc(claims.verdictAt), desc(claims.id)]))
    .limit(limit);
  const order = newer ? found.reverse() : found;
  if (order.length === 0) return [];
  const rows = new Map(
    (await selectClaims(db, ANONYMOUS).where(inArray(claims.id, order.map((o) => o.id)))).map((r) => [r.claim.id, toClaimDTO(r)]),
  );
  return order.flatMap((o) => {
    const claim = rows.get(o.id);
    return claim ? [{ claim, verdictAt: o.at, key: [o.key ?? o.at, o.id] as FeedKey }] : [];
  });
}

/** When the claim's verdict was published (see `verdictAt`). */
export async function verdictPublishedAt(db: Db, claimId: number): Promise<string> {
  const [row] = await db.select({ at: verdictAt }).from(claims).where(eq(claims.id, claimId));
  if (!row) throw new NotFoundError(`No claim with id ${claimId}.`);
  return row.at;
}

/** The ClaimReview of a published claim with a verdict, or null for any other visible claim. */
export async function claimReviewFor(db: Db, claim: ClaimDTO, site: SiteInfo): Promise<ClaimReviewJsonLd | null> {
  if (claim.status !== "published" || !claim.verdict) return null;
  return buildClaimReview({ claim, scale: await scaleRatings(db), verdictPublishedAt: await verdictPublishedAt(db, claim.id), site });
}

/** GET /api/claims/{id}/claimreview: a 404 for an unknown claim, a draft, or a claim without a verdict. */
export async function getClaimReview(db: Db, id: number, site: SiteInfo): Promise<ClaimReviewJsonLd> {
  const review = await claimReviewFor(db, await getClaim(db, ANONYMOUS, id), site);
  if (!review) throw new NotFoundError(`Claim ${id} has no published verdict.`);
  return review;
}

/** The published claim an embed or oEmbed shows (a draft or unknown id is a NotFoundError). */
export function getPublicClaim(db: Db, id: number): Promise<ClaimDTO> {
  return getClaim(db, ANONYMOUS, id);
}

async function sourceLanguage(db: Db, sourceId: number): Promise<string | null> {
  return (await db.select({ language: sources.language }).from(sources).where(eq(sources.id, sourceId)))[0]?.language ?? null;
}

/** The Web Annotation of a claim the viewer may see; a 404 when it has no span in its source's current text. */
export async function getClaimAnnotation(db: Db, viewer: Viewer, id: number, site: SiteInfo): Promise<WebAnnotation> {
  const claim = await getClaim(db, viewer, id);
  const annotation = buildAnnotation(claim, site, { language: claim.source ? await sourceLanguage(db, claim.source.id) : null });
  if (!annotation) throw new NotFoundError(`Claim ${id} has no span in its source's current text.`);
  return annotation;
}

/** Every anchored claim the viewer may see in a source, as an AnnotationCollection (or its one page). */
export async function getSourceAnnotations(db: Db, viewer: Viewer, id: number, site: SiteInfo): Promise<AnnotationCollection> {
  const claimsInSource = await listSourceClaims(db, viewer, id);
  const [source] = await db
    .select({ id: sources.id, title: sources.title, kind: sources.kind, publisher: sources.publisher, url: sources.url, publishedOn: sources.publishedOn, language: sources.language })
    .from(sources)
    .where(eq(sources.id, id));
  if (!source) throw new NotFoundError(`No source with id ${id}.`);
  return buildAnnotationCollection(source, claimsInSource, site);
}

const feedKey = z.tuple([z.string(), z.number().int().refine(Number.isSafeInteger)]);

/** `?before=` or `?after=` of a feed request (cursors the feed's own links carry); a 400 naming the field otherwise. */
export function feedPosition(request: Request): { before?: FeedKey; after?: FeedKey } {
  const params = new URL(request.url).searchParams;
  const read = (field: "before" | "after") => {
    try {
      return decodeCursorOf(params.get(field), feedKey) ?? undefined;
    } catch {
      throw new ValidationError(`Invalid query: ${field} is not a place this feed gave.`, { [field]: "not a cursor of this feed" });
    }
  };
  const before = read("before");
  const after = read("after");
  if (before && after) throw new ValidationError("Invalid query: give before or after, not both.", { after: "not with before" });
  return before ? { before } : after ? { after } : {};
}

/**
 * An Atom feed of published verdicts, in pages (RFC 5005 paged feeds): the newest 50 first, as
 * feed readers expect; `next` goes back in time and `previous` forward, by keyset cursors on
 * the verdict's date (no offsets: page 2,000 costs what page 1 does). Cacheable.
 */
export async function verdictFeedResponse(db: Db, site: SiteInfo, feed: { path: string; title: string; subtitle: string; alternate: string; storyId?: number; speakerId?: number }, position: { before?: FeedKey; after?: FeedKey } = {}): Promise<Response> {
  const found = await listPublishedVerdicts(db, { storyId: feed.storyId, speakerId: feed.speakerId }, FEED_LIMIT + 1, position);
  // One more than a page tells whether there is more in the direction read.
  const more = found.length > FEED_LIMIT;
  const entries = position.after ? found.slice(found.length - Math.min(found.length, FEED_LIMIT)) : found.slice(0, FEED_LIMIT);
  const older = position.after ? entries.length > 0 : more;
  const newer = position.after ? more : position.before !== undefined && entries.length > 0;
  const url = (query: string) => `${site.url}${feed.path}${query}`;
  const first = entries[0];
  const last = entries[entries.length - 1];
  const self = position.before ? `?before=${encodeCursor(position.before)}` : position.after ? `?after=${encodeCursor(position.after)}` : "";
  const xml = renderAtomFeed({
    id: `${site.url}${feed.path}`,
    title: feed.title,
    subtitle: feed.subtitle,
    self: url(self),
    alternate: feed.alternate,
    author: { name: site.orgName, uri: site.orgUrl },
    entries: entries.map((e) => verdictEntry(e.claim, e.verdictAt, site)),
    pages: {
      first: url(""),
      ...(older && last ? { next: url(`?before=${encodeCursor(last.key)}`) } : {}),
      ...(newer && first ? { previous: url(`?after=${encodeCursor(first.key)}`) } : {}),
    },
  });
  return new Response(xml, { headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": "public, max-age=300" } });
}
