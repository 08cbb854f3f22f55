import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stories } from "@/db/schema";
import type { StoryDTO } from "@/lib/dto";
import type { CreateStoryInput } from "@/lib/schemas";
import type { UserViewer } from "./authz";
import { recordEvent, type Tx } from "./events";
import { getStory } from "./stories";
import { changedFields, checkVersion, IMMEDIATE, nowIso } from "./write-support";

export function insertStory(tx: Tx, viewer: UserViewer, input: CreateStoryInput) {
  const row = tx.insert(stories).values({ title: input.title, description: input.description ?? null, createdBy: viewer.id }).returning().get();
  recordEvent(tx, { actor: viewer.id, entityType: "story", entityId: row.id, action: "create", after: row });
  return row;
}

export function createStory(db: Db, viewer: UserViewer, input: CreateStoryInput): StoryDTO {
  const row = db.transaction((tx) => insertStory(tx, viewer, input), IMMEDIATE);
  return getStory(db, viewer, row.id);
}

export function updateStory(db: Db, viewer: UserViewer, id: number, input: { title?: string; description?: string | null; version: number }): StoryDTO {
  db.transaction((tx) => {
    const before = checkVersion(tx.select().from(stories).where(eq(stories.id, id)).get(), input.version, `story with id ${id}`, () => getStory(db, viewer, id));
    const patch = changedFields(before, { title: input.title, description: input.description });
    if (Object.keys(patch).length === 0) return;
    const after = tx.update(stories).set({ ...patch, version: before.version + 1, updatedAt: nowIso() }).where(eq(stories.id, id)).returning().get();
    recordEvent(tx, { actor: viewer.id, entityType: "story", entityId: id, action: "update", before, after });
  }, IMMEDIATE);
  return getStory(db, viewer, id);
}

/** Marks a story as active now (a claim was added to it), so story lists put it first. */
export function touchStory(tx: Tx, id: number): void {
  tx.update(stories).set({ updatedAt: nowIso() }).where(eq(stories.id, id)).run();
}
