import type { Metadata } from "next";
import { SourceForm } from "@/components/source-form";
import { SourceFromUrl } from "@/components/source-from-url";
import { requireStaff } from "@/server/pages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage() {
  await requireStaff("/sources/new");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1 border-b border-rule pb-4">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">Sources</p>
        <h1 className="font-serif text-3xl font-bold">New source</h1>
        <p className="text-muted">Paste an article, report, statement or transcript, upload it as a file, or give its web address. Then mark its claims in the annotator.</p>
      </header>
      <SourceFromUrl />
      <SourceForm />
    </div>
  );
}
