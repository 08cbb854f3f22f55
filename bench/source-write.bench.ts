// `npm run bench -- source-write [MiB]`: storing the longest source text the API accepts (5 MiB
// by default) and a revision of it, as POST /api/sources and PATCH /api/sources/{id} do, in a
// fresh SQLite database (and, with BENCH_DATABASE_URL, in that PostgreSQL database, which must be
// migrated). For each: the time until the write has answered, and the longest time the event loop
// was held meanwhile (a timer asks every millisecond: what no other request could get in). The
// revision is a paragraph inserted near the start and one rewritten in the middle, with no claims
// to re-anchor: the cost of storing and indexing the text alone. Measures; asserts nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDatabase, type Db, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { createSourceSchema, MAX_SOURCE_TEXT_BYTES, updateSourceSchema } from "@/lib/schemas";
import { commandLineViewer } from "@/server/importers";
import { offload } from "@/server/offload";
import { createSource, updateSource } from "@/server/sources-write";

const mib = Number(process.argv[2] ?? MAX_SOURCE_TEXT_BYTES / (1024 * 1024));
const bytes = Math.min(Math.round(mib * 1024 * 1024), MAX_SOURCE_TEXT_BYTES);

const WORDS = "the council said budget minister prices workers election hospital border energy schools taxes wages of and to in harbour".split(" ");
let seed = 20261205;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
function paragraph(i: number): string {
  const words = Array.from({ length: 60 + Math.floor(rand() * 60) }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  return `${i}. ${words.join(" ")}.`;
}

/** Paragraphs up to `size` bytes of UTF-8 (all ASCII here). */
function textOf(size: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; ; i++) {
    const p = paragraph(i);
    if (n + p.length + 2 > size) return out;
    out.push(p);
    n += p.length + 2;
  }
}

/** Runs `work` and watches the event loop meanwhile: its time, and the longest the loop was held. */
async function watched<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; heldMs: number }> {
  let last = performance.now();
  let held = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  last = started;
  try {
    const result = await work();
    const now = performance.now();
    held = Math.max(held, now - last);
    return { result, ms: now - started, heldMs: held };
  } finally {
    clearInterval(timer);
  }
}

async function run(label: string, db: Db): Promise<void> {
  const viewer = commandLineViewer();
  const paragraphs = textOf(bytes);
  const text = paragraphs.join("\n\n");
  // The worker threads start before timing (a production server has them running).
  await offload("diffParagraphs", { before: "a", after: "b" }, { deadlineMs: 60_000, what: "warming up" });
  // Parsed as the route parses it (the zod checks run over the whole text too).
  const create = await watched(() => createSource(db, viewer, createSourceSchema.parse({ title: "The longest transcript", kind: "transcript", text })));
  const revised = [paragraph(900_000), ...paragraphs.map((p, i) => (i === Math.floor(paragraphs.length / 2) ? "This paragraph was rewritten." : p))].join("\n\n");
  const revise = await watched(() => updateSource(db, viewer, create.result.id, updateSourceSchema.parse({ text: revised, revisionNote: "a paragraph added, one rewritten", version: create.result.version })));
  const size = `${(new TextEncoder().encode(text).length / 1048576).toFixed(2)} MiB`;
  console.log(`${label}: create a ${size} source ${create.ms.toFixed(0)} ms (event loop held at most ${create.heldMs.toFixed(0)} ms); revise it ${revise.ms.toFixed(0)} ms (held at most ${revise.heldMs.toFixed(0)} ms)`);
}

async function main(): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "counterpoint-bench-")), "bench.db");
  const sqlite = openDatabase(file);
  await runMigrations(sqlite);
  await run("SQLite", sqlite);
  await closeDatabase(sqlite);
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const pg = openDatabase(url);
    await runMigrations(pg);
    await run("PostgreSQL", pg);
    await closeDatabase(pg);
  }
}

await main();
process.exit(0);
