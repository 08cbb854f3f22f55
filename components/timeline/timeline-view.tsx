import Link from "next/link";
import type { TimelineViewDTO } from "@/lib/dto";
import { plural } from "@/lib/format";
import { TimelineChart } from "./timeline-chart";
import { TimelineFilters } from "./timeline-filters";
import { TimelineList } from "./timeline-list";

/** A timeline page's body: the filters, the chart, then the same claims as a list. */
export function TimelineView({
  view,
  errors,
  action,
  title,
  withSpeaker,
  leadSpeakerId,
  empty,
}: {
  view: TimelineViewDTO;
  errors: Record<string, string>;
  /** The page's own path: the form's action and the "clear" link. */
  action: string;
  title: string;
  withSpeaker: boolean;
  leadSpeakerId?: number;
  /** What to say when the timeline has no claims at all. */
  empty: string;
}) {
  const { filters } = view;
  const filtered = filters.speaker !== null || filters.verdict !== null || filters.from !== null || filters.to !== null;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <TimelineFilters action={action} view={view} withSpeaker={withSpeaker} errors={errors} />
      {hasErrors ? (
        <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900">
          Some filters could not be used (see the marked fields): showing the whole timeline.
        </p>
      ) : null}
      {view.total === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : view.claims.length === 0 ? (
        <p className="text-muted">
          No claims match these filters. <Link href={action}>Show the whole timeline</Link>.
        </p>
      ) : (
        <>
          <p className="text-sm text-muted">
            {view.page.matched > view.claims.length
              ? `Showing claims ${view.page.first.toLocaleString("en-GB")}–${(view.page.first + view.claims.length - 1).toLocaleString("en-GB")} of ${plural(view.page.matched, filtered ? "matching claim" : "claim")}`
              : filtered
                ? `Showing ${view.claims.length} of ${plural(view.total, "claim")}`
                : `Showing ${plural(view.claims.length, "claim")}`}
            {view.context.length > 0 ? `, with ${view.context.length} more for context` : ""}.
          </p>
          <TimelinePager view={view} action={action} />
          <section aria-labelledby="chart-heading" className="space-y-2">
            <h2 id="chart-heading" className="sr-only">
              Chart
            </h2>
            <TimelineChart view={view} title={title} leadSpeakerId={leadSpeakerId} />
          </section>
          <section aria-labelledby="list-heading" className="space-y-4">
            <h2 id="list-heading" className="font-serif text-2xl font-bold">
              Claims in order
            </h2>
            <TimelineList claims={view.claims} context={view.context} links={view.links} />
          </section>
          <TimelinePager view={view} action={action} />
        </>
      )}
    </>
  );
}

/** Earlier and later pages of a long timeline, keeping the filters (plain links: no JavaScript needed). */
function TimelinePager({ view, action }: { view: TimelineViewDTO; action: string }) {
  const { next, previous } = view.page;
  if (!next && !previous) return null;
  const href = (place: { after?: string; before?: string }) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(view.filters)) if (value !== null && !(key === "by" && value === "speaker")) query.set(key, String(value));
    for (const [key, value] of Object.entries(place)) query.set(key, value);
    const qs = query.toString();
    return qs ? `${action}?${qs}` : action;
  };
  return (
    <nav aria-label="Timeline pages" className="flex flex-wrap items-center gap-4 text-sm">
      {previous ? (
        <>
          <Link href={href({})}>⇤ First</Link>
          <Link href={href({ before: previous })} rel="prev">
            ← Earlier claims
          </Link>
        </>
      ) : null}
      {next ? (
        <Link href={href({ after: next })} rel="next">
          Later claims →
        </Link>
      ) : null}
    </nav>
  );
}
