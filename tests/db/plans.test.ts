import { beforeAll, describe, expect, it } from "vitest";
import { hotPaths, type HotPath } from "@/bench/support/hot-paths";
import type { Db } from "@/db/client";
import { sql } from "drizzle-orm";
import { captureQueries, fullScans, inlineParams } from "@/db/query-log";
import { explain } from "@/db/sql";
import { listSources } from "@/server/sources";
import { listSpeakers } from "@/server/speakers";
import { listStories } from "@/server/stories";
import { getClaimDetail } from "@/server/claims";
import { getEditorial, listAssignees } from "@/server/editorial";
import { claimReviewFor } from "@/server/feeds";
import { scaleRatings } from "@/server/ratings";
import { ANONYMOUS, LINK_KINDS, type Viewer } from "@/lib/model";
import { all, createSeededDb, insertId, installDb, run, viewerFor } from "../support/db";

// Every hot path's queries, as the app sends them, through EXPLAIN: none may read claims,
// sources, events, links, passages or reviews whole. On PostgreSQL the plans are taken with
// sequential scans priced out, so a scan shows only where no index can serve; on SQLite the
// planner has no statistics at this size and plans as for a large table. (The timings at a
// million claims are `npm run bench -- queries`.)

let db: Db;
let paths: HotPath[];

beforeAll(async () => {
  db = installDb(await createSeededDb());
  paths = await hotPaths(db, await viewerFor(db, "editor"));
});

describe("query plans of the hot paths", () => {
  it("covers every page's data", () => {
    expect(paths.length).toBeGreaterThanOrEqual(19);
  });

  it("reads no large table whole", async () => {
    const found: string[] = [];
    for (const [name, fn] of paths) {
      const { queries } = await captureQueries(fn);
      expect(queries.length, name).toBeGreaterThan(0);
      for (const query of queries) {
        for (const scan of await fullScans(db, query)) found.push(`${name}: ${scan}\n    ${query.sql.slice(0, 200)}`);
      }
    }
    expect(found, found.join("\n")).toEqual([]);
  });

  it("notices a scan when there is one", async () => {
    expect(await fullScans(db, { sql: "SELECT count(*) FROM claims WHERE lower(text) LIKE ?", params: ["%tax%"] })).toHaveLength(1);
    expect(await fullScans(db, { sql: "SELECT text FROM claims WHERE id = ?", params: [1] })).toEqual([]);
  });
});

describe("readers' lists of speakers, stories and sources", () => {
  // Readers see only what has a published claim: each list reads its partial index in order
  // (migration published_reach), never the table, whatever the share of drafts.
  it.each([
    ["speakers", "speakers_public_name_idx", (): Promise<unknown> => listSpeakers(db, ANONYMOUS, { limit: 50 })],
    ["stories", "stories_public_updated_idx", (): Promise<unknown> => listStories(db, ANONYMOUS, { limit: 30 })],
    ["sources", "sources_public_created_idx", (): Promise<unknown> => listSources(db, ANONYMOUS, { limit: 30 })],
  ])("%s through %s", async (table, index, list) => {
    const { queries } = await captureQueries(list);
    const main = queries.find((q) => new RegExp(`from "${table}"`, "i").test(q.sql))!;
    expect(main, queries.map((q) => q.sql).join("\n")).toBeDefined();
    const plan = (await explain(db, sql.raw(inlineParams(main.sql, main.params)))).join("\n");
    expect(plan).toContain(index);
  });
});

describe("a claim page's queries", () => {
  const site = { url: "http://localhost", orgName: "Org", orgUrl: "http://localhost" };
  /** What app/claims/[id]/page.tsx loads: the claim with its links, its ClaimReview, and for staff the editorial panel. */
  const claimPage = async (id: number, viewer: Viewer) => {
    const claim = await getClaimDetail(db, viewer, id);
    await claimReviewFor(db, claim, site);
    if (viewer.kind === "user") await Promise.all([getEditorial(db, id), scaleRatings(db), listAssignees(db)]);
    return claim;
  };
  const count = async (id: number, viewer: Viewer) => (await captureQueries(() => claimPage(id, viewer))).queries.length;

  it("are as many for a claim with eight links as for one with one: no query per link", async () => {
    const editor = await viewerFor(db, "editor");
    const claim = await insertId(db, "INSERT INTO claims (text, speaker_id, status) VALUES ('A claim few have linked yet', (SELECT min(id) FROM speakers), 'published')");
    const others = await all<{ id: number }>(db, "SELECT id FROM claims WHERE status = 'published' AND id <> ? ORDER BY id LIMIT 8", claim);
    expect(others).toHaveLength(8);
    const link = (i: number) => {
      const [from, to] = i % 2 === 0 ? [claim, others[i]!.id] : [others[i]!.id, claim];
      return run(db, "INSERT INTO claim_links (from_claim_id, to_claim_id, kind) VALUES (?, ?, ?)", from, to, LINK_KINDS[i % LINK_KINDS.length]);
    };
    await link(0);
    const one = { reader: await count(claim, ANONYMOUS), staff: await count(claim, editor) };
    for (let i = 1; i < 8; i++) await link(i);
    expect((await claimPage(claim, ANONYMOUS)).links).toHaveLength(8);
    expect(await count(claim, ANONYMOUS)).toBe(one.reader);
    expect(await count(claim, editor)).toBe(one.staff);
  });
});
