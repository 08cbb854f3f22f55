import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Pager } from "@/components/pager";
import { formatDate, plural } from "@/lib/format";
import { or404, param } from "@/server/pages";
import { listSources } from "@/server/sources";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const cursor = param((await props.searchParams).cursor);
  const viewer = await getViewer();
  const sources = await or404(() => listSources(getDb(), viewer, { cursor, limit: 30 }));
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 font-serif text-3xl font-bold">Sources</h1>
      <p className="mb-6 text-muted">Articles, reports and statements, with the claims marked in them.</p>
      {sources.items.length === 0 ? (
        <p className="text-muted">No sources yet.</p>
      ) : (
        <ul className="divide-y divide-rule rounded-md border border-rule bg-white">
          {sources.items.map((s) => (
            <li key={s.id} className="p-4">
              <Link href={`/sources/${s.id}`} className="font-semibold text-ink no-underline hover:text-accent hover:underline">
                {s.title}
              </Link>
              <p className="mt-1 text-sm text-muted">
                {[s.publisher, s.publishedOn ? formatDate(s.publishedOn) : null, plural(s.claimCount, "claim")].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager nextCursor={sources.nextCursor} basePath="/sources" />
    </div>
  );
}
