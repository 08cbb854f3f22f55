import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { SourceEditForm } from "@/components/source-edit-form";
import { or404, pageId, requireStaff } from "@/server/pages";
import { getSource } from "@/server/sources";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit source" };

export default async function EditSourcePage(props: { params: Promise<{ id: string }> }) {
  const id = pageId((await props.params).id);
  const viewer = await requireStaff(`/sources/${id}/edit`);
  const source = await or404(() => getSource(getDb(), viewer, id));
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3 border-b border-rule pb-4">
        <div>
          <p className="text-xs font-bold uppercase tracking-wider text-muted">Editing source</p>
          <h1 className="font-serif text-2xl font-bold sm:text-3xl">{source.title}</h1>
        </div>
        <nav className="flex gap-4 text-sm" aria-label="Source">
          <Link href={`/sources/${id}`}>Reader view</Link>
          <Link href={`/sources/${id}/annotate`}>Annotate</Link>
          <Link href={`/sources/${id}/revisions`}>Revisions</Link>
        </nav>
      </header>
      <SourceEditForm source={source} />
    </div>
  );
}
