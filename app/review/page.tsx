import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { QueueBoard } from "@/components/editorial/queue-board";
import { FacetPicker } from "@/components/facet-picker";
import { FilterSelect } from "@/components/filter-select";
import { Pager } from "@/components/pager";
import { queueQuerySchema } from "@/lib/schemas";
import { listAssignees } from "@/server/editorial";
import { searchOnlyFacet } from "@/server/facets";
import { or404, param, requireStaff } from "@/server/pages";
import { listQueue } from "@/server/queue";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review queue" };

const FILTERS = [
  { value: "all", label: "Everything waiting" },
  { value: "quote_changed", label: "Quote changed in source" },
  { value: "in_review", label: "In review" },
  { value: "contested", label: "Contested, no verdict" },
  { value: "returned", label: "Returned" },
];

export default async function ReviewPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireStaff("/review");
  const raw = await props.searchParams;
  const parsed = queueQuerySchema.safeParse({
    filter: param(raw.filter) || undefined,
    story: param(raw.story) || undefined,
    speaker: param(raw.speaker) || undefined,
    assignee: param(raw.assignee) || undefined,
    cursor: param(raw.cursor),
  });
  const query = parsed.success ? parsed.data : queueQuerySchema.parse({});
  const db = getDb();
  const queue = await or404(() => listQueue(db, viewer, query));
  const facets = { stories: await searchOnlyFacet(db, viewer, "story", query.story), speakers: await searchOnlyFacet(db, viewer, "speaker", query.speaker) };
  const assignees = await listAssignees(db);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-serif text-3xl font-bold">Review queue</h1>
        <p className="text-muted">Claims in review, contested claims without a verdict, and claims returned to their fact-checker — most check requests first, then oldest.</p>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-4 rounded-md border border-rule bg-white p-4" aria-label="Filter the queue">
        <FilterSelect label="Show" name="filter" defaultValue={query.filter} options={FILTERS} />
        <FacetPicker label="Story" name="story" search="stories" facet={facets.stories} anyLabel="All stories" />
        <FacetPicker label="Speaker" name="speaker" search="speakers" facet={facets.speakers} anyLabel="All speakers" />
        <FilterSelect
          label="Assignee"
          name="assignee"
          defaultValue={query.assignee ?? ""}
          anyLabel="Anyone"
          options={[{ value: "me", label: "Me" }, { value: "none", label: "Nobody" }, ...assignees.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <button type="submit" className="rounded bg-ink px-4 py-1.5 font-semibold text-white">
          Apply
        </button>
      </form>
      {queue.items.length === 0 ? <p className="text-muted">Nothing is waiting. Well done.</p> : <QueueBoard items={queue.items} canDecide={viewer.role !== "factchecker"} />}
      <Pager nextCursor={queue.nextCursor} basePath="/review" params={{ filter: query.filter, story: query.story?.toString(), speaker: query.speaker?.toString(), assignee: query.assignee }} />
    </div>
  );
}
