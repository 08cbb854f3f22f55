import Link from "next/link";
import { FacetPicker } from "@/components/facet-picker";
import { FilterSelect } from "@/components/filter-select";
import { CLAIM_STATUSES, STATUS_LABELS } from "@/lib/model";
import type { SearchFacets } from "@/server/search";

export interface SearchFormValues {
  q: string;
  type: string;
  speaker: string;
  story: string;
  verdict: string;
  status: string;
  from: string;
  to: string;
}

const field = "mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5";
const labelClass = "block text-sm font-medium";

/**
 * The search form: a plain GET form, so it works without JavaScript and every search is a URL.
 * Speaker, story, verdict and status narrow to claims; a date range applies to claims (stated)
 * and sources (published).
 */
export function SearchForm({ values, facets, staff }: { values: SearchFormValues; facets: SearchFacets; staff: boolean }) {
  const narrowed = Boolean(values.speaker || values.story || values.verdict || values.status || values.from || values.to);
  return (
    <form method="get" action="/search" role="search" aria-label="Search" className="space-y-4 rounded-md border border-rule bg-white p-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <label className={`${labelClass} flex-1`}>
          Words to find
          <input type="search" name="q" defaultValue={values.q} className={`${field} text-base`} placeholder={'e.g. scam centers, "deliberately ignoring", Callam*'} />
        </label>
        <label className={labelClass}>
          Show
          <select name="type" defaultValue={values.type} className={field}>
            <option value="all">Everything</option>
            <option value="claim">Claims</option>
            <option value="source">Sources</option>
            <option value="speaker">Speakers</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-ink px-5 py-2 font-semibold text-white">
          Search
        </button>
      </div>
      <details open={narrowed} className="group">
        <summary className="cursor-pointer text-sm font-medium text-accent">Filters</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <FacetPicker label="Speaker" name="speaker" search="speakers" facet={facets.speakers} anyLabel="Any speaker" className={field} />
          <FacetPicker label="Story" name="story" search="stories" facet={facets.stories} anyLabel="Any story" className={field} />
          <FilterSelect label="Verdict" name="verdict" defaultValue={values.verdict} anyLabel="Any verdict" options={facets.verdicts.map((v) => ({ value: v.key, label: v.label }))} className={field} />
          {staff ? <FilterSelect label="Status" name="status" defaultValue={values.status} anyLabel="Any status" options={CLAIM_STATUSES.map((x) => ({ value: x, label: STATUS_LABELS[x] }))} className={field} /> : null}
          <label className={labelClass}>
            From
            <input type="date" name="from" defaultValue={values.from} className={field} />
          </label>
          <label className={labelClass}>
            To
            <input type="date" name="to" defaultValue={values.to} className={field} />
          </label>
        </div>
        <p className="mt-2 text-xs text-muted">Speaker, story, verdict{staff ? " and status" : ""} show claims only; dates apply to when a claim was stated and when a source was published.</p>
        {narrowed ? (
          <p className="mt-2 text-sm">
            <Link href={`/search?${new URLSearchParams({ q: values.q, type: values.type })}`}>Clear filters</Link>
          </p>
        ) : null}
      </details>
    </form>
  );
}
