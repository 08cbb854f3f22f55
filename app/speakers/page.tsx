import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Pager } from "@/components/pager";
import { or404, param } from "@/server/pages";
import { listSpeakers } from "@/server/speakers";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Speakers" };

export default async function SpeakersPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const cursor = param((await props.searchParams).cursor);
  const viewer = await getViewer();
  const speakers = await or404(() => listSpeakers(getDb(), viewer, { cursor, limit: 50 }));
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 font-serif text-3xl font-bold">Speakers</h1>
      <p className="mb-6 text-muted">The people and organisations claims are attributed to.</p>
      {speakers.items.length === 0 ? (
        <p className="text-muted">No speakers yet.</p>
      ) : (
        <ul className="divide-y divide-rule rounded-md border border-rule bg-white">
          {speakers.items.map((s) => (
            <li key={s.id} className="p-4">
              <Link href={`/speakers/${s.id}`} className="font-semibold text-ink no-underline hover:text-accent hover:underline">
                {s.name}
              </Link>
              <p className="mt-1 text-sm text-muted">
                {[s.description, s.affiliation ? `affiliated to ${s.affiliation.name}` : null].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager nextCursor={speakers.nextCursor} basePath="/speakers" />
    </div>
  );
}
