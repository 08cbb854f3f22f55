// Reader-side speed at scale: the demo data plus the LIAR statements (imported from the shared
// folder for the measurement; skipped with a message when it is absent). Prints the median and
// 95th-percentile latency of search (the server function, in process) and the server time of
// the claim and timeline pages (HTTP against `next start` on the bench database). Measures;
// asserts nothing.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase } from "@/db/client";
import { row, rows } from "@/db/sql";
import { runMigrations } from "@/db/migrations";
import { seedDemo } from "@/db/seed/demo";
import { ANONYMOUS } from "@/lib/model";
import { commandLineViewer, runImport } from "@/server/importers";
import { search } from "@/server/search";
import { missingShared, sharedPath } from "../scripts/shared-dir";

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${s[s.length - 1]!.toFixed(2)} ms (${s.length} runs)`;
};

const dir = mkdtempSync(path.join(tmpdir(), "counterpoint-bench-"));
const file = path.join(dir, "bench.db");
const db = openDatabase(file);
await runMigrations(db);
await seedDemo(db);
const liarFiles = ["data/liar/train.tsv", "data/liar/valid.tsv"].map((f) => sharedPath(f));
if (liarFiles.every(Boolean)) {
  const t = performance.now();
  let claims = 0;
  for (const f of liarFiles) claims += (await runImport(db, commandLineViewer("system:bench"), { format: "liar", content: readFileSync(f!, "utf8"), batchSize: 2000 })).counts.created;
  console.log(`LIAR: imported ${claims} claims in ${((performance.now() - t) / 1000).toFixed(1)} s`);
} else {
  console.log(`LIAR: ${missingShared("data/liar")}; measuring on the demo data alone`);
}
const counts = await row<{ claims: number; speakers: number; sources: number }>(
  db,
  sql`SELECT (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM speakers) AS speakers, (SELECT count(*) FROM sources) AS sources`,
);
console.log(`database: ${counts?.claims} claims, ${counts?.speakers} speakers, ${counts?.sources} sources`);

// Search, in process: queries a reader might type (ours), each run several times.
const QUERIES = ["tax", "health care", "jobs created", "unemployment rate", "obama", "scam centers", "climate change", "minimum wage", "\"more than two-thirds\"", "immigra*", "education budget", "crime", "Medicare", "deficit", "gun", "exaggerated", "100,000", "Social Security", "border wall", "vote"];
const searchTimes: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of QUERIES) {
    const t = performance.now();
    await search(db, ANONYMOUS, { q, type: "all", limit: 20 });
    searchTimes.push(performance.now() - t);
  }
}
console.log(`search: ${stats(searchTimes)}`);

// Pages, over HTTP against a production server on this database.
const claimIds = await rows<{ id: number }>(db, sql`SELECT id FROM claims WHERE status = 'published' ORDER BY random() LIMIT 40`);
const stories = await rows<{ id: number; n: number }>(db, sql`SELECT story_id AS id, count(*) AS n FROM claims WHERE status = 'published' AND story_id IS NOT NULL GROUP BY story_id ORDER BY n DESC LIMIT 3`);
await closeDatabase(db);
if (!existsSync(".next/BUILD_ID")) {
  console.log("pages: no production build (.next) — run `npm run build` first; skipped");
  process.exit(0);
}
const port = 3900 + Math.floor(Math.random() * 90);
const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "--port", String(port)], { env: { ...process.env, DATABASE_PATH: file }, stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${base}/api/stories?limit=1`)).ok) break;
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 200));
}
async function time(paths: string[], rounds: number): Promise<number[]> {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const p of paths) {
      const t = performance.now();
      const res = await fetch(base + p);
      await res.text();
      if (!res.ok) throw new Error(`${p}: ${res.status}`);
      out.push(performance.now() - t);
    }
  }
  return out;
}
try {
  await time(["/", ...claimIds.slice(0, 3).map((c) => `/claims/${c.id}`)], 1); // warm up
  console.log(`claim page: ${stats(await time(claimIds.map((c) => `/claims/${c.id}`), 2))}`);
  for (const s of stories) console.log(`timeline page (${s.n} claims): ${stats(await time([`/stories/${s.id}`], 10))}`);
  console.log(`home page: ${stats(await time(["/"], 10))}`);
} finally {
  server.kill();
}
