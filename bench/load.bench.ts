/**
 * The server under load: many concurrent connections against `next start`, each sending its next
 * request as soon as the last was answered, for a while; per mix, requests per second, p50 and
 * p99 latency, errors (a refused connection or a 4xx/5xx answer) and time-outs (no answer within
 * --timeout seconds). Measures; asserts nothing.
 *
 *   npm run bench -- load [--db FILE] [--connections 200] [--duration 20] [--timeout 10] [--mix static,readers,writes] [--by-page]
 *
 * Mixes: `static` (a file from public/: the floor of what the server can do), `readers` (the
 * pages readers ask for: home, contested, claims, speakers, story timelines, search, the feed),
 * `writes` (the same with one request in ten a write as a fact-checker through the API with a
 * bearer token: a comment, a new draft claim, or evidence on a published claim; see writeRequest). Without --db, the demo data in a fresh
 * SQLite file; with --db, that file (the writes land in it: use a copy). Needs a production build
 * (`npx next build`).
 */
import { mkdtempSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { seedDemo } from "@/db/seed/demo";
import { row, rows } from "@/db/sql";
import { createApiToken } from "@/server/tokens";
import { percentile, startServer } from "./support/server";

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const connections = Number(flag("connections", "200"));
const durationS = Number(flag("duration", "20"));
const timeoutS = Number(flag("timeout", "10"));
const mixes = flag("mix", "static,readers,writes").split(",");
/** --by-page: a line per kind of page as well. */
const VERBOSE = process.argv.includes("--by-page");
let file = flag("db", "");

if (!file) {
  file = path.join(mkdtempSync(path.join(tmpdir(), "counterpoint-load-")), "demo.db");
  const db = openDatabase(file);
  await runMigrations(db);
  await seedDemo(db);
  await closeDatabase(db);
}

// What readers ask for, and who writes: read from the database before the server starts.
const db = openDatabase(file);
const pick = async (query: ReturnType<typeof sql>) => (await rows<{ id: number }>(db, query)).map((r) => r.id);
const claimIds = await pick(sql`SELECT id FROM claims WHERE status = 'published' ORDER BY id DESC LIMIT 60`);
// Readers see a speaker or story once it has a published claim (others are 404s to them).
const speakerIds = await pick(sql`SELECT id FROM speakers WHERE merged_into_id IS NULL AND published_claims > 0 ORDER BY id LIMIT 20`);
const storyIds = await pick(sql`SELECT id FROM stories WHERE published_claims > 0 ORDER BY id LIMIT 10`);
const writer = await row<{ id: string; name: string }>(db, sql`SELECT id, name FROM users WHERE role IN ('factchecker', 'editor', 'admin') ORDER BY created_at LIMIT 1`);
if (!writer || claimIds.length === 0 || speakerIds.length === 0) throw new Error("the database needs published claims, speakers and a staff user");
const token = (await createApiToken(db, { kind: "user", id: writer.id, name: writer.name, role: "factchecker" }, { name: "load bench" })).token;
const counts = await row<{ claims: number; speakers: number; sources: number }>(db, sql`SELECT (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM speakers) AS speakers, (SELECT count(*) FROM sources) AS sources`);
await closeDatabase(db);

const SEARCHES = ["tax", "schools", "climate", "jobs", "border", "health", "crime", "budget"];
const any = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

interface Req {
  method: string;
  path: string;
  body?: string;
}

function readerRequest(): Req {
  const r = Math.random();
  const path =
    r < 0.15
      ? "/"
      : r < 0.25
        ? "/contested"
        : r < 0.6
          ? `/claims/${any(claimIds)}`
          : r < 0.72
            ? `/speakers/${any(speakerIds)}`
            : r < 0.84 && storyIds.length > 0
              ? `/stories/${any(storyIds)}`
              : r < 0.95
                ? `/search?q=${any(SEARCHES)}`
                : "/feed.xml";
  return { method: "GET", path };
}

let written = 0;
/**
 * A fact-checker's writes: comments and new drafts (readers see neither, so their cached pages
 * stay), and one in ten a piece of evidence on a published claim (readers see it: every cached
 * reader page is rendered again).
 */
function writeRequest(): Req {
  written++;
  const r = Math.random();
  if (r < 0.1) return { method: "POST", path: `/api/claims/${any(claimIds)}/evidence`, body: JSON.stringify({ stance: "context", url: `https://example.org/background/${written}` }) };
  if (r < 0.55) return { method: "POST", path: `/api/claims/${any(claimIds)}/comments`, body: JSON.stringify({ body: `Load bench note ${written}.` }) };
  return { method: "POST", path: "/api/claims", body: JSON.stringify({ text: `A claim written under load, number ${written}.`, speakerId: any(speakerIds) }) };
}

const MIXES: Record<string, () => Req> = {
  static: () => ({ method: "GET", path: "/robots.txt" }),
  readers: readerRequest,
  writes: () => (Math.random() < 0.1 ? writeRequest() : readerRequest()),
};

interface Outcome {
  ms: number;
  status: number | "timeout" | "error";
  write: boolean;
  /** The page's first path segment ("claims", "search", "" for home), or the write. */
  kind: string;
  /** The page cache's verdict (hit, miss, stale), "-" when it did not answer. */
  cache: string;
}

function send(agent: http.Agent, base: URL, req: Req): Promise<Outcome> {
  const started = performance.now();
  const write = req.method !== "GET";
  const kind = write ? `${req.method} ${req.path.replace(/\d+/g, "{id}")}` : `/${req.path.split(/[/?]/)[1]}`;
  return new Promise((resolve) => {
    const headers: Record<string, string> = write ? { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(Buffer.byteLength(req.body ?? "")) } : {};
    const r = http.request({ host: base.hostname, port: base.port, method: req.method, path: req.path, agent, headers, timeout: timeoutS * 1000 }, (res) => {
      res.on("data", () => {});
      const cache = String(res.headers["x-counterpoint-cache"] ?? "-");
      res.on("end", () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, write, kind, cache }));
      res.on("error", () => resolve({ ms: performance.now() - started, status: "error", write, kind, cache }));
    });
    r.on("timeout", () => {
      r.destroy();
      resolve({ ms: performance.now() - started, status: "timeout", write, kind, cache: "-" });
    });
    r.on("error", () => resolve({ ms: performance.now() - started, status: "error", write, kind, cache: "-" }));
    r.end(req.body);
  });
}

