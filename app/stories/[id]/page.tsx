import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { TimelineView } from "@/components/timeline/timeline-view";
import { readFiltered } from "@/components/timeline/search-params";
import { dateRange, plural } from "@/lib/format";
import { timelineQuerySchema } from "@/lib/schemas";
import { or404, pageId } from "@/server/pages";
import { getStory } from "@/server/stories";
import { getStoryTimeline } from "@/server/timelines";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const id = pageId((await props.params).id);
  const viewer = await getViewer();
  const story = await or404(() => getStory(getDb(), viewer, id));
  return {
    title: `${story.title}: timeline`,
    alternates: { types: { "application/atom+xml": [{ url: `/stories/${id}/feed.xml`, title: `${story.title} — new claims` }] } },
  };
}

export default async function StoryTimelinePage(props: Props) {
  const id = pageId((await props.params).id);
  const viewer = await getViewer();
  const db = getDb();
  const search = await props.searchParams;
  const { view, errors } = await or404(() => readFiltered(timelineQuerySchema, search, (filters) => getStoryTimeline(db, viewer, id, filters)));
  const { story } = view;
  return (
    <div className="space-y-6">
      <header className="space-y-2 border-b border-rule pb-5">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">Story timeline</p>
        <h1 className="font-serif text-3xl font-bold sm:text-4xl">{story.title}</h1>
        {story.description ? <p className="max-w-3xl text-lg">{story.description}</p> : null}
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
          <span>
            {plural(story.claimCount, "claim")}
            {story.firstStatedOn ? ` · ${dateRange(story.firstStatedOn, story.lastStatedOn)}` : ""}
          </span>
          <a href={`/stories/${id}/feed.xml`} type="application/atom+xml">
            Feed
          </a>
        </p>
      </header>
      <TimelineView view={view} errors={errors} action={`/stories/${id}`} title={`Timeline of ${story.title}`} withSpeaker empty="No claims in this story yet." />
    </div>
  );
}
