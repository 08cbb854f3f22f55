import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { captureQueries, inlineParams } from "@/db/query-log";
import { explain } from "@/db/sql";
import { ANONYMOUS, type ClaimStatus, type Viewer } from "@/lib/model";
import type { ListContestedQuery } from "@/lib/schemas";
import { listContestedPairs } from "@/server/contested";
import { all, closeTestDbs, createSeededDb, insertId, run, viewerFor } from "../support/db";

// The contested board reads the ends' story, speaker and publication from the links (kept by
// the database). Its pages, filtered every way, must be the pairs the claims themselves say,
// newest first, before and after the claims move between stories and speakers or are published
// and withdrawn; and a story's or speaker's board must be read from its index in the page's order.

let db: Db;
let editor: Viewer;
let stories: number[];
let speakers: number[];
const STATUSES: ClaimStatus[] = ["published", "published", "draft", "in_review", "published"];

beforeAll(async () => {
  db = await createSeededDb();
  editor = await viewerFor(db, "editor");
  stories = (await all<{ id: number }>(db, "SELECT id FROM stories ORDER BY id LIMIT 3")).map((r) => Number(r.id));
  speakers = (await all<{ id: number }>(db, "SELECT id FROM speakers ORDER BY id LIMIT 4")).map((r) => Number(r.id));
  expect(stories).toHaveLength(3);
  expect(speakers).toHaveLength(4);
  // 30 claims spread over the stories (and none), speakers and statuses, then disputes among
  // them (and links of other kinds), several created at the same instant.
  const made: number[] = [];
  for (let i = 0; i < 30; i++) {
    const story = i % 4 === 3 ? null : stories[i % 3]!;
    made.push(await insertId(db, "INSERT INTO claims (text, speaker_id, story_id, status) VALUES (?, ?, ?, ?)", `Contested board claim ${i}`, speakers[i % 4]!, story, STATUSES[i % 5]!));
  }
  let n = 0;
  for (let i = 0; i < made.length; i++) {
    for (const step of [1, 7, 11]) {
      const j = (i + step) % made.length;
      const kind = (i + step) % 6 === 0 ? "supports" : "disputes";
      const at = `2030-01-${String(1 + (n % 9)).padStart(2, "0")}T00:00:00.000Z`;
      await run(db, "INSERT INTO claim_links (from_claim_id, to_claim_id, kind, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", made[i]!, made[j]!, kind, at);
      n++;
    }
  }
});

afterAll(closeTestDbs);

/** The pairs as the claims say, newest first: what every page must add up to. */
async function expected(viewer: Viewer, q: Omit<ListContestedQuery, "limit" | "cursor">): Promise<number[]> {
  const where = ["l.kind = 'disputes'"];
  const args: unknown[] = [];
  if (viewer.kind === "anonymous") where.push("d.status = 'published' AND c.status = 'published'");
  for (const [column, value] of [["story_id", q.story], ["speaker_id", q.speaker], ["status", q.status]] as const) {
    if (value === undefined) continue;
    where.push(`(d.${column} = ? OR c.${column} = ?)`);
    args.push(value, value);
  }
  const found = await all<{ id: number }>(
    db,
    `SELECT l.id FROM claim_links l JOIN claims d ON d.id = l.to_claim_id JOIN claims c ON c.id = l.from_claim_id
     WHERE ${where.join(" AND ")} ORDER BY l.created_at DESC, l.id DESC`,
    ...args,
  );
  return found.map((r) => Number(r.id));
}

/** Every page of the board, 4 at a time, as link ids. */
async function board(viewer: Viewer, q: Omit<ListContestedQuery, "limit" | "cursor">): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listContestedPairs(db, viewer, { ...q, limit: 4, cursor });
    ids.push(...page.items.map((p) => p.linkId));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("the board never ended");
}

