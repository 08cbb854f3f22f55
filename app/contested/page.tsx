import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { ContestedBoard } from "@/components/contested-board";
import { Pager } from "@/components/pager";
import { listContestedQuerySchema } from "@/lib/schemas";
import { listContestedPairs } from "@/server/contested";
import { contestedFacets } from "@/server/facets";
import { or404, param } from "@/server/pages";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Contested claims" };

export default async function ContestedPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await props.searchParams;
  const parsed = listContestedQuerySchema.safeParse({ story: param(raw.story) || undefined, speaker: param(raw.speaker) || undefined, cursor: param(raw.cursor) });
  const query = parsed.success ? parsed.data : listContestedQuerySchema.parse({});
  const db = getDb();
  const viewer = await getViewer();
  const initial = await or404(() => listContestedPairs(db, viewer, query));
  const filters = { story: query.story, speaker: query.speaker };
  const facets = await contestedFacets(db, viewer, filters);
  return (
    <div>
      <h1 className="mb-2 font-serif text-3xl font-bold">Contested claims</h1>
      <p className="mb-6 max-w-3xl text-muted">Every claim that another claim disputes, with the two side by side.</p>
      <ContestedBoard initial={initial} initialFilters={filters} facets={facets} />
      <noscript>
        <Pager nextCursor={initial.nextCursor} basePath="/contested" params={{ story: filters.story?.toString(), speaker: filters.speaker?.toString() }} />
      </noscript>
    </div>
  );
}
