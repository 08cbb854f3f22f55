import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { cache } from "react";
import { getDb } from "@/db/client";
import { ClaimCard, ClaimProvenance, Quote, SpeakerLine, spanHref } from "@/components/claim-card";
import { ClaimStaffPanel } from "@/components/claim-staff-panel";
import { ClaimMatches } from "@/components/matches/claim-matches";
import { QuoteChangeReview } from "@/components/quote-change-review";
import { Rationale } from "@/components/rationale";
import { RequestCheck } from "@/components/request-check";
import { StatusBadge, VerdictBadge } from "@/components/verdict-badge";
import { VerdictRecord } from "@/components/verdict-record";
import { permalinks, serialiseJsonLd } from "@/lib/claimreview";
import type { ClaimDetailDTO } from "@/lib/dto";
import { relationLabel } from "@/lib/link-labels";
import { getClaimDetail } from "@/server/claims";
import { getEditorial, listAssignees } from "@/server/editorial";
import { claimReviewFor } from "@/server/feeds";
import { scaleRatings } from "@/server/ratings";
import { or404, pageId } from "@/server/pages";
import { getSite } from "@/server/site";
import { getVerdictRecord } from "@/server/verdict-record";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** The claim, read once per render (the metadata and the page both need it). */
const claimOf = cache(async (rawId: string): Promise<ClaimDetailDTO> => {
  const id = pageId(rawId);
  const viewer = await getViewer();
  return await or404(() => getClaimDetail(getDb(), viewer, id));
});

const load = async (props: Props) => claimOf((await props.params).id);

export async function generateMetadata(props: Props): Promise<Metadata> {
  const claim = await load(props);
  const site = await getSite();
  const links = permalinks(site);
  const url = links.claim(claim.id);
  const published = claim.status === "published";
  const verdict = published && claim.verdict ? `Verdict: ${claim.verdict.rating.label}. ` : "";
  const description = `${verdict}${claim.speaker.name}: “${claim.quote ?? claim.text}”`;
  return {
    title: claim.text,
    description,
    alternates: {
      canonical: url,
      // oEmbed discovery and the share card, for published claims only (a draft's are 404s).
      types: {
        "application/atom+xml": [{ url: `${site.url}/feed.xml`, title: `${site.orgName}: new verdicts` }],
        ...(published ? { "application/json+oembed": [{ url: links.oembed(url), title: claim.text }] } : {}),
      },
    },
    openGraph: { type: "article", title: claim.text, description, url, siteName: site.orgName, ...(published ? { images: [{ url: `${url}/card.png`, width: 1200, height: 630, alt: description }] } : {}) },
    twitter: { card: published ? "summary_large_image" : "summary", title: claim.text, description, ...(published ? { images: [`${url}/card.png`] } : {}) },
  };
}

