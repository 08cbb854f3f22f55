import "server-only";
import { and, asc, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contains } from "@/db/sql";
import { claims, sources } from "@/db/schema";
import { codePointLength } from "@/lib/codepoints";
import type { ClaimDTO, Page, SourceDTO, SourceSummaryDTO } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import { type Viewer, visibleStatuses } from "@/lib/model";
import { selectClaims, toClaimDTO, visibleClaim } from "./claim-query";
import { decodeCursor, keysetAfter, toPage } from "./pagination";

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
        query.q ? or(contains(sources.title, query.q), contains(sources.publisher, query.q)) : undefined,
        cursor ? keysetAfter([sources.createdAt, sources.id], [String(cursor[0]), cursor[1]], "desc") : undefined,
      ),
    )
    .orderBy(desc(sources.createdAt), desc(sources.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (r) => r, (r) => [r.createdAt, r.id]);
}

export async function getSource(db: Db, viewer: Viewer, id: number): Promise<SourceDTO> {
  const [summary] = await selectSourceSummaries(db, viewer).where(eq(sources.id, id));
  if (!summary) throw new NotFoundError(`No source with id ${id}.`);
  const [row] = await db.select({ text: sources.text }).from(sources).where(eq(sources.id, id));
  const text = row?.text ?? "";
  return { ...summary, text, length: codePointLength(text) };
}

/** Every claim the viewer may see made in a source, in text order (orphans last). */
export async function listSourceClaims(db: Db, viewer: Viewer, id: number): Promise<ClaimDTO[]> {
  const [exists] = await db.select({ id: sources.id }).from(sources).where(eq(sources.id, id));
  if (!exists) throw new NotFoundError(`No source with id ${id}.`);
  const rows = await selectClaims(db, viewer)
    .where(and(visibleClaim(viewer), eq(claims.sourceId, id)))
    // Claims with no span first, then spans in text order, orphans last (NULLs sort apart on each engine).
    .orderBy(sql`CASE WHEN ${claims.anchorState} = 'orphan' THEN 2 WHEN ${claims.anchorStart} IS NULL THEN 0 ELSE 1 END`, asc(claims.anchorStart), asc(claims.id));
  return rows.map(toClaimDTO);
}
