// `npm run bench -- engines --url postgres://…/postgres [--claims 100000] [--runs 20] [--seconds 10] [--reuse]`
// The same generated database (same seed, same sizes) in both engines: a SQLite file in
// data/bench/ and a PostgreSQL database made on the server --url names. Prints, side by side:
// load time and size on disk; p50 and p95 of every hot path's server functions (the claim page's
// queries, the contested board, search, deep cursor pages…); a write transaction with its audit
// event; and throughput with 8 concurrent clients (7 reading claim pages, 1 writing claims) —
// SQLite with its one writer connection and a reader, PostgreSQL with a pool. Then the engines'
// versions and durability settings. Measures; asserts nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { closeDatabase, type Db, engineOf, openDatabase } from "@/db/client";
import { row, rows } from "@/db/sql";
import type { Viewer } from "@/lib/model";
import { getClaimDetail, listClaims } from "@/server/claims";
import { createClaim } from "@/server/claims-write";
import { defaultSizes } from "./generate";
import { hotPaths } from "./support/hot-paths";
import { type Loaded, loadGenerated, mb } from "./support/load";
import { percentile } from "./support/server";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    claims: { type: "string", default: "100000" },
    runs: { type: "string", default: "20" },
    seconds: { type: "string", default: "10" },
    reuse: { type: "boolean", default: false },
    /** Internal: measure one engine in this process (its schema is chosen per process, by DATABASE_URL). */
    measure: { type: "string" },
  },
  strict: true,
});
if (!values.url) {
  console.log("engines: skipped — give --url postgres://… (a server where a database may be created) to compare SQLite with PostgreSQL.");
  process.exit(0);
}
const claims = Number(values.claims);
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const options = { ...defaultSizes(claims), seed: 1 };
const sqlitePath = `data/bench/engines-${claims}.db`;
const pgName = `counterpoint_bench_${claims}`;
const pgUrl = (() => {
  const u = new URL(values.url);
  u.pathname = `/${pgName}`;
  return u.toString();
})();

