import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Pager } from "@/components/pager";
import { StoryList } from "@/components/story-list";
import { or404, param } from "@/server/pages";
import { listStories } from "@/server/stories";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const cursor = param((await props.searchParams).cursor);
  const viewer = await getViewer();
  const stories = await or404(() => listStories(getDb(), viewer, { cursor, limit: 30 }));
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 font-serif text-3xl font-bold">Stories</h1>
      <p className="mb-6 text-muted">Threads of claims, each with a timeline of what was said when and what answered it.</p>
      <StoryList stories={stories.items} />
      <Pager nextCursor={stories.nextCursor} basePath="/stories" />
    </div>
  );
}
