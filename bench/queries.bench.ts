// `npm run bench -- queries [--db data/bench/claims-1000000.db | --url postgres://…] [--runs 5]`
// The server functions behind every page and API call (bench/support/hot-paths.ts), in process,
// on a generated database: the median time of each, how many queries it makes, and any step of
// their plans that reads a whole large table. Measures; asserts nothing (tests/db/plans.test.ts
// asserts the plans).
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDatabase, engineOf, openDatabase } from "@/db/client";
import { captureQueries, fullScans, inlineParams } from "@/db/query-log";
import { rows } from "@/db/sql";
import type { Viewer } from "@/lib/model";
import { hotPaths } from "./support/hot-paths";
import { percentile } from "./support/server";

const { values } = parseArgs({ options: { db: { type: "string", default: "data/bench/claims-1000000.db" }, url: { type: "string" }, runs: { type: "string", default: "5" }, only: { type: "string" } }, strict: true });
const db = openDatabase(values.url ?? values.db);
const runs = Number(values.runs);
const staff: Extract<Viewer, { kind: "user" }> = { kind: "user", id: "gen-user-1", name: "Editor", role: "editor" };
const work = await hotPaths(db, staff);
console.log(`${engineOf(db)}: ${(await rows<{ n: number }>(db, sql`SELECT count(*) AS n FROM claims`))[0]!.n.toLocaleString("en")} claims\n`);

for (const [name, fn] of work) {
  if (values.only && !name.includes(values.only)) continue;
  const times: number[] = [];
  let queries: { sql: string; params: unknown[] }[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    queries = (await captureQueries(fn)).queries;
    times.push(performance.now() - started);
  }
  console.log(`${name.padEnd(42)} ${percentile(times, 0.5).toFixed(1).padStart(8)} ms  ${String(queries.length).padStart(3)} queries`);
  const total = percentile(times, 0.5);
  for (const query of queries) {
    if (total > 50) {
      const started = performance.now();
      await rows(db, sql.raw(inlineParams(query.sql, query.params)));
      const ms = performance.now() - started;
      if (ms > 10) console.log(`    ${ms.toFixed(0)} ms: ${query.sql.slice(0, 260)}`);
    }
    const scans = await fullScans(db, query);
    if (scans.length > 0) console.log(`    full scan: ${scans.join(" | ")}\n      in: ${query.sql.slice(0, 220)}`);
  }
}
await closeDatabase(db);