async function pgDatabase(): Promise<"made" | "exists"> {
  const client = new pg.Client({ connectionString: values.url });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [pgName]);
    if (rowCount && values.reuse) return "exists";
    await client.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pgName}`);
    return "made";
  } finally {
    await client.end();
  }
}

interface Measured {
  engine: string;
  load: Loaded | null;
  figures: [name: string, p50: number, p95: number][];
  notes: string[];
}

if (values.measure) {
  const target = values.measure === "sqlite" ? sqlitePath : pgUrl;
  let load: Loaded | null = null;
  if (values.measure === "sqlite" ? !(values.reuse && existsSync(sqlitePath)) : (await pgDatabase()) === "made") load = await loadGenerated(target, options, () => undefined);
  const measured = await measure(target, load);
  console.log(JSON.stringify(measured));
  process.exit(0);
}

async function measure(target: string, load: Loaded | null): Promise<Measured> {
  const db = openDatabase(target);
  const figures: Measured["figures"] = [];
  const staff = { kind: "user", id: "gen-user-1", name: "Editor", role: "editor" } as const;
  const time = async (name: string, n: number, fn: (i: number) => Promise<unknown>) => {
    const times: number[] = [];
    await fn(0); // warm
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await fn(i + 1);
      times.push(performance.now() - started);
    }
    figures.push([name, percentile(times, 0.5), percentile(times, 0.95)]);
  };
  for (const [name, fn] of await hotPaths(db, staff)) await time(name, runs, fn);
  const deep = await row<{ created_at: string; id: number }>(db, sql`SELECT created_at, id FROM claims WHERE status = 'published' ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ${Math.floor(claims / 20)}`);
  const cursor = Buffer.from(JSON.stringify([deep!.created_at, deep!.id])).toString("base64url");
  await time("claims list, a deep cursor page", runs, () => listClaims(db, { kind: "anonymous" }, { limit: 20, cursor }));
  const speaker = (await row<{ id: number }>(db, sql`SELECT min(id) AS id FROM speakers`))!.id;
  await time("write: create a claim (+ audit event)", runs, (i) => createClaim(db, staff, { text: `Engines bench claim ${Date.now()} ${i}`, speakerId: speaker }));
  const published = (await rows<{ id: number }>(db, sql`SELECT id FROM claims WHERE status = 'published' ORDER BY id LIMIT 200`)).map((r) => r.id);
  const tally = await throughput(db, staff, published, speaker);
  const notes = [`${tally.reads} claim pages and ${tally.writes} writes in ${seconds} s with 8 clients: ${((tally.reads + tally.writes) / seconds).toFixed(0)} operations/s`, ...(await settings(db))];
  const engine = engineOf(db);
  await closeDatabase(db);
  return { engine, load, figures, notes };
}

async function throughput(db: Db, staff: Extract<Viewer, { kind: "user" }>, published: number[], speaker: number) {
  const until = Date.now() + seconds * 1000;
  const tally = { reads: 0, writes: 0 };
  const reader = async (k: number) => {
    for (let i = k; Date.now() < until; i += 7) {
      await getClaimDetail(db, { kind: "anonymous" }, published[i % published.length]!);
      tally.reads++;
    }
  };
  const writer = async () => {
    for (let i = 0; Date.now() < until; i++) {
      await createClaim(db, staff, { text: `Engines throughput claim ${i}`, speakerId: speaker });
      tally.writes++;
    }
  };
  await Promise.all([...Array.from({ length: 7 }, (_, k) => reader(k)), writer()]);
  return tally;
}

async function settings(db: Db): Promise<string[]> {
  if (engineOf(db) === "sqlite") {
    const v = await row<{ v: string }>(db, sql`SELECT sqlite_version() AS v`);
    const j = await row<{ journal_mode: string }>(db, sql`PRAGMA journal_mode`);
    const s = await row<{ synchronous: number }>(db, sql`PRAGMA synchronous`);
    return [`SQLite ${v!.v}, journal_mode=${j!.journal_mode}, synchronous=${["OFF", "NORMAL", "FULL", "EXTRA"][s!.synchronous] ?? s!.synchronous}`];
  }
  const show = async (name: string) => (await row<Record<string, string>>(db, sql.raw(`SHOW ${name}`)))![name];
  return [`PostgreSQL ${await show("server_version")}, shared_buffers=${await show("shared_buffers")}, synchronous_commit=${await show("synchronous_commit")}, fsync=${await show("fsync")}, pool ${Number(process.env.DATABASE_POOL_SIZE) || 10}`];
}

const measured: Measured[] = [];
for (const engine of ["sqlite", "postgres"]) {
  const env = { ...process.env, DATABASE_URL: engine === "postgres" ? pgUrl : "" };
  const args = ["--import", "tsx", "--conditions=react-server", new URL(import.meta.url).pathname, "--url", values.url, "--claims", String(claims), "--runs", String(runs), "--seconds", String(seconds), "--measure", engine, ...(values.reuse ? ["--reuse"] : [])];
  const child = spawnSync(process.execPath, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
  const last = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !last.startsWith("{")) throw new Error(`measuring ${engine} failed (exit ${child.status}):\n${child.stdout}`);
  measured.push(JSON.parse(last) as Measured);
}

const ms = (n: number | undefined) => (n === undefined ? "—" : n < 10 ? n.toFixed(1) : n.toFixed(0));
console.log(`\n${claims.toLocaleString("en")} claims, generated identically (seed 1) into both engines; median and p95 of ${runs} runs, in ms\n`);
for (const { engine, load } of measured) {
  if (load) console.log(`${engine}: loaded in ${load.written.toFixed(0)} s (${load.total.toFixed(0)} s with statistics), ${mb(load.size.total)} on disk`);
  else console.log(`${engine}: reused the database of an earlier run`);
}
const [lite, post] = measured as [Measured, Measured];
console.log(`\n| path | SQLite p50 | p95 | PostgreSQL p50 | p95 |\n|---|---|---|---|---|`);
for (const [name, p50, p95] of lite.figures) {
  const other = post.figures.find((f) => f[0] === name);
  console.log(`| ${name} | ${ms(p50)} | ${ms(p95)} | ${ms(other?.[1])} | ${ms(other?.[2])} |`);
}
for (const { engine, notes } of measured) console.log(`\n${engine}: ${notes.join("\n  ")}`);
