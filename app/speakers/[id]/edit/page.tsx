import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { SpeakerEditForm } from "@/components/speaker-edit-form";
import { or404, pageId, requireStaff } from "@/server/pages";
import { getSpeaker } from "@/server/speakers";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit speaker" };

export default async function EditSpeakerPage(props: { params: Promise<{ id: string }> }) {
  const id = pageId((await props.params).id);
  const viewer = await requireStaff(`/speakers/${id}/edit`);
  const db = getDb();
  const speaker = await or404(() => getSpeaker(db, viewer, id));
  const survivor = speaker.mergedIntoId ? await or404(() => getSpeaker(db, viewer, speaker.mergedIntoId!)) : null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3 border-b border-rule pb-4">
        <div>
          <p className="text-xs font-bold uppercase tracking-wider text-muted">Editing speaker</p>
          <h1 className="font-serif text-2xl font-bold sm:text-3xl">{speaker.name}</h1>
        </div>
        <nav className="text-sm" aria-label="Speaker">
          <Link href={`/speakers/${id}`}>Speaker’s page</Link>
        </nav>
      </header>
      {survivor ? (
        <p className="rounded border-2 border-amber-500 bg-amber-50 p-4">
          “{speaker.name}” was merged into <Link href={`/speakers/${survivor.id}`}>{survivor.name}</Link> and can no longer be edited. Its claims and
          names now belong to {survivor.name} (<Link href={`/speakers/${survivor.id}/edit`}>edit {survivor.name}</Link>).
        </p>
      ) : (
        <SpeakerEditForm speaker={speaker} canMerge={viewer.role !== "factchecker"} />
      )}
    </div>
  );
}
