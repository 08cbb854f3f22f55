import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims, sources } from "@/db/schema";
import type { SiteInfo } from "@/lib/claimreview";
import type { Viewer } from "@/lib/model";
import { ANNO_CONTEXT, ANNOTATION_PAGE_SIZE, type AnnotationCollection, buildAnnotation, type StandalonePage, type WebAnnotation } from "@/lib/web-annotation";
import { z } from "zod";
import { selectClaims, toClaimDTO, visibleClaim } from "./claim-query";
import { decodeCursorOf, encodeCursor, keysetAfter } from "./pagination";

const exportCursor = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

/**
 * Every anchored claim the viewer may see, in every source, as one W3C AnnotationCollection in
 * pages of 100 (source by source, in claim order): the export for analysis and for another
 * annotation tool, and what the Web Annotation import reads back (an array of its pages).
 * Pages follow each other by keyset (`?after=` the last source and claim of the page before), so
 * the thousandth page costs what the first does; the collection itself carries the total.
 */
export async function allAnnotations(db: Db, viewer: Viewer, site: SiteInfo, after: string | null): Promise<AnnotationCollection | StandalonePage> {
  const where = and(visibleClaim(viewer), eq(claims.anchorState, "anchored"));
  const id = `${site.url}/api/exports/annotations`;
  const pageUrl = (cursor: string) => `${id}?after=${cursor}`;
  const key = after === null ? null : decodeCursorOf(after, exportCursor, "after");
  const found = await db
    .select({ id: claims.id, sourceId: claims.sourceId })
    .from(claims)
    .where(key ? and(where, keysetAfter([claims.sourceId, claims.id], key, "asc")) : where)
    .orderBy(asc(claims.sourceId), asc(claims.id))
    .limit(ANNOTATION_PAGE_SIZE + 1);
  const kept = found.slice(0, ANNOTATION_PAGE_SIZE);
  const last = kept[kept.length - 1];
  const ids = kept.map((r) => r.id);
  const rows = ids.length > 0 ? await selectClaims(db, viewer).where(inArray(claims.id, ids)) : [];
  const languages = new Map((rows.length > 0 ? await db.select({ id: sources.id, language: sources.language }).from(sources).where(inArray(sources.id, [...new Set(rows.map((r) => r.claim.sourceId!))])) : []).map((s) => [s.id, s.language]));
  const byId = new Map(rows.map((r) => [r.claim.id, toClaimDTO(r)]));
  const items = ids.flatMap((cid) => {
    const claim = byId.get(cid);
    const annotation = claim ? buildAnnotation(claim, site, { language: claim.source ? languages.get(claim.source.id) : null, embedded: true }) : null;
    return annotation ? [annotation] : ([] as WebAnnotation[]);
  });
  const next = found.length > ANNOTATION_PAGE_SIZE && last ? encodeCursor([last.sourceId, last.id]) : null;
  const body = { id: after === null ? `${id}?after=` : pageUrl(after), type: "AnnotationPage" as const, items, ...(next ? { next: pageUrl(next) } : {}) };
  if (after !== null) return { "@context": ANNO_CONTEXT, ...body, partOf: id };
  const [{ n }] = (await db.select({ n: sql<number>`count(*)` }).from(claims).where(where)) as [{ n: number | string }];
  const summary = { id, type: "AnnotationCollection" as const, label: `Every claim anchored in a source at ${site.orgName}`, total: Number(n) };
  return { "@context": ANNO_CONTEXT, ...summary, ...(items.length > 0 ? { first: body } : {}) };
}
