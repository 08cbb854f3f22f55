import "server-only";
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claimLinks, claims, sources } from "@/db/schema";
import type { ClaimDetailDTO, ClaimDTO, LinkDTO, Page } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/model";
import type { ListClaimsQuery } from "@/lib/schemas";
import { contestedExpr, getClaimsByIds, selectClaims, toClaimDTO, visibleClaim } from "./claim-query";
import { decodeCursor, toPage } from "./pagination";

/** Escapes LIKE wildcards so user text matches literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Claims newest first, filtered; keyset-paginated on (created_at, id). */
export function listClaims(db: Db, viewer: Viewer, query: ListClaimsQuery): Page<ClaimDTO> {
  const conditions: SQL[] = [visibleClaim(viewer)];
  if (query.story) conditions.push(eq(claims.storyId, query.story));
  if (query.speaker) conditions.push(eq(claims.speakerId, query.speaker));
  if (query.source) conditions.push(eq(claims.sourceId, query.source));
  if (query.status) conditions.push(eq(claims.status, query.status));
  if (query.contested !== undefined) {
    conditions.push(query.contested ? sql`${contestedExpr(viewer)}` : sql`NOT ${contestedExpr(viewer)}`);
  }
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(sql`(${claims.text} LIKE ${pattern} ESCAPE '\\' OR ${claims.quote} LIKE ${pattern} ESCAPE '\\')`);
  }
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    const [createdAt, id] = cursor;
    conditions.push(or(lt(claims.createdAt, String(createdAt)), and(eq(claims.createdAt, String(createdAt)), lt(claims.id, id)))!);
  }
  const rows = selectClaims(db, viewer)
    .where(and(...conditions))
    .orderBy(desc(claims.createdAt), desc(claims.id))
    .limit(query.limit + 1)
    .all();
  return toPage(rows, query.limit, toClaimDTO, (r) => [r.claim.createdAt, r.claim.id]);
}

export function getClaim(db: Db, viewer: Viewer, id: number): ClaimDTO {
  const row = selectClaims(db, viewer)
    .where(and(visibleClaim(viewer), eq(claims.id, id)))
    .get();
  if (!row) throw new NotFoundError(`No claim with id ${id}.`);
  return toClaimDTO(row);
}

/** Code points of context shown on each side of a quote. */
const CONTEXT_RADIUS = 280;

/**
 * The quote with the text around it, cut at sentence or word boundaries. SQLite's substr()
 * counts characters (code points), the same unit as anchors, so a 2 MB source is never loaded.
 */
function quoteContext(db: Db, sourceId: number, start: number, end: number): ClaimDetailDTO["context"] {
  const from = Math.max(0, start - CONTEXT_RADIUS);
  const row = db
    .select({
      before: sql<string>`substr(${sources.text}, ${from + 1}, ${start - from})`,
      quote: sql<string>`substr(${sources.text}, ${start + 1}, ${end - start})`,
      after: sql<string>`substr(${sources.text}, ${end + 1}, ${CONTEXT_RADIUS})`,
    })
    .from(sources)
    .where(eq(sources.id, sourceId))
    .get();
  if (!row) return null;
  return { before: trimBefore(row.before, from > 0), quote: row.quote, after: trimAfter(row.after) };
}

function trimBefore(text: string, cut: boolean): string {
  const paragraph = text.lastIndexOf("\n");
  if (paragraph >= 0) return text.slice(paragraph + 1);
  if (!cut) return text;
  const sentence = text.search(/[.!?][”’"']?\s+(?=\S)[^.!?]*$/);
  if (sentence >= 0) return text.slice(sentence).replace(/^[.!?][”’"']?\s+/, "");
  const space = text.indexOf(" ");
  return `…${space >= 0 ? text.slice(space + 1) : text}`;
}

function trimAfter(text: string): string {
  const paragraph = text.indexOf("\n");
  const cut = paragraph >= 0 ? text.slice(0, paragraph) : text;
  const sentence = cut.match(/^.*?[.!?][”’"']?(?=\s|$)/s);
  if (sentence) return sentence[0];
  if (cut.length < text.length || paragraph >= 0) return cut;
  const space = cut.lastIndexOf(" ");
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

/** A claim with its links (to claims the viewer may see) and its quote in context. */
export function getClaimDetail(db: Db, viewer: Viewer, id: number): ClaimDetailDTO {
  const claim = getClaim(db, viewer, id);
  const linkRows = db
    .select()
    .from(claimLinks)
    .where(or(eq(claimLinks.fromClaimId, id), eq(claimLinks.toClaimId, id)))
    .orderBy(claimLinks.createdAt, claimLinks.id)
    .all();
  const others = getClaimsByIds(
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
  const context = claim.source && claim.anchor?.state === "anchored" ? quoteContext(db, claim.source.id, claim.anchor.start, claim.anchor.end) : null;
  return { ...claim, links, context };
}
