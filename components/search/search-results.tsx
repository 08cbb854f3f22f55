import Link from "next/link";
import { StatusBadge, VerdictBadge } from "@/components/verdict-badge";
import { formatDate } from "@/lib/format";
import { RESULT_TYPE_LABELS, resultHref, type SearchResultDTO } from "@/lib/search-query";
import { Highlighted, TypeBadge } from "./highlighted";

const SOURCE_KIND_LABELS: Record<string, string> = { article: "Article", report: "Report", statement: "Statement", transcript: "Transcript", "social-post": "Social post" };

function Result({ result }: { result: SearchResultDTO }) {
  const href = resultHref(result);
  if (result.type === "claim") {
    const { claim } = result;
    return (
      <>
        <h2 className="font-serif text-lg leading-snug">
          <Link href={href} className="text-ink">
            {result.matchedIn === "text" ? <Highlighted segments={result.snippet} /> : claim.text}
          </Link>
        </h2>
        {result.matchedIn === "quote" ? (
          <blockquote className="mt-1 border-l-2 border-rule pl-3 font-serif text-sm">
            <Highlighted segments={result.snippet} />
          </blockquote>
        ) : null}
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
          <span className="font-semibold text-ink">{claim.speaker.name}</span>
          <span aria-hidden="true">·</span>
          <time dateTime={claim.statedOn ?? undefined}>{formatDate(claim.statedOn)}</time>
          {claim.story ? (
            <>
              <span aria-hidden="true">·</span>
              <span>{claim.story.title}</span>
            </>
          ) : null}
          <VerdictBadge verdict={claim.verdict} />
          <StatusBadge status={claim.status} />
          {claim.contested ? <span className="text-xs font-semibold uppercase tracking-wide text-counter">Contested</span> : null}
        </p>
      </>
    );
  }
  if (result.type === "source") {
    const { source } = result;
    return (
      <>
        <h2 className="font-serif text-lg leading-snug">
          <Link href={href} className="text-ink">
            <Highlighted segments={result.title} />
          </Link>
        </h2>
        {result.snippet.length > 0 ? (
          <p className="mt-1 text-sm">
            <Highlighted segments={result.snippet} />
          </p>
        ) : null}
        <p className="mt-1 text-sm text-muted">
          {[SOURCE_KIND_LABELS[source.kind] ?? source.kind, source.publisher, source.publishedOn ? formatDate(source.publishedOn) : null].filter(Boolean).join(" · ")}
        </p>
      </>
    );
  }
  const { speaker } = result;
  return (
    <>
      <h2 className="font-serif text-lg leading-snug">
        <Link href={href} className="text-ink">
          <Highlighted segments={result.name} />
        </Link>
      </h2>
      {result.snippet.length > 0 ? (
        <p className="mt-1 text-sm">
          Also known as <Highlighted segments={result.snippet} />
        </p>
      ) : null}
      <p className="mt-1 text-sm text-muted">{[speaker.description, speaker.affiliation ? `affiliated to ${speaker.affiliation.name}` : null].filter(Boolean).join(" · ") || "Speaker"}</p>
    </>
  );
}

/** The results, best first, each with its type. Snippets are text with the matches in <mark>. */
export function SearchResults({ items, start }: { items: SearchResultDTO[]; start: number }) {
  return (
    <ol className="space-y-3" start={start}>
      {items.map((result) => (
        <li key={`${result.type}:${result.id}`} className="rounded-md border border-rule bg-white p-4">
          <div className="mb-1">
            <TypeBadge type={result.type} label={RESULT_TYPE_LABELS[result.type]} />
          </div>
          <Result result={result} />
        </li>
      ))}
    </ol>
  );
}
