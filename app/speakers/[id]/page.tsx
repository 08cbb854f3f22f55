import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getDb } from "@/db/client";
import { ClaimCard } from "@/components/claim-card";
import { Pager } from "@/components/pager";
import { ScorecardChart } from "@/components/scorecard-chart";
import { plural } from "@/lib/format";
import { listClaims } from "@/server/claims";
import { or404, pageId, param } from "@/server/pages";
import { getScorecard } from "@/server/scorecard";
import { getSpeaker } from "@/server/speakers";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const KIND_LABEL = { person: "Person", organisation: "Organisation", government: "Government body", other: "Speaker" } as const;

/** Read once per render: the metadata and the page both need it. */
const speakerOf = cache(async (id: number) => or404(async () => getSpeaker(getDb(), await getViewer(), id)));

export async function generateMetadata(props: Props): Promise<Metadata> {
  const id = pageId((await props.params).id);
  const speaker = await speakerOf(id);
  return {
    title: speaker.name,
    alternates: { types: { "application/atom+xml": [{ url: `/speakers/${id}/feed.xml`, title: `${speaker.name} — new claims` }] } },
  };
}

export default async function SpeakerPage(props: Props) {
  const id = pageId((await props.params).id);
  const cursor = param((await props.searchParams).cursor);
  const db = getDb();
  const viewer = await getViewer();
  const speaker = await speakerOf(id);
  const claims = await or404(() => listClaims(db, viewer, { speaker: id, cursor, limit: 20 }));
  const survivor = speaker.mergedIntoId ? await or404(() => getSpeaker(db, viewer, speaker.mergedIntoId!)) : null;
  const scorecard = await getScorecard(db, viewer, id);
  return (
    <div className="space-y-8">
      {survivor ? (
        <p role="note" className="rounded border-2 border-amber-500 bg-amber-50 p-4">
          {speaker.name} was merged into <Link href={`/speakers/${survivor.id}`}>{survivor.name}</Link>: their claims are listed there.
        </p>
      ) : null}
      <header className="space-y-2 border-b border-rule pb-5">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">{KIND_LABEL[speaker.kind]}</p>
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{speaker.name}</h1>
        {speaker.description ? <p className="max-w-3xl text-lg">{speaker.description}</p> : null}
        {speaker.affiliation ? (
          <p>
            Affiliated to <Link href={`/speakers/${speaker.affiliation.id}`}>{speaker.affiliation.name}</Link>
          </p>
        ) : null}
        {speaker.affiliates.length > 0 ? (
          <p>
            Affiliated speakers:{" "}
            {speaker.affiliates.map((a, i) => (
              <span key={a.id}>
                {i > 0 ? ", " : ""}
                <Link href={`/speakers/${a.id}`}>{a.name}</Link>
              </span>
            ))}
          </p>
        ) : null}
        {speaker.aliases.length > 0 ? <p className="text-sm text-muted">Also known as {speaker.aliases.join(", ")}</p> : null}
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
          <span>
            {plural(speaker.claimCount, "claim")} · {speaker.contestedCount} contested
          </span>
          <Link href={`/speakers/${id}/timeline`}>Timeline</Link>
          <a href={`/speakers/${id}/feed.xml`} type="application/atom+xml">
            Feed
          </a>
        </p>
        {viewer.kind === "user" && !survivor ? (
          <p className="flex gap-4 text-sm">
            <Link href={`/speakers/${id}/edit`}>Edit speaker</Link>
            <Link href={`/speakers/${id}/history`}>History</Link>
          </p>
        ) : null}
      </header>
      <section aria-labelledby="scorecard-heading" className="space-y-3">
        <h2 id="scorecard-heading" className="font-serif text-2xl font-bold">
          Scorecard
        </h2>
        <p className="text-sm text-muted">
          {plural(scorecard.claims, "published claim")} · {scorecard.contested} contested · {scorecard.unrated} without a verdict yet
          {scorecard.unpublished ? ` · ${plural(scorecard.unpublished, "claim")} not published (not counted)` : ""}
        </p>
        {scorecard.claims > 0 ? <ScorecardChart scorecard={scorecard} speakerName={speaker.name} /> : <p className="text-muted">No published claims yet, so no verdicts to chart.</p>}
      </section>
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading" className="mb-4 font-serif text-2xl font-bold">
          Claims by {speaker.name}
        </h2>
        {claims.items.length === 0 ? (
          <p className="text-muted">No claims yet.</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {claims.items.map((claim) => (
              <li key={claim.id}>
                <ClaimCard claim={claim} />
              </li>
            ))}
          </ul>
        )}
        <Pager nextCursor={claims.nextCursor} basePath={`/speakers/${id}`} />
      </section>
    </div>
  );
}
