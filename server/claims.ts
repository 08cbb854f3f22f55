import "server-only";
import { and, asc, count, desc, eq, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contains } from "@/db/sql";
import { claimLinks, claims, sources } from "@/db/schema";
import type { ClaimDetailDTO, ClaimDTO, LinkDTO, Page } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import { contextAfter, contextBefore } from "@/lib/sentences";
import type { Viewer } from "@/lib/model";
import type { ListClaimsQuery } from "@/lib/schemas";
import { contestedExpr, getClaimsByIds, selectClaims, toClaimDTO, visibleClaim } from "./claim-query";
import { type CursorKey, decodeCursor, keysetAfter, toPage } from "./pagination";

/** Claims newest first, filtered; keyset-paginated on (created_at, id). */
export async function listClaims(db: Db, viewer: Viewer, query: ListClaimsQuery): Promise<Page<ClaimDTO>> {
  const conditions: SQL[] = [visibleClaim(viewer)];
  if (query.story) conditions.push(eq(claims.storyId, query.story));
  if (query.speaker) conditions.push(eq(claims.speakerId, query.speaker));
  if (query.source) conditions.push(eq(claims.sourceId, query.source));
  if (query.status) conditions.push(eq(claims.status, query.status));
  if (query.contested !== undefined) {
    conditions.push(query.contested ? sql`${contestedExpr(viewer)}` : sql`NOT ${contestedExpr(viewer)}`);
  }
  if (query.q) {
    conditions.push(or(contains(claims.text, query.q), contains(claims.quote, query.q))!);
  }
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    conditions.push(keysetAfter([claims.createdAt, claims.id], [String(cursor[0]), cursor[1]], "desc"));
  }
  const rows = await selectClaims(db, viewer)
    .where(and(...conditions))
    .orderBy(desc(claims.createdAt), desc(claims.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toClaimDTO, (r) => [r.claim.createdAt, r.claim.id]);
}

export async function getClaim(db: Db, viewer: Viewer, id: number): Promise<ClaimDTO> {
  const [row] = await selectClaims(db, viewer).where(and(visibleClaim(viewer), eq(claims.id, id)));
  if (!row) throw new NotFoundError(`No claim with id ${id}.`);
  return toClaimDTO(row);
}

/** Code points of context shown on each side of a quote. */
const CONTEXT_RADIUS = 280;

/**
 * The quote with the text around it, cut at sentence boundaries (abbreviation-aware: "Rep. Lynch"
 * is not a boundary) or else at a word. substr() counts
 * characters (code points) on both engines, the same unit as anchors, so a 2 MB source is never
 * loaded.
 */
async function quoteContext(db: Db, sourceId: number, start: number, end: number): Promise<ClaimDetailDTO["context"]> {
  const from = Math.max(0, start - CONTEXT_RADIUS);
  const [row] = await db
    .select({
      before: sql<string>`substr(${sources.text}, ${from + 1}, ${start - from})`,
      quote: sql<string>`substr(${sources.text}, ${start + 1}, ${end - start})`,
      after: sql<string>`substr(${sources.text}, ${end + 1}, ${CONTEXT_RADIUS})`,
    })
    .from(sources)
    .where(eq(sources.id, sourceId));
  if (!row) return null;
  return { before: contextBefore(row.before, from > 0, row.quote), quote: row.quote, after: contextAfter(row.after, row.quote) };
}

/**
 * The quote in context of each anchored claim of `list` (a reader's view of a source whose full
 * text is not publishable: its published claims, each with the sentences around it). One short
 * read per claim; the caller bounds the list.
 */
export async function contextsOf(db: Db, list: ClaimDTO[]): Promise<Map<number, NonNullable<ClaimDetailDTO["context"]>>> {
  const out = new Map<number, NonNullable<ClaimDetailDTO["context"]>>();
  for (const c of list) {
    if (!c.source || c.anchor?.state !== "anchored") continue;
    const context = await quoteContext(db, c.source.id, c.anchor.start, c.anchor.end);
    // What was verified, until staff accept a changed quote.
    if (context) out.set(c.id, c.quoteChanged !== null && c.quote !== null ? { ...context, quote: c.quote } : context);
  }
  return out;
}

/** How many links of each group (counter-claims; supporting and related) a claim's page and detail carry; the rest are paged. */
export const LINKS_SHOWN = 20;
/** A page of the paged list of a claim's links. */
export const LINKS_PAGE = 50;

