import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { formatDate, plural } from "@/lib/format";
import { or404, pageId } from "@/server/pages";
import { getSource } from "@/server/sources";
import { listRevisions } from "@/server/sources-write";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const id = pageId((await props.params).id);
  const viewer = await getViewer();
  const source = await or404(() => getSource(getDb(), viewer, id));
  return { title: `Revisions of ${source.title}` };
}

/** "26 Jun 2025, 14:05 UTC" from an ISO timestamp. */
function formatTimestamp(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${formatDate(iso)}, ${time} UTC` : formatDate(iso);
}

/** Every revision of a source's text, newest first. Public, like the source itself. */
export default async function RevisionsPage(props: Props) {
  const id = pageId((await props.params).id);
  const db = getDb();
  const viewer = await getViewer();
  const source = await or404(() => getSource(db, viewer, id));
  const revisions = await or404(() => listRevisions(db, viewer, id));
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1 border-b border-rule pb-4">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">Revisions</p>
        <h1 className="font-serif text-2xl font-bold sm:text-3xl">
          <Link href={`/sources/${id}`} className="text-ink no-underline hover:underline">
            {source.title}
          </Link>
        </h1>
        <p className="text-sm text-muted">
          {plural(revisions.length, "revision")} of the text; claims are anchored to the latest. Each revision is kept as it was saved.
        </p>
      </header>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Revisions of {source.title}, newest first</caption>
        <thead>
          <tr className="border-b-2 border-rule">
            <th scope="col" className="py-2 pr-3 font-semibold">Revision</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Saved</th>
            <th scope="col" className="py-2 pr-3 font-semibold">By</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Note</th>
            <th scope="col" className="py-2 text-right font-semibold">Length</th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.revision} className="border-b border-rule align-top">
              <th scope="row" className="py-2 pr-3 font-semibold">
                <Link href={`/sources/${id}/revisions/${r.revision}`}>Revision {r.revision}</Link>
                {r.revision === source.revision ? <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-medium">current</span> : null}
              </th>
              <td className="py-2 pr-3 whitespace-nowrap">
                <time dateTime={r.createdAt}>{formatTimestamp(r.createdAt)}</time>
              </td>
              <td className="py-2 pr-3">
                {r.author.name}
              </td>
              <td className="py-2 pr-3">{r.note ?? <span className="text-muted">—</span>}</td>
              <td className="py-2 text-right whitespace-nowrap tabular-nums">{plural(r.length, "character")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