async function everyFilter(): Promise<void> {
  const filters: Omit<ListContestedQuery, "limit" | "cursor">[] = [
    {},
    ...stories.map((story) => ({ story })),
    ...speakers.map((speaker) => ({ speaker })),
    { story: stories[0]!, speaker: speakers[1]! },
    { story: stories[1]!, speaker: speakers[2]! },
  ];
  let nonEmpty = 0;
  for (const viewer of [ANONYMOUS, editor]) {
    for (const filter of filters) {
      const want = await expected(viewer, filter);
      if (want.length > 0) nonEmpty++;
      expect(await board(viewer, filter), JSON.stringify({ viewer: viewer.kind, filter })).toEqual(want);
    }
  }
  for (const filter of [{ status: "draft" as const }, { story: stories[2]!, status: "in_review" as const }, { speaker: speakers[0]!, status: "published" as const }]) {
    expect(await board(editor, filter), JSON.stringify(filter)).toEqual(await expected(editor, filter));
  }
  // The data is rich enough for the comparison to mean something.
  expect(nonEmpty).toBeGreaterThan(15);
}

/** Every link's kept columns against its claims'. */
async function linksAgree(): Promise<void> {
  const disagree = await all(
    db,
    `SELECT l.id FROM claim_links l JOIN claims f ON f.id = l.from_claim_id JOIN claims t ON t.id = l.to_claim_id
     WHERE l.from_story_id IS DISTINCT FROM f.story_id OR l.to_story_id IS DISTINCT FROM t.story_id
        OR l.from_speaker_id <> f.speaker_id OR l.to_speaker_id <> t.speaker_id
        OR l.both_published <> (f.status = 'published' AND t.status = 'published')`,
  );
  expect(disagree).toEqual([]);
}

describe("the contested board from the links' kept ends", () => {
  it("gives, filtered every way and paged, the pairs the claims say", async () => {
    await linksAgree();
    await everyFilter();
  });

  it("follows claims that move to another story or speaker, or are published or withdrawn", async () => {
    const ours = await all<{ id: number }>(db, "SELECT id FROM claims WHERE text LIKE 'Contested board claim %' ORDER BY id");
    const id = (i: number) => Number(ours[i]!.id);
    await run(db, "UPDATE claims SET story_id = ? WHERE id = ?", stories[2]!, id(0));
    await run(db, "UPDATE claims SET story_id = NULL WHERE id = ?", id(1));
    await run(db, "UPDATE claims SET speaker_id = ? WHERE id IN (?, ?)", speakers[3]!, id(2), id(5));
    await run(db, "UPDATE claims SET status = 'published' WHERE id IN (?, ?)", id(2), id(3));
    await run(db, "UPDATE claims SET status = 'archived' WHERE id = ?", id(4));
    await run(db, "UPDATE claims SET status = 'draft' WHERE id = ?", id(0));
    await linksAgree();
    await everyFilter();
  });

  it("reads a story's or a speaker's pairs from their indexes, in the page's order", async () => {
    for (const [viewer, q, indexes] of [
      [ANONYMOUS, { story: stories[0]! }, ["claim_links_disputes_to_story_idx", "claim_links_disputes_from_story_idx"]],
      [editor, { speaker: speakers[1]! }, ["claim_links_disputes_to_speaker_idx", "claim_links_disputes_from_speaker_idx"]],
    ] as const) {
      const { queries } = await captureQueries(() => listContestedPairs(db, viewer, { ...q, limit: 20 }));
      const picks = queries.filter((x) => /from "claim_links"/i.test(x.sql));
      expect(picks).toHaveLength(2);
      for (const [i, pick] of picks.entries()) {
        // (On PostgreSQL a handful of rows may be read through a bitmap and sorted: priced out, the
        // plan shows whether the index can give the order, as it must at a million links.)
        const plan = (await explain(db, sql.raw(inlineParams(pick.sql, pick.params)), ["seqscan", "bitmapscan", "sort"])).join("\n");
        expect(plan).toContain(indexes[i]!);
        // The index gives the order: nothing is sorted.
        expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
      }
    }
  });
});