export type LinkGroup = "disputes" | "related";

/**
 * The claim's links of one group whose other claim the viewer may see, oldest first, after
 * `after` (a keyset on the link's creation time and id): the other claim is joined so drafts are
 * neither listed nor counted for readers.
 */
export function linksOf(db: Db, viewer: Viewer, id: number, group: LinkGroup) {
  const other = sql`CASE WHEN ${claimLinks.fromClaimId} = ${id} THEN ${claimLinks.toClaimId} ELSE ${claimLinks.fromClaimId} END`;
  const where = (extra?: SQL) => and(or(eq(claimLinks.fromClaimId, id), eq(claimLinks.toClaimId, id)), group === "disputes" ? eq(claimLinks.kind, "disputes") : ne(claimLinks.kind, "disputes"), visibleClaim(viewer), extra);
  return {
    rows: (limit: number, after: CursorKey | null) =>
      db
        .select({ link: claimLinks })
        .from(claimLinks)
        .innerJoin(claims, eq(claims.id, other))
        .where(where(after ? keysetAfter([claimLinks.createdAt, claimLinks.id], after, "asc") : undefined))
        .orderBy(asc(claimLinks.createdAt), asc(claimLinks.id))
        .limit(limit),
    count: async () => (await db.select({ n: count() }).from(claimLinks).innerJoin(claims, eq(claims.id, other)).where(where()))[0]?.n ?? 0,
  };
}

export async function toLinks(db: Db, viewer: Viewer, id: number, linkRows: (typeof claimLinks.$inferSelect)[]): Promise<LinkDTO[]> {
  const others = await getClaimsByIds(
    db,
    viewer,
    linkRows.map((l) => (l.fromClaimId === id ? l.toClaimId : l.fromClaimId)),
  );
  const links: LinkDTO[] = [];
  for (const l of linkRows) {
    const outgoing = l.fromClaimId === id;
    const other = others.get(outgoing ? l.toClaimId : l.fromClaimId);
    if (!other) continue;
    links.push({ id: l.id, kind: l.kind, direction: outgoing ? "outgoing" : "incoming", note: l.note, createdAt: l.createdAt, claim: other });
  }
  return links;
}

/**
 * A claim with its first LINKS_SHOWN links of each group (to claims the viewer may see), how
 * many each group has in all, and its quote in context. The rest: listClaimLinks.
 */
export async function getClaimDetail(db: Db, viewer: Viewer, id: number): Promise<ClaimDetailDTO> {
  const claim = await getClaim(db, viewer, id);
  const disputes = linksOf(db, viewer, id, "disputes");
  const related = linksOf(db, viewer, id, "related");
  const [disputeRows, relatedRows] = [await disputes.rows(LINKS_SHOWN, null), await related.rows(LINKS_SHOWN, null)];
  const links = await toLinks(db, viewer, id, [...disputeRows, ...relatedRows].map((r) => r.link));
  // Counted only when a group fills its share: most claims have a handful of links.
  const linkCounts = {
    disputes: disputeRows.length < LINKS_SHOWN ? disputeRows.length : await disputes.count(),
    related: relatedRows.length < LINKS_SHOWN ? relatedRows.length : await related.count(),
  };
  let context = claim.source && claim.anchor?.state === "anchored" ? await quoteContext(db, claim.source.id, claim.anchor.start, claim.anchor.end) : null;
  // Readers see the quote that was verified until staff accept the source's new words.
  if (context && claim.quoteChanged !== null && viewer.kind === "anonymous" && claim.quote !== null) context = { ...context, quote: claim.quote };
  return { ...claim, links, linkCounts, context };
}

/** One page of a claim's links of a group, oldest first (keyset-paged), with the group's total. */
export async function listClaimLinks(db: Db, viewer: Viewer, id: number, group: LinkGroup, query: { cursor?: string; limit?: number }): Promise<Page<LinkDTO> & { total: number }> {
  await getClaim(db, viewer, id);
  const limit = query.limit ?? LINKS_PAGE;
  const of = linksOf(db, viewer, id, group);
  const rows = await of.rows(limit + 1, decodeCursor(query.cursor));
  const page = toPage(rows, limit, (r) => r.link, (r) => [r.link.createdAt, r.link.id]);
  return { items: await toLinks(db, viewer, id, page.items), nextCursor: page.nextCursor, hasMore: page.hasMore, total: await of.count() };
}
