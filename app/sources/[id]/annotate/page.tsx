import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Annotator } from "@/components/annotator/annotator";
import { formatDate } from "@/lib/format";
import { or404, pageId, requireStaff } from "@/server/pages";
import { getSource, listSourceClaims } from "@/server/sources";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Annotate" };

export default async function AnnotatePage(props: { params: Promise<{ id: string }> }) {
  const id = pageId((await props.params).id);
  const viewer = await requireStaff(`/sources/${id}/annotate`);
  const db = getDb();
  const source = await or404(() => getSource(db, viewer, id));
  const claims = await listSourceClaims(db, viewer, id);
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-end justify-between gap-3 border-b border-rule pb-4">
        <div>
          <p className="text-xs font-bold uppercase tracking-wider text-muted">Annotating</p>
          <h1 className="font-serif text-2xl font-bold sm:text-3xl">{source.title}</h1>
          <p className="text-sm text-muted">
            {[source.publisher, source.publishedOn ? formatDate(source.publishedOn) : null, `revision ${source.revision}`].filter(Boolean).join(" · ")}
          </p>
        </div>
        <nav className="flex gap-4 text-sm" aria-label="Source">
          <Link href={`/sources/${id}`}>Reader view</Link>
          <Link href={`/sources/${id}/edit`}>Edit text and details</Link>
        </nav>
      </header>
      <Annotator source={source} initialClaims={claims} />
    </div>
  );
}
