import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contains } from "@/db/sql";
import { stories } from "@/db/schema";
import type { Page, StoryDTO } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import { type Viewer, visibleStatuses } from "@/lib/model";
import { decodeCursor, toPage } from "./pagination";

/** A story with counts over the claims the viewer may see. */
function selectStories(db: Db, viewer: Viewer) {
  const statuses = sql.join(
    visibleStatuses(viewer).map((s) => sql`${s}`),
    sql`, `,
  );
  // Named in full: drizzle renders a column unqualified inside a selected field.
  const visible = sql`c.story_id = "stories"."id" AND c.status IN (${statuses})`;
  return db
    .select({
      story: stories,
      claimCount: sql<number>`(SELECT count(*) FROM claims c WHERE ${visible})`.mapWith(Number),
      firstStatedOn: sql<string | null>`(SELECT min(c.stated_on) FROM claims c WHERE ${visible})`,
      lastStatedOn: sql<string | null>`(SELECT max(c.stated_on) FROM claims c WHERE ${visible})`,
    })
    .from(stories)
    .$dynamic();
}

type StoryRow = Awaited<ReturnType<typeof selectStories>>[number];

function toStoryDTO(r: StoryRow): StoryDTO {
  return {
    id: r.story.id,
    title: r.story.title,
    description: r.story.description,
    claimCount: r.claimCount,
    firstStatedOn: r.firstStatedOn,
    lastStatedOn: r.lastStatedOn,
    version: r.story.version,
    createdAt: r.story.createdAt,
    updatedAt: r.story.updatedAt,
  };
}

/** Stories, most recently updated first; `q` matches titles (the story autocomplete). */
export async function listStories(db: Db, viewer: Viewer, query: { q?: string; cursor?: string; limit: number }): Promise<Page<StoryDTO>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await selectStories(db, viewer)
    .where(
      and(
        query.q ? contains(stories.title, query.q) : undefined,
        cursor ? or(lt(stories.updatedAt, String(cursor[0])), and(eq(stories.updatedAt, String(cursor[0])), lt(stories.id, cursor[1]))) : undefined,
      ),
    )
    .orderBy(desc(stories.updatedAt), desc(stories.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toStoryDTO, (r) => [r.story.updatedAt, r.story.id]);
}

export async function getStory(db: Db, viewer: Viewer, id: number): Promise<StoryDTO> {
  const [row] = await selectStories(db, viewer).where(eq(stories.id, id));
  if (!row) throw new NotFoundError(`No story with id ${id}.`);
  return toStoryDTO(row);
}
