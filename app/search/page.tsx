import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Pager } from "@/components/pager";
import { SearchForm, type SearchFormValues } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { searchQuerySchema } from "@/lib/schemas";
import { zodFieldErrors } from "@/lib/errors";
import { or404, param } from "@/server/pages";
import { CANDIDATES, search, searchFacets } from "@/server/search";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

const FIELDS = ["q", "type", "speaker", "story", "verdict", "status", "from", "to"] as const;
const LABELS: Record<string, string> = { spell: "Spelling", q: "Words", type: "Show", speaker: "Speaker", story: "Story", verdict: "Verdict", status: "Status", from: "From", to: "To", cursor: "Page", limit: "Results per page" };

export default async function SearchPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await props.searchParams;
  const values = Object.fromEntries(FIELDS.map((f) => [f, param(raw[f]) ?? ""])) as unknown as SearchFormValues;
  if (!values.type) values.type = "all";
  const viewer = await getViewer();
  const staff = viewer.kind === "user";
  const db = getDb();
  const parsed = searchQuerySchema.safeParse({ ...values, cursor: param(raw.cursor) ?? "", limit: param(raw.limit) ?? "", spell: param(raw.spell) ?? "" });
  const errors = parsed.success ? null : zodFieldErrors(parsed.error);
  const page = parsed.success && parsed.data.q.trim() ? await or404(() => search(db, viewer, parsed.data)) : null;
  const facets = await searchFacets(db, viewer, parsed.success ? parsed.data : {});
  const shown = Number(param(raw.shown) ?? 0) || 0;
  const spell = param(raw.spell) === "off" ? "off" : undefined;
  const pagerParams: Record<string, string | undefined> = { ...Object.fromEntries(FIELDS.map((f) => [f, values[f] || undefined])), shown: String(shown + (page?.items.length ?? 0)), limit: param(raw.limit), spell };
  // The same search with other words: the filters kept, from the first page.
  const searchFor = (q: string, extra: Record<string, string> = {}) => {
    const params = new URLSearchParams();
    for (const f of FIELDS) if (values[f]) params.set(f, f === "q" ? q : values[f]);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    return `/search?${params.toString()}`;
  };

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Search</h1>
      <SearchForm values={values} facets={facets} staff={staff} />
      {errors ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">Some filters could not be read:</p>
          <ul className="ml-5 list-disc">
            {Object.entries(errors).map(([f, m]) => (
              <li key={f}>
                {LABELS[f] ?? f}: {m}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {page ? (
        <section aria-labelledby="results-heading" className="space-y-3">
          <h2 id="results-heading" className="text-sm text-muted" aria-live="polite">
            {page.items.length === 0
              ? page.understood
                ? `Nothing found for “${page.understood}”.`
                : "Type a word to search for: punctuation and symbols alone find nothing."
              : `${shown > 0 ? `Results ${shown + 1}–${shown + page.items.length}` : `${page.items.length}${page.hasMore ? "+" : ""} results`} for “${page.understood}”`}
          </h2>
          {page.correction ? (
            <p className="text-sm" data-testid="search-correction">
              Showing results for{" "}
              <a href={searchFor(page.correction.query)} className="font-semibold italic underline">
                {page.correction.query}
              </a>{" "}
              — search instead for{" "}
              <a href={searchFor(page.correction.typed, { spell: "off" })} className="underline">
                {page.correction.typed}
              </a>
            </p>
          ) : null}
          {page.mode === "any" && page.items.length > 0 ? <p className="text-sm">Nothing holds every word, so these hold some of them.</p> : null}
          {page.capped ? <p className="text-sm text-muted">So many match that these are the best of the most recent {CANDIDATES.toLocaleString("en")}: add a word or a filter to reach older ones.</p> : null}
          <SearchResults items={page.items} start={shown + 1} />
          <Pager nextCursor={page.nextCursor} basePath="/search" params={pagerParams} />
        </section>
      ) : !errors ? (
        <p className="text-muted">Search claims, the sources they were made in and the people and organisations who made them. Put a phrase in quotes; end a word with * to find words that start with it.</p>
      ) : null}
    </div>
  );
}
