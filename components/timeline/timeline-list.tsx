import Link from "next/link";
import { SpeakerLine } from "@/components/claim-card";
import { StatusBadge, VerdictBadge } from "@/components/verdict-badge";
import type { ClaimDTO, TimelineLinkDTO } from "@/lib/dto";
import { formatDate } from "@/lib/format";
import { LINK_LABELS, type LinkKind } from "@/lib/model";
import { compareTimeline, numberClaims } from "@/lib/timeline-layout";

/**
 * The timeline as an ordered list: the view for screen readers and the keyboard, and the one
 * that holds every detail. Date groups (undated last, "Date not known"), then each claim with
 * its number on the chart, speaker, text, quote, verdict, and what it disputes, answers or
 * supports — linking within the page, or to the claim's page for a claim shown only as context.
 */

/** Claims grouped under their stated date, in timeline order (undated last). */
export function groupByDate(claims: ClaimDTO[]): { date: string | null; claims: ClaimDTO[] }[] {
  const groups: { date: string | null; claims: ClaimDTO[] }[] = [];
  for (const claim of [...claims].sort(compareTimeline)) {
    const last = groups[groups.length - 1];
    if (last && last.date === claim.statedOn) last.claims.push(claim);
    else groups.push({ date: claim.statedOn, claims: [claim] });
  }
  return groups;
}

interface Relation {
  id: number;
  kind: LinkKind;
  label: string;
  other: ClaimDTO;
  /** The other claim is in this list (a link within the page), not only context. */
  inList: boolean;
}

function relationsOf(id: number, links: TimelineLinkDTO[], byId: Map<number, ClaimDTO>, listed: Set<number>): Relation[] {
  const relations: Relation[] = [];
  for (const l of links) {
    if (l.fromClaimId !== id && l.toClaimId !== id) continue;
    const outgoing = l.fromClaimId === id;
    const other = byId.get(outgoing ? l.toClaimId : l.fromClaimId);
    if (!other) continue;
    const label = outgoing ? LINK_LABELS[l.kind].verb : LINK_LABELS[l.kind].inverse;
    relations.push({ id: l.id, kind: l.kind, label: label[0]!.toUpperCase() + label.slice(1), other, inList: listed.has(other.id) });
  }
  return relations;
}

export function TimelineList({
  claims,
  context = [],
  links,
  label = "Claims in the order they were stated",
}: {
  claims: ClaimDTO[];
  context?: ClaimDTO[];
  links: TimelineLinkDTO[];
  label?: string;
}) {
  const byId = new Map([...claims, ...context].map((c) => [c.id, c]));
  const listed = new Set(claims.map((c) => c.id));
  const numbers = numberClaims(claims);
  return (
    <ol className="relative space-y-8 border-l-2 border-rule pl-5 sm:pl-6" aria-label={label}>
      {groupByDate(claims).map((group) => (
        <li key={group.date ?? "undated"} className="relative">
          <span aria-hidden className="absolute -left-[29px] top-1.5 h-4 w-4 rounded-full border-2 border-white bg-ink sm:-left-[33px]" />
          <h2 className="mb-3 font-serif text-xl font-bold">
            <time dateTime={group.date ?? undefined}>{group.date ? formatDate(group.date) : "Date not known"}</time>
          </h2>
          <ol className="space-y-3">
            {group.claims.map((claim) => {
              const relations = relationsOf(claim.id, links, byId, listed);
              return (
                <li
                  key={claim.id}
                  id={`timeline-${claim.id}`}
                  className={`scroll-mt-24 rounded-md border bg-white p-4 ${claim.contested ? "border-counter/60" : "border-rule"}`}
                  data-timeline-claim={claim.id}
                >
                  <div className="flex items-start gap-3">
                    <span
                      className="mt-0.5 inline-flex h-6 min-w-6 shrink-0 items-center justify-center rounded-full px-1 text-xs font-bold text-white"
                      style={{ backgroundColor: claim.verdict?.rating.colour ?? "#57606a" }}
                      title={`Number ${numbers.get(claim.id)} on the chart`}
                    >
                      {numbers.get(claim.id)}
                    </span>
                    <div className="min-w-0 flex-1">
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
                      {relations.length > 0 ? (
                        <ul className="mt-3 space-y-1 border-t border-rule pt-2 text-sm">
                          {relations.map((r) => (
                            <li key={r.id} className={r.kind === "disputes" ? "text-counter" : "text-muted"}>
                              <span className="font-semibold">{r.label}</span>{" "}
                              <a href={r.inList ? `#timeline-${r.other.id}` : `/claims/${r.other.id}`} className="text-inherit">
                                {r.inList ? `${numbers.get(r.other.id)}. ` : ""}
                                {r.other.speaker.name}: {r.other.text}
                              </a>{" "}
                              <span className="text-muted">({formatDate(r.other.statedOn)})</span>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}
