import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims, sources } from "@/db/schema";
import type { SiteInfo } from "@/lib/claimreview";
import type { Viewer } from "@/lib/model";
import { ANNO_CONTEXT, ANNOTATION_PAGE_SIZE, type AnnotationCollection, buildAnnotation, type StandalonePage, type WebAnnotation } from "@/lib/web-annotation";
import { selectClaims, toClaimDTO, visibleClaim } from "./claim-query";

/**
 * Every anchored claim the viewer may see, in every source, as one W3C AnnotationCollection in
 * pages of 100 (source by source, in claim order): the export for analysis and for another
 * annotation tool, and what the Web Annotation import reads back (an array of its pages).
 */
export async function allAnnotations(db: Db, viewer: Viewer, site: SiteInfo, page: number | null): Promise<AnnotationCollection | StandalonePage | null> {
  const where = and(visibleClaim(viewer), eq(claims.anchorState, "anchored"));
  const [{ n }] = (await db.select({ n: sql<number>`count(*)` }).from(claims).where(where)) as [{ n: number | string }];
  const total = Number(n);
  const pages = Math.ceil(total / ANNOTATION_PAGE_SIZE);
  const id = `${site.url}/api/exports/annotations`;
  const pageId = (p: number) => `${id}?page=${p}`;
  const summary = { id, type: "AnnotationCollection" as const, label: `Every claim anchored in a source at ${site.orgName}`, total, ...(pages > 0 ? { last: pageId(pages - 1) } : {}) };
  if (page !== null && page >= pages) return null;
  const at = page ?? 0;
  const ids = total === 0 ? [] : (await db.select({ id: claims.id }).from(claims).where(where).orderBy(asc(claims.sourceId), asc(claims.id)).limit(ANNOTATION_PAGE_SIZE).offset(at * ANNOTATION_PAGE_SIZE)).map((r) => r.id);
  const rows = ids.length > 0 ? await selectClaims(db, viewer).where(inArray(claims.id, ids)) : [];
  const languages = new Map((rows.length > 0 ? await db.select({ id: sources.id, language: sources.language }).from(sources).where(inArray(sources.id, [...new Set(rows.map((r) => r.claim.sourceId!))])) : []).map((s) => [s.id, s.language]));
  const byId = new Map(rows.map((r) => [r.claim.id, toClaimDTO(r)]));
  const items = ids.flatMap((cid) => {
    const claim = byId.get(cid);
    const annotation = claim ? buildAnnotation(claim, site, { language: claim.source ? languages.get(claim.source.id) : null, embedded: true }) : null;
    return annotation ? [annotation] : ([] as WebAnnotation[]);
  });
  const body = { id: pageId(at), type: "AnnotationPage" as const, startIndex: at * ANNOTATION_PAGE_SIZE, items, ...(at + 1 < pages ? { next: pageId(at + 1) } : {}), ...(at > 0 ? { prev: pageId(at - 1) } : {}) };
  if (page !== null) return { "@context": ANNO_CONTEXT, ...body, partOf: summary };
  return { "@context": ANNO_CONTEXT, ...summary, ...(pages > 0 ? { first: body } : {}) };
}
