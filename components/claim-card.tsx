import Link from "next/link";
import type { ClaimDTO } from "@/lib/dto";
import { formatDate } from "@/lib/format";
import { StatusBadge, VerdictBadge } from "./verdict-badge";

export type Side = "claim" | "counter" | "neutral";

const SIDE_STYLE: Record<Side, string> = {
  claim: "border-t-4 border-t-claim",
  counter: "border-t-4 border-t-counter",
  neutral: "border-t border-t-rule",
};

/** Speaker name linking to their page, with their affiliation when they have one. */
export function SpeakerLine({ speaker }: { speaker: ClaimDTO["speaker"] }) {
  return (
    <p className="text-sm">
      <Link href={`/speakers/${speaker.id}`} className="font-semibold text-ink no-underline hover:underline">
        {speaker.name}
      </Link>
      {speaker.affiliation ? (
        <span className="text-muted">
          {" · "}
          <Link href={`/speakers/${speaker.affiliation.id}`} className="text-muted no-underline hover:underline">
            {speaker.affiliation.name}
          </Link>
        </span>
      ) : null}
    </p>
  );
}

/** Where and when a claim was made: the source (linking to the span) and the stated date. */
export function ClaimProvenance({ claim }: { claim: ClaimDTO }) {
  return (
    <p className="text-sm text-muted">
      {claim.source ? (
        <>
          in{" "}
          <Link href={spanHref(claim)} className="text-muted">
            {claim.source.title}
          </Link>
          {" · "}
        </>
      ) : (
        <>no source document · </>
      )}
      <time dateTime={claim.statedOn ?? undefined}>{formatDate(claim.statedOn)}</time>
    </p>
  );
}

/** The source page scrolled to, and highlighting, this claim's span. */
export function spanHref(claim: Pick<ClaimDTO, "id" | "source" | "anchor">): string {
  if (!claim.source) return `/claims/${claim.id}`;
  return claim.anchor?.state === "anchored" ? `/sources/${claim.source.id}?claim=${claim.id}#claim-${claim.id}` : `/sources/${claim.source.id}`;
}

/** A claim as a card: speaker, verbatim quote, normalised text, provenance and verdict. */
export function ClaimCard({ claim, side = "neutral", headingLevel = 3 }: { claim: ClaimDTO; side?: Side; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`flex flex-1 flex-col gap-2 rounded-md border border-rule bg-white p-4 shadow-sm ${SIDE_STYLE[side]}`} data-claim-id={claim.id}>
      <SpeakerLine speaker={claim.speaker} />
      {claim.quote ? <Quote text={claim.quote} /> : null}
      <Heading className="text-[15px] font-semibold leading-snug">
        <Link href={`/claims/${claim.id}`} className="text-ink no-underline hover:text-accent hover:underline">
          {claim.text}
        </Link>
      </Heading>
      <div className="mt-auto flex flex-wrap items-center gap-2 pt-1">
        <VerdictBadge verdict={claim.verdict} />
        <StatusBadge status={claim.status} />
        {claim.contested ? <span className="text-xs font-semibold uppercase tracking-wide text-counter">Contested</span> : null}
      </div>
      <ClaimProvenance claim={claim} />
    </article>
  );
}

/** A verbatim quote, set off by a rule rather than added quotation marks (the quote may hold its own). */
export function Quote({ text, large = false }: { text: string; large?: boolean }) {
  return (
    <blockquote className={`border-l-2 border-rule pl-3 font-serif leading-snug text-ink ${large ? "text-xl" : "text-lg"}`}>
      {text}
    </blockquote>
  );
}