export default async function ClaimPage(props: Props) {
  const claim = await load(props);
  const viewer = await getViewer();
  const claimReview = await claimReviewFor(getDb(), claim, await getSite());
  const record = await getVerdictRecord(getDb(), claim.id);
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const disputes = claim.links.filter((l) => l.kind === "disputes");
  const related = claim.links.filter((l) => l.kind !== "disputes");
  return (
    <article className="space-y-10">
      {claimReview ? (
        // ClaimReview markup for search engines: published verdicts only; the JSON escapes "<".
        <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serialiseJsonLd(claimReview) }} />
      ) : null}
      <header className="space-y-4">
        <SpeakerLine speaker={claim.speaker} />
        <h1 className="max-w-4xl font-serif text-3xl font-bold leading-tight sm:text-4xl">{claim.text}</h1>
        <div className="flex flex-wrap items-center gap-3">
          <VerdictBadge verdict={claim.verdict} />
          <StatusBadge status={claim.status} />
          {claim.contested ? <span className="text-sm font-semibold uppercase tracking-wide text-counter">Contested</span> : null}
          {claim.status === "published" ? <RequestCheck claimId={claim.id} text={claim.text} /> : null}
          {claim.story ? (
            <span className="text-sm text-muted">
              Story:{" "}
              <Link href={`/stories/${claim.story.id}`} className="text-muted">
                {claim.story.title}
              </Link>
            </span>
          ) : null}
        </div>
      </header>

      <section aria-labelledby="quote-heading" className="max-w-4xl">
        <h2 id="quote-heading" className="mb-2 text-xs font-bold uppercase tracking-wider text-muted">
          {claim.context ? "The quote in its source" : "As stated"}
        </h2>
        <figure className="rounded-md border border-rule bg-white p-5">
          {claim.context ? (
            <blockquote className="font-serif text-lg leading-relaxed text-ink/80">
              {claim.context.before}
              <mark className="span focused" data-depth="1">
                {claim.context.quote}
              </mark>
              {claim.context.after}
            </blockquote>
          ) : claim.quote ? (
            <Quote text={claim.quote} large />
          ) : (
            <p className="text-muted">No verbatim quote was recorded for this claim.</p>
          )}
          <figcaption className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1">
            <ClaimProvenance claim={claim} />
            {claim.source ? (
              <Link href={spanHref(claim)} className="text-sm font-medium">
                {claim.anchor?.state === "anchored" ? "See it in the source →" : "Open the source →"}
              </Link>
            ) : null}
          </figcaption>
          {claim.anchor?.state === "orphan" ? (
            <p className="mt-2 text-sm text-counter">This quote could not be found in the source’s latest revision.</p>
          ) : null}
        </figure>
      </section>

      {viewer.kind === "user" && claim.quoteChanged !== null ? (
        <div className="max-w-4xl">
          <QuoteChangeReview claim={claim} canDecide={viewer.role !== "factchecker" || claim.status !== "published"} />
        </div>
      ) : null}

      {claim.verdict ? (
        <section aria-labelledby="verdict-heading" className="max-w-4xl">
          <h2 id="verdict-heading" className="mb-2 font-serif text-2xl font-bold">
            Verdict: {claim.verdict.rating.label}
          </h2>
          <p className="mb-2 text-sm text-muted">{claim.verdict.rating.description}</p>
          {claim.verdict.rationale ? <Rationale markdown={claim.verdict.rationale} /> : null}
          {record ? <VerdictRecord record={record} /> : null}
        </section>
      ) : null}

      <section aria-labelledby="disputes-heading">
        <h2 id="disputes-heading" className="mb-4 font-serif text-2xl font-bold">
          {claim.linkCounts.disputes === 0 ? "No counter-claims" : claim.linkCounts.disputes === 1 ? "The other side" : `The other sides (${claim.linkCounts.disputes.toLocaleString("en")})`}
        </h2>
        {disputes.length === 0 ? (
          <p className="text-muted">Nothing recorded so far disputes this claim.</p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            <div className="md:sticky md:top-4 md:self-start">
              <p className="mb-1 text-xs font-bold uppercase tracking-wider text-claim">This claim</p>
              <ClaimCard claim={claim} side="claim" />
            </div>
            <ul className="space-y-4" aria-label="Counter-claims">
              {disputes.map((link) => (
                <li key={link.id}>
                  <p className="mb-1 text-xs font-bold uppercase tracking-wider text-counter">{link.direction === "incoming" ? "Disputed by" : "This claim disputes"}</p>
                  <ClaimCard claim={link.claim} side="counter" />
                  {link.note ? <p className="mt-1 text-sm text-muted">{link.note}</p> : null}
                </li>
              ))}
              <ShowAll claimId={claim.id} group="disputes" shown={disputes.length} total={claim.linkCounts.disputes} what="counter-claims" />
            </ul>
          </div>
        )}
      </section>

      {viewer.kind === "user" ? <ClaimMatches claim={claim} /> : null}

      {viewer.kind === "user" ? (
        <ClaimStaffPanel initial={claim} role={viewer.role} editorial={await getEditorial(getDb(), claim.id)} ratings={await scaleRatings(getDb())} assignees={await listAssignees(getDb())} />
      ) : null}

      {related.length > 0 ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading" className="mb-4 font-serif text-2xl font-bold">
            Supporting and related claims{claim.linkCounts.related > related.length ? ` (${claim.linkCounts.related.toLocaleString("en")})` : ""}
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {related.map((link) => (
              <li key={link.id}>
                <p className="mb-1 text-xs font-bold uppercase tracking-wider text-muted">{relationLabel(link)}</p>
                <ClaimCard claim={link.claim} />
                {link.note ? <p className="mt-1 text-sm text-muted">{link.note}</p> : null}
              </li>
            ))}
          </ul>
          <ShowAll claimId={claim.id} group="related" shown={related.length} total={claim.linkCounts.related} what="supporting and related claims" as="p" />
        </section>
      ) : null}
    </article>
  );
}

/** When a group has more links than the page shows: how many are shown, and a link to all of them, paged. */
function ShowAll({ claimId, group, shown, total, what, as = "li" }: { claimId: number; group: "disputes" | "related"; shown: number; total: number; what: string; as?: "li" | "p" }) {
  if (total <= shown) return null;
  const Tag = as;
  return (
    <Tag className={as === "p" ? "mt-4 text-sm" : "text-sm"}>
      Showing the first {shown.toLocaleString("en")} of {total.toLocaleString("en")}.{" "}
      <Link href={`/claims/${claimId}/links?group=${group}`} className="font-medium">
        Show all {total.toLocaleString("en")} {what} →
      </Link>
    </Tag>
  );
}
