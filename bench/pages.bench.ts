// `npm run bench -- pages [--db data/bench/claims-1000000.db | --url postgres://…] [--rounds 20]`
// Every reader page and API call against `next start` on a generated database (npm run bench --
// generate), round-robin in one run so noise hits every path alike, beside the floor: a small
// static file from public/ served by the same server. Prints p50, p95, p50 as a multiple of the
// floor and the size of each answer; then the timed writes, requests per second on a claim page
// with 20 connections, and the server's memory. Measures; asserts nothing.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase } from "@/db/client";
import { row, rows } from "@/db/sql";
import { createApiToken } from "@/server/tokens";
import { createUser } from "@/server/users";
import { busiest } from "./support/hot-paths";
import { percentile, startServer, timed } from "./support/server";

const { values } = parseArgs({ options: { db: { type: "string", default: "data/bench/claims-1000000.db" }, url: { type: "string" }, rounds: { type: "string", default: "20" } }, strict: true });
const rounds = Number(values.rounds);
const target = values.url ?? values.db;
const env: Record<string, string> = values.url ? { DATABASE_URL: values.url } : { DATABASE_PATH: values.db, DATABASE_URL: "" };

// Targets, found in the database.
const db = openDatabase(target);
const count = async (query: ReturnType<typeof sql>) => Number((await row<{ n: number }>(db, query))?.n ?? 0);
const claimTotal = await count(sql`SELECT max(id) AS n FROM claims`);
const stamp = Date.now().toString(36);
const admin = await createUser(db, "system:bench", { email: `bench-${stamp}@bench.invalid`, name: "Bench Editor", role: "admin", password: `bench-${stamp}-password` });
const token = (await createApiToken(db, { kind: "user", id: admin.id, name: admin.name, role: "admin" }, { name: "pages bench" })).token;
// Spread over the whole database at a million claims; on a small one (the demo), whatever there is.
const spread = <T>(sparse: T[], all: () => Promise<T[]>) => (sparse.length >= 10 ? sparse : all());
const published = await spread(await rows<{ id: number }>(db, sql`SELECT id FROM claims WHERE status = 'published' AND id % 997 = 3 LIMIT 40`), () =>
  rows<{ id: number }>(db, sql`SELECT id FROM claims WHERE status = 'published' ORDER BY id LIMIT 40`),
);
const contested = await spread(
  await rows<{ id: number }>(db, sql`SELECT c.id FROM claim_links l JOIN claims c ON c.id = l.to_claim_id WHERE l.kind = 'disputes' AND c.status = 'published' AND l.id % 13 = 1 LIMIT 40`),
  () => rows<{ id: number }>(db, sql`SELECT DISTINCT c.id FROM claim_links l JOIN claims c ON c.id = l.to_claim_id WHERE l.kind = 'disputes' AND c.status = 'published' LIMIT 40`),
);
const { topSpeaker, longSource, bigStory } = await busiest(db);
// 500 pages of 20 deep at a million claims; half-way down a small database.
const publishedTotal = await count(sql`SELECT count(*) AS n FROM claims WHERE status = 'published'`);
const depth = Math.min(10_000, Math.floor(publishedTotal / 2));
const deep = await row<{ created_at: string; id: number }>(db, sql`SELECT created_at, id FROM claims WHERE status = 'published' ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ${depth}`);
const deepCursor = Buffer.from(JSON.stringify([deep!.created_at, deep!.id])).toString("base64url");
const similarText = (await row<{ text: string }>(db, sql`SELECT text FROM claims WHERE id = ${published[0]!.id}`))!.text;
await closeDatabase(db);

// The writes' targets, found before the server starts (a minute of GROUP BY at a million claims
// would outlast the server's keep-alive and break the first timed request).
const speakerOf5000 = await (async () => {
  const d = openDatabase(target);
  const found = await row<{ id: number; version: number; n: number }>(
    d,
    sql`SELECT s.id, s.version, count(*) AS n FROM claims c JOIN speakers s ON s.id = c.speaker_id WHERE s.merged_into_id IS NULL GROUP BY s.id, s.version ORDER BY abs(count(*) - 5000) LIMIT 1`,
  );
  const into = await row<{ id: number; version: number }>(d, sql`SELECT id, version FROM speakers WHERE merged_into_id IS NULL AND id <> ${found!.id} ORDER BY id DESC LIMIT 1`);
  const source50 = await row<{ id: number; version: number; text: string; n: number }>(
    d,
    sql`SELECT s.id, s.version, s.text, count(*) AS n FROM claims c JOIN sources s ON s.id = c.source_id GROUP BY s.id ORDER BY abs(count(*) - 50), s.id LIMIT 1`,
  );
  await closeDatabase(d);
  return { found: found!, into: into!, source50: source50! };
})();

