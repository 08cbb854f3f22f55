import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stories } from "@/db/schema";
import { withTx } from "@/db/tx";
import type { StoryDTO } from "@/lib/dto";
import type { CreateStoryInput } from "@/lib/schemas";
import type { UserViewer } from "./authz";
import { recordEvent, type Tx } from "./events";
import { getStory } from "./stories";
import { changedFields, checkVersion, nowIso } from "./write-support";

export async function insertStory(tx: Tx, viewer: UserViewer, input: CreateStoryInput) {
  const [row] = await tx.insert(stories).values({ title: input.title, description: input.description ?? null, createdBy: viewer.id }).returning();
  await recordEvent(tx, { actor: viewer.id, entityType: "story", entityId: row!.id, action: "create", after: row });
  return row!;
}

export async function createStory(db: Db, viewer: UserViewer, input: CreateStoryInput): Promise<StoryDTO> {
  const row = await withTx(db, (tx) => insertStory(tx, viewer, input));
  return getStory(db, viewer, row.id);
}

export async function updateStory(db: Db, viewer: UserViewer, id: number, input: { title?: string; description?: string | null; version: number }): Promise<StoryDTO> {
  await withTx(db, async (tx) => {
    const [row] = await tx.select().from(stories).where(eq(stories.id, id));
    const before = checkVersion(row, input.version, `story with id ${id}`, () => getStory(db, viewer, id));
    const patch = changedFields(before, { title: input.title, description: input.description });
    if (Object.keys(patch).length === 0) return;
    const [after] = await tx.update(stories).set({ ...patch, version: before.version + 1, updatedAt: nowIso() }).where(eq(stories.id, id)).returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "story", entityId: id, action: "update", before, after });
  });
  return getStory(db, viewer, id);
}

/** Marks a story as active now (a claim was added to it), so story lists put it first. */
export async function touchStory(tx: Tx, id: number): Promise<void> {
  await tx.update(stories).set({ updatedAt: nowIso() }).where(eq(stories.id, id));
}
