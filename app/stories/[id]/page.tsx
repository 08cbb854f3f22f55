import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { SpeakerLine } from "@/components/claim-card";
import { StatusBadge, VerdictBadge } from "@/components/verdict-badge";
import type { ClaimDTO, TimelineDTO } from "@/lib/dto";
import { dateRange, formatDate, plural } from "@/lib/format";
import { LINK_LABELS } from "@/lib/model";
import { or404, pageId } from "@/server/pages";
import { getStoryTimeline } from "@/server/stories";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(props: Props): Promise<TimelineDTO> {
  const id = pageId((await props.params).id);
  const viewer = await getViewer();
  return or404(() => getStoryTimeline(getDb(), viewer, id));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { story } = await load(props);
  return { title: `${story.title}: timeline` };
}

/** Claims grouped under their stated date, in timeline order (undated last). */
function groupByDate(claims: ClaimDTO[]): { date: string | null; claims: ClaimDTO[] }[] {
  const groups: { date: string | null; claims: ClaimDTO[] }[] = [];
  for (const claim of claims) {
    const last = groups[groups.length - 1];
    if (last && last.date === claim.statedOn) last.claims.push(claim);
    else groups.push({ date: claim.statedOn, claims: [claim] });
  }
  return groups;
}

export default async function TimelinePage(props: Props) {
  const { story, claims, links } = await load(props);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const relations = (id: number) =>
    links
      .filter((l) => l.fromClaimId === id || l.toClaimId === id)
      .map((l) => {
        const outgoing = l.fromClaimId === id;
        const other = byId.get(outgoing ? l.toClaimId : l.fromClaimId)!;
        const label = outgoing ? LINK_LABELS[l.kind].verb : LINK_LABELS[l.kind].inverse;
        return { id: l.id, kind: l.kind, label, other };
      });
  return (
    <div className="space-y-8">
      <header className="space-y-2 border-b border-rule pb-5">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">Story timeline</p>
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{story.title}</h1>
        {story.description ? <p className="max-w-3xl text-lg">{story.description}</p> : null}
        <p className="text-sm text-muted">
          {plural(story.claimCount, "claim")}
          {story.firstStatedOn ? ` · ${dateRange(story.firstStatedOn, story.lastStatedOn)}` : ""}
        </p>
      </header>
      {claims.length === 0 ? (
        <p className="text-muted">No claims in this story yet.</p>
      ) : (
        <ol className="relative space-y-8 border-l-2 border-rule pl-6" aria-label="Claims in the order they were stated">
          {groupByDate(claims).map((group) => (
            <li key={group.date ?? "undated"} className="relative">
              <span aria-hidden className="absolute -left-[33px] top-1.5 h-4 w-4 rounded-full border-2 border-white bg-ink" />
              <h2 className="mb-3 font-serif text-xl font-bold">
                <time dateTime={group.date ?? undefined}>{group.date ? formatDate(group.date) : "Date not known"}</time>
              </h2>
              <ol className="space-y-3">
                {group.claims.map((claim) => (
                  <li key={claim.id} id={`timeline-${claim.id}`} className={`scroll-mt-24 rounded-md border bg-white p-4 ${claim.contested ? "border-counter/60" : "border-rule"}`} data-timeline-claim={claim.id}>
                    <SpeakerLine speaker={claim.speaker} />
                    <p className="mt-1 font-semibold">
                      <Link href={`/claims/${claim.id}`} className="text-ink no-underline hover:text-accent hover:underline">
                        {claim.text}
                      </Link>
                    </p>
                    {claim.quote ? <p className="mt-1 font-serif text-muted">“{claim.quote}”</p> : null}
                    <div className="mt-2 flex flex-wrap items-center gap-2">
                      <VerdictBadge verdict={claim.verdict} />
                      <StatusBadge status={claim.status} />
                    </div>
                    {relations(claim.id).length > 0 ? (
                      <ul className="mt-3 space-y-1 border-t border-rule pt-2 text-sm">
                        {relations(claim.id).map((r) => (
                          <li key={r.id} className={r.kind === "disputes" ? "text-counter" : "text-muted"}>
                            <span className="font-semibold">{r.label[0]!.toUpperCase() + r.label.slice(1)}</span>{" "}
                            <a href={`#timeline-${r.other.id}`} className="text-inherit">
                              {r.other.speaker.name}: {r.other.text}
                            </a>{" "}
                            <span className="text-muted">({formatDate(r.other.statedOn)})</span>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