const server = await startServer(env);
const staff = { headers: { authorization: `Bearer ${token}` } };
const pick = <T>(list: T[], i: number) => list[i % list.length]!;
const paths: [string, (i: number) => string, RequestInit?][] = [
  ["floor: /robots.txt", () => "/robots.txt"],
  ["home", () => "/"],
  ["contested board", () => "/contested"],
  ["contested: big story", () => `/contested?story=${bigStory}`],
  ["contested: a speaker", () => `/contested?speaker=${topSpeaker}`],
  ["claim page (a new one each time)", (i) => `/claims/${pick(published, i).id}`],
  ["claim page (cached)", () => `/claims/${published[0]!.id}`],
  ["claim page (contested)", (i) => `/claims/${pick(contested, i).id}`],
  ["source page (longest)", () => `/sources/${longSource}`],
  ["speaker page (most claims)", () => `/speakers/${topSpeaker}`],
  ["big story timeline", () => `/stories/${bigStory}`],
  ["search: rare word", () => "/search?q=marmalade"],
  ["search: common word", () => "/search?q=tax"],
  ["search: phrase", () => `/search?q=${encodeURIComponent('"health care"')}`],
  ["search: prefix", () => "/search?q=immigra*"],
  ["/feed.xml", () => "/feed.xml"],
  ["/api/claims first page", () => "/api/claims"],
  [`/api/claims ${depth / 20} pages deep`, () => `/api/claims?cursor=${deepCursor}`],
  ["/api/search common word", () => "/api/search?q=tax"],
  ["similar claims (staff)", () => `/api/claims/similar?text=${encodeURIComponent(similarText)}`, staff],
  ["review queue (staff)", () => "/review", staff],
  ["/api/queue contested (staff)", () => "/api/queue?filter=contested", staff],
  ["/api/queue big story (staff)", () => `/api/queue?story=${bigStory}`, staff],
  ["claim history (staff)", (i) => `/api/claims/${pick(published, i).id}/history`, staff],
];

const results = new Map<string, { ms: number[]; bytes: number; status: number }>();
for (let r = 0; r < rounds + 1; r++) {
  for (const [name, path, init] of paths) {
    const t = await timed(`${server.base}${path(r)}`, init);
    if (r === 0) continue; // the first round warms the server up
    const entry = results.get(name) ?? { ms: [], bytes: t.bytes, status: t.status };
    entry.ms.push(t.ms);
    entry.status = t.status === 200 ? entry.status : t.status;
    results.set(name, entry);
  }
}
const floor = percentile(results.get("floor: /robots.txt")!.ms, 0.5);
console.log(`\n${claimTotal.toLocaleString("en")} claims; ${rounds} rounds; floor p50 ${floor.toFixed(2)} ms\n`);
console.log(`${"path".padEnd(32)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"× floor".padStart(8)} ${"kB".padStart(7)}  status`);
for (const [name, e] of results) {
  const p50 = percentile(e.ms, 0.5);
  console.log(`${name.padEnd(32)} ${p50.toFixed(1).padStart(8)} ${percentile(e.ms, 0.95).toFixed(1).padStart(8)} ${(p50 / floor).toFixed(1).padStart(8)} ${(e.bytes / 1024).toFixed(0).padStart(7)}  ${e.status}`);
}

// Writes, timed end to end through the API.
const api = (path: string, method: string, body: unknown) =>
  timed(`${server.base}${path}`, { method, headers: { ...staff.headers, "content-type": "application/json" }, body: JSON.stringify(body) });
const created = await api("/api/claims", "POST", { text: `A claim written during the benchmark ${stamp}`, speakerId: topSpeaker });
const sourceEdit = await api(`/api/sources/${speakerOf5000.source50.id}`, "PATCH", {
  text: speakerOf5000.source50.text.replace(/\.(\s)/, ". A sentence added by the benchmark.$1"),
  version: speakerOf5000.source50.version,
});
// The merge runs in batches; another writer creating claims meanwhile shows how long the write lock is held at a time.
let merging = true;
const mergeDone = api(`/api/speakers/${speakerOf5000.found.id}/merge`, "POST", { targetId: speakerOf5000.into.id, version: speakerOf5000.found.version, targetVersion: speakerOf5000.into.version }).finally(() => {
  merging = false;
});
const meanwhile: number[] = [];
while (merging) {
  const t = await api("/api/claims", "POST", { text: `Written while a speaker is merged ${stamp} ${meanwhile.length}`, speakerId: topSpeaker });
  if (merging) meanwhile.push(t.ms);
}
const merge = await mergeDone;
console.log(`\nwrites: create a claim ${created.ms.toFixed(0)} ms (${created.status}); edit a source with ${speakerOf5000.source50.n} claims ${sourceEdit.ms.toFixed(0)} ms (${sourceEdit.status}); merge a speaker with ${speakerOf5000.found.n} claims ${merge.ms.toFixed(0)} ms (${merge.status})`);
if (meanwhile.length > 0) console.log(`  during the merge, ${meanwhile.length} other claims were created: p50 ${percentile(meanwhile, 0.5).toFixed(0)} ms, slowest ${Math.max(...meanwhile).toFixed(0)} ms`);

// Throughput: 20 connections on claim pages for 10 s.
let served = 0;
let failed = 0;
const until = Date.now() + 10_000;
await Promise.all(
  Array.from({ length: 20 }, async (_, c) => {
    for (let i = c; Date.now() < until; i += 20) {
      const t = await timed(`${server.base}/claims/${pick(published, i).id}`);
      if (t.status === 200) served++;
      else failed++;
    }
  }),
);
console.log(`claim page, 20 connections, 10 s: ${(served / 10).toFixed(0)} requests/s (${failed} failed)`);
console.log(`server memory after the run: ${server.rssMb().toFixed(0)} MB`);
await server.stop();