async function run(base: URL, next: () => Req, seconds: number): Promise<Outcome[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const outcomes: Outcome[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const outcome = await send(agent, base, next());
        outcomes.push(outcome);
        // A refused connection would otherwise spin: back off a little.
        if (outcome.status === "error") await new Promise((r) => setTimeout(r, 50));
      }
    }),
  );
  agent.destroy();
  return outcomes;
}

function report(name: string, outcomes: Outcome[], seconds: number): string {
  const ok = (o: Outcome) => typeof o.status === "number" && o.status < 400;
  const line = (label: string, list: Outcome[]) => {
    const ms = list.filter((o) => o.status !== "timeout").map((o) => o.ms);
    const errors = list.filter((o) => !ok(o) && o.status !== "timeout").length;
    const timeouts = list.filter((o) => o.status === "timeout").length;
    return `${label.padEnd(18)} ${(list.length / seconds).toFixed(0).padStart(6)} req/s  p50 ${percentile(ms, 0.5).toFixed(0).padStart(5)} ms  p99 ${percentile(ms, 0.99).toFixed(0).padStart(5)} ms  errors ${errors}  time-outs ${timeouts}  (${list.length} requests)`;
  };
  const lines = [line(name, outcomes)];
  const writes = outcomes.filter((o) => o.write);
  if (writes.length > 0) lines.push(line(`  of which reads`, outcomes.filter((o) => !o.write)), line(`  of which writes`, writes));
  if (VERBOSE) {
    const kinds = [...new Set(outcomes.map((o) => o.kind))].sort();
    for (const k of kinds) lines.push(line(`  ${k}`, outcomes.filter((o) => o.kind === k)));
  }
  const caches = new Map<string, number>();
  for (const o of outcomes) if (!o.write) caches.set(o.cache, (caches.get(o.cache) ?? 0) + 1);
  lines.push(`  page cache: ${[...caches].map(([c, n]) => `${c} ${n}`).join(", ")}`);
  const statuses = new Map<string, number>();
  for (const o of outcomes) if (!ok(o)) statuses.set(String(o.status), (statuses.get(String(o.status)) ?? 0) + 1);
  if (statuses.size > 0) lines.push(`  failures by status: ${[...statuses].map(([s, n]) => `${s} × ${n}`).join(", ")}`);
  return lines.join("\n");
}

console.log(`database: ${file} (${counts?.claims} claims, ${counts?.speakers} speakers, ${counts?.sources} sources)`);
console.log(`${connections} connections, ${durationS} s per mix, time-out ${timeoutS} s`);
const server = await startServer({ DATABASE_PATH: file });
try {
  const base = new URL(server.base);
  // Warm up: every kind of page once (and the page cache), then a short burst.
  for (const p of ["/", "/contested", "/feed.xml", `/claims/${claimIds[0]}`, `/speakers/${speakerIds[0]}`, `/search?q=tax`]) await fetch(base + p.slice(1)).then((r) => r.arrayBuffer());
  await run(base, readerRequest, 3);
  for (const mix of mixes) {
    const next = MIXES[mix];
    if (!next) throw new Error(`no mix named ${mix}: there are ${Object.keys(MIXES).join(", ")}`);
    const outcomes = await run(base, next, durationS);
    console.log(report(mix, outcomes, durationS));
    console.log(`  server memory: ${server.rssMb().toFixed(0)} MB resident`);
  }
} finally {
  await server.stop();
}
