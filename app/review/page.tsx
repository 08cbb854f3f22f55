import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { QueueBoard } from "@/components/editorial/queue-board";
import { Pager } from "@/components/pager";
import { queueQuerySchema } from "@/lib/schemas";
import { listContestedFacets } from "@/server/contested";
import { listAssignees } from "@/server/editorial";
import { or404, param, requireStaff } from "@/server/pages";
import { listQueue } from "@/server/queue";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review queue" };

const FILTERS = [
  { value: "all", label: "Everything waiting" },
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
  const queue = or404(() => listQueue(db, viewer, query));
  const facets = listContestedFacets(db, viewer);
  const assignees = listAssignees(db);
  const select = "mt-1 block rounded border border-rule bg-white px-2 py-1.5";
  return (
    <div className="space-y-6">
      <header>
        <h1 className="font-serif text-3xl font-bold">Review queue</h1>
        <p className="text-muted">Claims in review, contested claims without a verdict, and claims returned to their fact-checker — most check requests first, then oldest.</p>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-4 rounded-md border border-rule bg-white p-4" aria-label="Filter the queue">
        <label className="text-sm font-medium">
          Show
          <select name="filter" defaultValue={query.filter} className={select}>
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Story
          <select name="story" defaultValue={query.story ?? ""} className={select}>
            <option value="">All stories</option>
            {facets.stories.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Speaker
          <select name="speaker" defaultValue={query.speaker ?? ""} className={select}>
            <option value="">All speakers</option>
            {facets.speakers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Assignee
          <select name="assignee" defaultValue={query.assignee ?? ""} className={select}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Nobody</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-ink px-4 py-1.5 font-semibold text-white">
          Apply
        </button>
      </form>
      {queue.items.length === 0 ? <p className="text-muted">Nothing is waiting. Well done.</p> : <QueueBoard items={queue.items} canDecide={viewer.role !== "factchecker"} />}
      <Pager nextCursor={queue.nextCursor} basePath="/review" params={{ filter: query.filter, story: query.story?.toString(), speaker: query.speaker?.toString(), assignee: query.assignee }} />
    </div>
  );
}
