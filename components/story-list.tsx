import Link from "next/link";
import type { StoryDTO } from "@/lib/dto";
import { dateRange, plural } from "@/lib/format";

export function StoryList({ stories }: { stories: StoryDTO[] }) {
  if (stories.length === 0) return <p className="text-muted">No stories yet.</p>;
  return (
    <ul className="divide-y divide-rule rounded-md border border-rule bg-white">
      {stories.map((story) => (
        <li key={story.id} className="p-4">
          <Link href={`/stories/${story.id}`} className="font-semibold text-ink no-underline hover:text-accent hover:underline">
            {story.title}
          </Link>
          {story.description ? <p className="mt-1 text-sm text-muted">{story.description}</p> : null}
          <p className="mt-1 text-xs text-muted">
            {plural(story.claimCount, "claim")}
            {story.firstStatedOn ? ` · ${dateRange(story.firstStatedOn, story.lastStatedOn)}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
