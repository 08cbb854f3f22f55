"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ContestedPairDTO, FacetDTO, Page } from "@/lib/dto";
import { plural } from "@/lib/format";
import { type ContestedFilters, contestedQuery } from "@/lib/queries";
import { ContestedPair } from "./contested-pair";
import { FacetPicker } from "./facet-picker";

interface Facets {
  stories: FacetDTO;
  speakers: FacetDTO;
}

function filtersFrom(search: string): ContestedFilters {
  const params = new URLSearchParams(search);
  const id = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
  return { story: id(params.get("story")), speaker: id(params.get("speaker")) };
}

const sameFilters = (a: ContestedFilters, b: ContestedFilters) => a.story === b.story && a.speaker === b.speaker;

/**
 * The contested board. Without JavaScript the filters are a GET form and the server renders the
 * result; with it, a change updates the URL in place (so it can be shared, and Back undoes it)
 * and TanStack Query fetches the pairs. The filters are state seeded from the server's reading
 * of the URL rather than useSearchParams, which would make the board stream behind a Suspense
 * boundary that only JavaScript can reveal.
 */
export function ContestedBoard({ initial, initialFilters, facets }: { initial: Page<ContestedPairDTO>; initialFilters: ContestedFilters; facets: Facets }) {
  const [filters, setFilters] = useState(initialFilters);
  useEffect(() => {
    const onPop = () => setFilters(filtersFrom(window.location.search));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const query = useInfiniteQuery({
    ...contestedQuery(filters),
    initialData: sameFilters(filters, initialFilters) ? { pages: [initial], pageParams: [undefined] } : undefined,
  });

  function update(name: keyof ContestedFilters, value: string) {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete("cursor");
    const qs = next.toString();
    window.history.pushState(null, "", qs ? `?${qs}` : window.location.pathname);
    setFilters(filtersFrom(qs));
  }

  const pairs = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-6">
      <form method="get" action="/contested" className="flex flex-wrap items-end gap-4 rounded-md border border-rule bg-white p-4" aria-label="Filter contested claims">
        <FacetPicker
          label="Story"
          name="story"
          search="stories"
          facet={facets.stories}
          onValueChange={(value) => update("story", value)}
          anyLabel="All stories"
          className="mt-1 min-w-56 max-w-72 rounded border border-rule bg-white px-2 py-1.5"
        />
        <FacetPicker
          label="Speaker"
          name="speaker"
          search="speakers"
          facet={facets.speakers}
          onValueChange={(value) => update("speaker", value)}
          anyLabel="All speakers"
          className="mt-1 min-w-56 max-w-72 rounded border border-rule bg-white px-2 py-1.5"
        />
        <noscript>
          <button type="submit" className="rounded bg-ink px-4 py-1.5 text-sm font-semibold text-white">
            Apply filters
          </button>
        </noscript>
      </form>
      <p className="text-sm text-muted" aria-live="polite" data-testid="board-status">
        {query.isFetching && !query.isFetchingNextPage ? "Loading…" : query.isError ? `Could not load: ${query.error.message}` : `${plural(pairs.length, "pair")}${query.hasNextPage ? " so far" : ""}`}
      </p>
      {pairs.length === 0 && !query.isFetching ? <p className="text-muted">No contested claims match these filters.</p> : null}
      <div className="space-y-5">
        {pairs.map((pair) => (
          <ContestedPair key={pair.linkId} pair={pair} />
        ))}
      </div>
      {query.hasNextPage ? (
        <button type="button" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage} className="rounded border border-ink px-4 py-2 font-medium">
          {query.isFetchingNextPage ? "Loading…" : "Show more"}
        </button>
      ) : null}
    </div>
  );
}
