import Link from "next/link";
import { FacetPicker } from "@/components/facet-picker";
import type { TimelineViewDTO } from "@/lib/dto";

/**
 * The timeline's filters as a plain GET form: it works without JavaScript, and a filtered
 * timeline has its own URL. `speakers` is left out on a speaker's own timeline.
 */
export function TimelineFilters({
  action,
  view,
  withSpeaker,
  errors = {},
}: {
  action: string;
  view: Pick<TimelineViewDTO, "filters" | "facets">;
  withSpeaker: boolean;
  /** Field messages from a rejected query, shown beside the field. */
  errors?: Record<string, string>;
}) {
  const { filters, facets } = view;
  const field = "mt-1 rounded border border-muted bg-white px-2 py-1.5 text-[15px]";
  const error = (name: string) =>
    errors[name] ? (
      <span id={`timeline-${name}-error`} className="mt-1 text-xs font-normal text-red-800">
        {errors[name]}
      </span>
    ) : null;
  const described = (name: string) => (errors[name] ? { "aria-describedby": `timeline-${name}-error`, "aria-invalid": true } : {});
  return (
    <form method="get" action={action} aria-label="Filter the timeline" className="flex flex-wrap items-end gap-x-4 gap-y-3 rounded-md border border-rule bg-white p-4">
      <label className="flex flex-col text-sm font-medium">
        Lanes
        <select name="by" defaultValue={filters.by} className={field}>
          <option value="speaker">By speaker</option>
          <option value="side">By side of the disputes</option>
        </select>
      </label>
      {withSpeaker ? (
        <FacetPicker label="Speaker" name="speaker" search="speakers" facet={facets.speakers} anyLabel="All speakers" className={`${field} max-w-56`} />
      ) : null}
      <label className="flex flex-col text-sm font-medium">
        Verdict
        <select name="verdict" defaultValue={filters.verdict ?? ""} className={field} {...described("verdict")}>
          <option value="">Any verdict</option>
          {facets.ratings.map((r) => (
            <option key={r.key} value={r.key}>
              {r.label}
            </option>
          ))}
          <option value="none">No verdict yet</option>
        </select>
        {error("verdict")}
      </label>
      <label className="flex flex-col text-sm font-medium">
        Stated from
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} {...described("from")} />
        {error("from")}
      </label>
      <label className="flex flex-col text-sm font-medium">
        Stated until
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} {...described("to")} />
        {error("to")}
      </label>
      <div className="flex items-center gap-4">
        <button type="submit" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-accent">
          Apply
        </button>
        <Link href={action} className="text-sm">
          Clear filters
        </Link>
      </div>
      <p className="w-full text-xs text-muted">A date range leaves out the claims whose date is not known.</p>
    </form>
  );
}
