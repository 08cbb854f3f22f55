import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims, sources } from "@/db/schema";
import { buildClaimReview, type ClaimReviewJsonLd, type SiteInfo } from "@/lib/claimreview";
import { ATOM_CONTENT_TYPE, renderAtomFeed, verdictEntry } from "@/lib/atom";
import type { ClaimDTO } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import { ANONYMOUS, type Viewer } from "@/lib/model";
import { type AnnotationCollection, type AnnotationPage, buildAnnotation, buildAnnotationCollection, type WebAnnotation } from "@/lib/web-annotation";
import { selectClaims, toClaimDTO } from "./claim-query";
import { getClaim } from "./claims";
import { listSourceClaims } from "./sources";
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

/** Newly published verdicts, newest first: site-wide, or of one story or one speaker. */
export async function listPublishedVerdicts(db: Db, filter: { storyId?: number; speakerId?: number } = {}, limit = FEED_LIMIT): Promise<VerdictEntry[]> {
  const conditions: SQL[] = [publishedVerdict];
  if (filter.storyId !== undefined) conditions.push(eq(claims.storyId, filter.storyId));
  if (filter.speakerId !== undefined) conditions.push(eq(claims.speakerId, filter.speakerId));
  const order = await db
    .select({ id: claims.id, at: verdictAt })
    .from(claims)
    .where(and(...conditions))
    .orderBy(desc(claims.verdictAt), desc(claims.id))
    .limit(limit);
  if (order.length === 0) return [];
  const rows = new Map(
    (await selectClaims(db, ANONYMOUS).where(inArray(claims.id, order.map((o) => o.id)))).map((r) => [r.claim.id, toClaimDTO(r)]),
  );
  return order.flatMap((o) => {
    const claim = rows.get(o.id);
    return claim ? [{ claim, verdictAt: o.at }] : [];
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

/** The collection's page on its own, with the collection described in `partOf`. */
export function toAnnotationPage(collection: AnnotationCollection): AnnotationPage & { "@context": string; partOf: Omit<AnnotationCollection, "@context" | "first"> } {
  const { "@context": context, first, ...summary } = collection;
  if (!first) throw new NotFoundError("This source has no annotations, so the collection has no pages.");
  return { "@context": context, ...first, partOf: summary };
}

/** An Atom feed of published verdicts as a cacheable response. */
export async function verdictFeedResponse(db: Db, site: SiteInfo, feed: { path: string; title: string; subtitle: string; alternate: string; storyId?: number; speakerId?: number }): Promise<Response> {
  const entries = await listPublishedVerdicts(db, { storyId: feed.storyId, speakerId: feed.speakerId });
  const xml = renderAtomFeed({
    id: `${site.url}${feed.path}`,
    title: feed.title,
    subtitle: feed.subtitle,
    self: `${site.url}${feed.path}`,
    alternate: feed.alternate,
    author: { name: site.orgName, uri: site.orgUrl },
    entries: entries.map((e) => verdictEntry(e.claim, e.verdictAt, site)),
  });
  return new Response(xml, { headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": "public, max-age=300" } });
}
