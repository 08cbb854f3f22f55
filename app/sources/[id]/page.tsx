import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getDb } from "@/db/client";
import { HighlightedText } from "@/components/highlighted-text";
import { PublishableToggle } from "@/components/publishable-toggle";
import { VerdictBadge } from "@/components/verdict-badge";
import type { ClaimDTO } from "@/lib/dto";
import { formatDate, hostOf, plural } from "@/lib/format";
import { or404, pageId, param } from "@/server/pages";
import { contextsOf } from "@/server/claims";
import { getSource, listSourceClaims } from "@/server/sources";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Read once per render: the metadata and the page both need it. */
const sourceOf = cache(async (id: number) => or404(async () => getSource(getDb(), await getViewer(), id)));

export async function generateMetadata(props: Props): Promise<Metadata> {
  const id = pageId((await props.params).id);
  const source = await sourceOf(id);
  return { title: source.title };
}

export default async function SourcePage(props: Props) {
  const id = pageId((await props.params).id);
  const query = await props.searchParams;
  const focused = Number(param(query.claim)) || undefined;
  const showAll = param(query.claims) === "all";
  const db = getDb();
  const viewer = await getViewer();
  const source = await sourceOf(id);
  const claims = await listSourceClaims(db, viewer, id);
  const anchored = claims.filter((c) => c.anchor?.state === "anchored");
  const orphans = claims.filter((c) => c.anchor?.state === "orphan");
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <article>
        <header className="mb-6 space-y-2 border-b border-rule pb-5">
          <p className="text-xs font-bold uppercase tracking-wider text-muted">{source.kind.replace("-", " ")}</p>
          <h1 className="font-serif text-3xl font-bold leading-tight sm:text-4xl">{source.title}</h1>
          <p className="text-sm text-muted">
            {[source.publisher, source.author].filter(Boolean).join(" · ")}
            {source.publishedOn ? ` · ${formatDate(source.publishedOn)}` : ""}
            {source.revision > 1 ? ` · revision ${source.revision}` : ""}
          </p>
          {source.url ? (
            <p className="text-sm">
              <a href={source.url} rel="noopener noreferrer nofollow">
                Original at {hostOf(source.url)}
              </a>
            </p>
          ) : null}
          {viewer.kind === "user" || (source.revision > 1 && !source.textWithheld) ? (
            <nav aria-label="Source tools" className="flex flex-wrap gap-4 pt-1 text-sm">
              {viewer.kind === "user" ? <Link href={`/sources/${id}/annotate`}>Annotate</Link> : null}
              {viewer.kind === "user" ? <Link href={`/sources/${id}/edit`}>Edit</Link> : null}
              {viewer.kind === "user" ? <Link href={`/sources/${id}/history`}>History</Link> : null}
              <Link href={`/sources/${id}/revisions`}>Revisions</Link>
            </nav>
          ) : null}
          {viewer.kind === "user" ? <PublishableToggle id={id} publishable={source.publishable} version={source.version} canChange={viewer.role !== "factchecker"} /> : null}
        </header>
        {source.textWithheld ? <ClaimsInContext claims={anchored} contexts={await contextsOf(db, showAll ? anchored : anchored.slice(0, INDEX_SIZE))} /> : <HighlightedText text={source.text} claims={anchored} focusedId={focused} />}
      </article>
      <aside aria-labelledby="claims-heading" className="lg:sticky lg:top-4 lg:self-start">
        <h2 id="claims-heading" className="mb-3 font-serif text-xl font-bold">
          {plural(anchored.length, "claim")} in this source
        </h2>
        <ClaimIndex claims={anchored} focusedId={focused} showAll={showAll} />
        {orphans.length > 0 ? (
          <section aria-labelledby="orphans-heading" className="mt-6">
            <h3 id="orphans-heading" className="mb-1 font-semibold text-counter">
              {plural(orphans.length, "orphaned claim")}
            </h3>
            <p className="mb-2 text-sm text-muted">Their quotes are no longer in the latest revision of the text.</p>
            <ClaimIndex claims={orphans} showAll={showAll} />
          </section>
        ) : null}
      </aside>
    </div>
  );
}

/** How many claims the side list shows before "show all": a source with hundreds stays a light page. */
const INDEX_SIZE = 50;

function ClaimIndex({ claims, focusedId, showAll }: { claims: ClaimDTO[]; focusedId?: number; showAll: boolean }) {
  if (claims.length === 0) return <p className="text-sm text-muted">None.</p>;
  const shown = showAll || claims.length <= INDEX_SIZE ? claims : claims.filter((c, i) => i < INDEX_SIZE || c.id === focusedId);
  return (
    <ol className="space-y-2">
      {shown.map((c) => (
        <li key={c.id} className={`rounded border bg-white p-3 text-sm ${c.id === focusedId ? "border-claim" : "border-rule"}`}>
          <p className="font-semibold">{c.speaker.name}</p>
          <Link href={`/claims/${c.id}`} className="text-ink no-underline hover:text-accent hover:underline">
            {c.text}
          </Link>
          <div className="mt-1 flex items-center gap-2">
            <VerdictBadge verdict={c.verdict} />
            {c.anchor?.state === "anchored" ? (
              <a href={`?claim=${c.id}#claim-${c.id}`} className="text-xs">
                Show in text
              </a>
            ) : null}
          </div>
        </li>
      ))}
      {shown.length < claims.length ? (
        <li className="text-sm">
          <a href="?claims=all#claims-heading">Show all {claims.length} claims</a>
        </li>
      ) : null}
    </ol>
  );
}

/**
 * A reader's view of a source whose full text is not reproduced here (not marked publishable):
 * each published claim's quote with the sentences around it, as on the claim page.
 */
function ClaimsInContext({ claims, contexts }: { claims: ClaimDTO[]; contexts: Map<number, { before: string; quote: string; after: string }> }) {
  return (
    <section aria-label="The claims in context" data-testid="claims-in-context" className="space-y-5">
      <p className="rounded border border-rule bg-stone-50 px-3 py-2 text-sm text-muted">
        The full text of this source is not reproduced here. These are the passages of it that published claims quote{contexts.size < claims.length ? ` (the first ${contexts.size})` : ""}.
      </p>
      {claims.map((c) => {
        const context = contexts.get(c.id);
        if (!context) return null;
        return (
          <figure key={c.id} id={`claim-${c.id}`} className="rounded-md border border-rule bg-white p-4">
            <blockquote className="font-serif text-lg leading-relaxed text-ink/80">
              {context.before}
              <mark className="span focused" data-depth="1">
                {context.quote}
              </mark>
              {context.after}
            </blockquote>
            <figcaption className="mt-2 text-sm">
              <span className="font-semibold">{c.speaker.name}</span> ·{" "}
              <Link href={`/claims/${c.id}`}>{c.text}</Link>
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}
