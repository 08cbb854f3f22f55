import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { readFiltered } from "@/components/timeline/search-params";
import { TimelineView } from "@/components/timeline/timeline-view";
import { plural } from "@/lib/format";
import { speakerTimelineQuerySchema } from "@/lib/schemas";
import { or404, pageId } from "@/server/pages";
import { getSpeaker } from "@/server/speakers";
import { getSpeakerTimeline } from "@/server/timelines";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const id = pageId((await props.params).id);
  const viewer = await getViewer();
  const speaker = await or404(() => getSpeaker(getDb(), viewer, id));
  return {
    title: `${speaker.name}: timeline`,
    alternates: { types: { "application/atom+xml": [{ url: `/speakers/${id}/feed.xml`, title: `${speaker.name} — new claims` }] } },
  };
}

export default async function SpeakerTimelinePage(props: Props) {
  const id = pageId((await props.params).id);
  const viewer = await getViewer();
  const db = getDb();
  const search = await props.searchParams;
  const { view, errors } = await or404(() => readFiltered(speakerTimelineQuerySchema, search, (filters) => getSpeakerTimeline(db, viewer, id, filters)));
  const { speaker } = view;
  return (
    <div className="space-y-6">
      <header className="space-y-2 border-b border-rule pb-5">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">Speaker timeline</p>
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{speaker.name}</h1>
        {speaker.affiliation ? (
          <p>
            Affiliated to <Link href={`/speakers/${speaker.affiliation.id}`}>{speaker.affiliation.name}</Link>
          </p>
        ) : null}
        <p className="max-w-3xl text-muted">
          What {speaker.name} said, in the order it was said, with the claims they dispute or answer, and those that dispute or answer them, in the other lanes.
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
          <span>
            {plural(speaker.claimCount, "claim")} · {speaker.contestedCount} contested
          </span>
          <Link href={`/speakers/${id}`}>Speaker page</Link>
          <a href={`/speakers/${id}/feed.xml`} type="application/atom+xml">
            Feed
          </a>
        </p>
      </header>
      <TimelineView
        view={view}
        errors={errors}
        action={`/speakers/${id}/timeline`}
        title={`Timeline of ${speaker.name}`}
        withSpeaker={false}
        leadSpeakerId={id}
        empty={`No claims by ${speaker.name} yet.`}
      />
    </div>
  );
}
