import "server-only";
import { and, count, desc, eq, inArray, max, min, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contains } from "@/db/sql";
import { claims, stories } from "@/db/schema";
import type { Page, StoryDTO } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/model";
import { visibleClaim } from "./claim-query";
import { decodeCursor, keysetAfter, toPage } from "./pagination";

type StoryRow = typeof stories.$inferSelect;

/** A story readers may see: one with a published claim (kept by the database, migration published_reach). */
export const publicStory: SQL = sql`${stories.publishedClaims} > 0`;

/**
 * The stories with counts over the claims the viewer may see: one grouped read of the claims
 * index that holds story, status and stated date (claims_story_span_idx), whatever the story's size.
 */
async function withCounts(db: Db, viewer: Viewer, rows: StoryRow[]): Promise<StoryDTO[]> {
  if (rows.length === 0) return [];
  const spans = await db
    .select({ storyId: claims.storyId, claimCount: count(), firstStatedOn: min(claims.statedOn), lastStatedOn: max(claims.statedOn) })
    .from(claims)
    .where(and(visibleClaim(viewer), inArray(claims.storyId, rows.map((r) => r.id))))
    .groupBy(claims.storyId);
  const byStory = new Map(spans.map((s) => [s.storyId, s]));
  return rows.map((story) => {
    const span = byStory.get(story.id);
    return {
      id: story.id,
      title: story.title,
      description: story.description,
      claimCount: Number(span?.claimCount ?? 0),
      firstStatedOn: span?.firstStatedOn ?? null,
      lastStatedOn: span?.lastStatedOn ?? null,
      version: story.version,
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
    };
  });
}

/** Stories, most recently updated first; `q` matches titles (the story autocomplete). */
export async function listStories(db: Db, viewer: Viewer, query: { q?: string; cursor?: string; limit: number }): Promise<Page<StoryDTO>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(stories)
    .where(
      and(
        // Readers see a story once it has a published claim (stories_public_updated_idx).
        viewer.kind === "anonymous" ? publicStory : undefined,
        query.q ? contains(stories.title, query.q) : undefined,
        cursor ? keysetAfter([stories.updatedAt, stories.id], [String(cursor[0]), cursor[1]], "desc") : undefined,
      ),
    )
    .orderBy(desc(stories.updatedAt), desc(stories.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => r, (r) => [r.updatedAt, r.id]);
  return { ...page, items: await withCounts(db, viewer, page.items) };
}

export async function getStory(db: Db, viewer: Viewer, id: number): Promise<StoryDTO> {
  const [row] = await db.select().from(stories).where(eq(stories.id, id));
  if (!row || (viewer.kind === "anonymous" && row.publishedClaims === 0)) throw new NotFoundError(`No story with id ${id}.`);
  return (await withCounts(db, viewer, [row]))[0]!;
}
