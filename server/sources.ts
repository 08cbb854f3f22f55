import "server-only";
import { and, asc, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contains } from "@/db/sql";
import { claims, sources } from "@/db/schema";
import { codePointLength } from "@/lib/codepoints";
import type { ClaimDTO, Page, SourceDTO, SourceSummaryDTO } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import { type Viewer, visibleStatuses } from "@/lib/model";
import { selectClaims, toClaimDTO, visibleClaim } from "./claim-query";
import { decodeCursor, keysetAfter, toPage } from "./pagination";

/** A source readers may see: one with a published claim (kept by the database, migration published_reach). */
export const publicSource: SQL = sql`${sources.publishedClaims} > 0`;

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSourceSummaries>["execute"]>>[number];

/** Source columns without the (possibly 2 MB) text, with a count of visible claims. */
function selectSourceSummaries(db: Db, viewer: Viewer) {
  const statuses = sql.join(
    visibleStatuses(viewer).map((s) => sql`${s}`),
    sql`, `,
  );
  return db
    .select({
      id: sources.id,
      title: sources.title,
      kind: sources.kind,
      publisher: sources.publisher,
      author: sources.author,
      url: sources.url,
      publishedOn: sources.publishedOn,
      language: sources.language,
      revision: sources.revision,
      publishable: sources.publishable,
      publishedClaims: sources.publishedClaims,
      version: sources.version,
      createdAt: sources.createdAt,
      updatedAt: sources.updatedAt,
      // Named in full: drizzle renders a column unqualified inside a selected field.
      claimCount: sql<number>`(SELECT count(*) FROM claims c WHERE c.source_id = "sources"."id" AND c.status IN (${statuses}))`.mapWith(Number),
    })
    .from(sources)
    .$dynamic();
}

/** Sources, newest first; `q` matches titles and publishers (the evidence source picker). */
export async function listSources(db: Db, viewer: Viewer, query: { q?: string; cursor?: string; limit: number }): Promise<Page<SourceSummaryDTO>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await selectSourceSummaries(db, viewer)
    .where(
      and(
        // Readers see a source once it has a published claim (sources_public_created_idx).
        viewer.kind === "anonymous" ? publicSource : undefined,
        query.q ? or(contains(sources.title, query.q), contains(sources.publisher, query.q)) : undefined,
        cursor ? keysetAfter([sources.createdAt, sources.id], [String(cursor[0]), cursor[1]], "desc") : undefined,
      ),
    )
    .orderBy(desc(sources.createdAt), desc(sources.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toSummary, (r) => [r.createdAt, r.id]);
}

function toSummary({ publishedClaims: _count, ...summary }: SummaryRow): SourceSummaryDTO {
  return summary;
}

/**
 * A source with its text. Readers see a source only once it has a published claim, and its full
 * text only when an editor marked it publishable; otherwise `text` is empty and `textWithheld`
 * true, and the reader sees the source through its published claims in context.
 */
export async function getSource(db: Db, viewer: Viewer, id: number): Promise<SourceDTO> {
  const [summary] = await selectSourceSummaries(db, viewer).where(eq(sources.id, id));
  if (!summary || (viewer.kind === "anonymous" && summary.publishedClaims === 0)) throw new NotFoundError(`No source with id ${id}.`);
  if (viewer.kind === "anonymous" && !summary.publishable) return { ...toSummary(summary), text: "", length: 0, textWithheld: true };
  const [row] = await db.select({ text: sources.text }).from(sources).where(eq(sources.id, id));
  const text = row?.text ?? "";
  return { ...toSummary(summary), text, length: codePointLength(text), textWithheld: false };
}

/** Whether a reader may read source `id`'s full text (published claims and marked publishable); staff always. */
export async function readerMayReadText(db: Db, viewer: Viewer, id: number): Promise<boolean> {
  if (viewer.kind !== "anonymous") return true;
  const [row] = await db.select({ publishable: sources.publishable, publishedClaims: sources.publishedClaims }).from(sources).where(eq(sources.id, id));
  return !!row && row.publishable && row.publishedClaims > 0;
}

/** Every claim the viewer may see made in a source, in text order (orphans last). */
export async function listSourceClaims(db: Db, viewer: Viewer, id: number): Promise<ClaimDTO[]> {
  const [exists] = await db.select({ id: sources.id, publishedClaims: sources.publishedClaims }).from(sources).where(eq(sources.id, id));
  if (!exists || (viewer.kind === "anonymous" && exists.publishedClaims === 0)) throw new NotFoundError(`No source with id ${id}.`);
  const rows = await selectClaims(db, viewer)
    .where(and(visibleClaim(viewer), eq(claims.sourceId, id)))
    // Claims with no span first, then spans in text order, orphans last (NULLs sort apart on each engine).
    .orderBy(sql`CASE WHEN ${claims.anchorState} = 'orphan' THEN 2 WHEN ${claims.anchorStart} IS NULL THEN 0 ELSE 1 END`, asc(claims.anchorStart), asc(claims.id));
  return rows.map(toClaimDTO);
}
