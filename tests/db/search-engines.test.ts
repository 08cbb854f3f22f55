import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, type Db, openSqlite } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import * as pgSearch from "@/db/search/pg";
import * as sqliteSearch from "@/db/search/sqlite";
import { execute } from "@/db/sql";
import { withTx } from "@/db/tx";
import { demoContent } from "@/db/seed/content";
import { sentenceSpans } from "@/lib/sentences";
import { parseSearchQuery } from "@/lib/search-query";
import { createTestDb } from "../support/db";

/**
 * The two engines' full-text search find the same claims: the same corpus (every sentence of the
 * demo sources, and the demo claims) in a SQLite and a PostgreSQL database, the same queries,
 * compared by the set of claims each finds and by the overlap of their ten best. Scores differ by
 * design (bm25 and ts_rank_cd), so no score is compared. Needs both engines: PostgreSQL leg only.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const folder = mkdtempSync(path.join(tmpdir(), "counterpoint-engines-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Sentences written for the tokenisers' edge cases: accents, hyphens, apostrophes, figures, stems. */
const EDGE_CASES = [
  "The café in Sihanoukville reopened after the raids, its owner said publicly.",
  "A well-known trafficking network forced victims to work in the compounds.",
  "Officials said the trade pact between Canada and the European Union would cut tariffs.",
  "The government's figures showed 12,500 workers registered in the zones.",
  "Rescued workers described being forced to defraud strangers online for 16 hours a day.",
  "Naïve investors lost US$12.5 billion to the scams, the report estimated.",
  "Running the centres required protection from police, according to survivors.",
  "The telescope's first images showed galaxies never seen before.",
  "Critics called the pension reform in Cuba a cut in disguise.",
  "The embassy in London was approved despite objections from residents.",
  "Publicly, the ministry denied that any compound had been protected.",
  "Scam centres moved across the border when police raided them.",
];

const corpus = [
  ...demoContent.sources.flatMap((s) => sentenceSpans(s.text).map((r) => s.text.slice(r.start, r.end))),
  ...demoContent.claims.map((c) => c.text),
  ...EDGE_CASES,
].filter((t) => t.trim().length > 0);

const QUERIES = [
  "amnesty",
  "scam centers",
  "scam centres",
  "identifying",
  "government spokesman",
  "police rescues",
  '"scam compounds"',
  '"human rights"',
  "camb*",
  "exaggerated report",
  "telescope",
  "pensions cuba",
  "children interviewed",
  "53",
  "publicly",
  "running centres",
  "12,500 workers",
  "naive investors",
  "government's figures",
  "trafficking victims forced",
  "embassy london",
  "trade pact canada",
  "café",
  "well-known",
  "Sihanoukville",
];

async function load(db: Db): Promise<void> {
  await withTx(db, async (tx) => {
    await execute(tx, sql`INSERT INTO speakers (name, kind) VALUES ('Corpus', 'person')`);
    for (const text of corpus) await execute(tx, sql`INSERT INTO claims (text, speaker_id, status) VALUES (${text}, 1, 'published')`);
  });
}

describe.runIf(onPostgres)("full-text search on both engines (in the PostgreSQL leg: needs TEST_DATABASE_URL)", () => {
  it("finds the same claims for the same queries, with mostly the same ten best", async () => {
    const lite = openSqlite(path.join(folder, "corpus.db"));
    await runMigrations(lite);
    const pg = await createTestDb();
    await load(lite);
    await load(pg);
    expect(corpus.length).toBeGreaterThan(60);

    const overlaps: number[] = [];
    for (const q of QUERIES) {
      const plan = { terms: parseSearchQuery(q), mode: "all" as const, after: null, limit: 1000 };
      const filter = { statuses: ["published"] };
      const a = (await sqliteSearch.claimHits(lite, plan, filter)).flatMap((h) => (h.id === null ? [] : [h.id]));
      const b = (await pgSearch.claimHits(pg, plan, filter)).flatMap((h) => (h.id === null ? [] : [h.id]));
      expect(a.length, `hits for ${q}`).toBeGreaterThan(0);
      expect([...b].sort((x, y) => x - y), `same claims for ${q}`).toEqual([...a].sort((x, y) => x - y));
      const top = Math.min(10, a.length);
      const topA = new Set(a.slice(0, top));
      overlaps.push(b.slice(0, top).filter((id) => topA.has(id)).length / top);
    }
    const mean = overlaps.reduce((x, y) => x + y, 0) / overlaps.length;
    console.log(`top-10 overlap, mean over ${QUERIES.length} queries: ${(mean * 100).toFixed(0)}% (min ${(Math.min(...overlaps) * 100).toFixed(0)}%)`);
    expect(mean).toBeGreaterThanOrEqual(0.8);
    await closeDatabase(lite);
  });
});
