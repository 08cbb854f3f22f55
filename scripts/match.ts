// `npm run --silent match -- --collection FILE.jsonl --queries FILE.tsv [--limit 5]`: imports the
// fact-checks (JSON lines: vclaim_id, vclaim, title, subtitle, author, date) into a fresh
// temporary database as published claims, then prints, for each query line (`id<TAB>text`), one
// JSON line `{"id": "…", "matches": ["vclaim-…", …]}`, best first — found by the same server
// function as the app's "Checked before?" page. With --postgres URL the temporary database is a
// new one on that PostgreSQL server (dropped at the end) instead of a SQLite file.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { collection: { type: "string" }, queries: { type: "string" }, limit: { type: "string" }, postgres: { type: "string" } } });
if (!values.collection || !values.queries) {
  console.error("usage: npm run --silent match -- --collection FILE.jsonl --queries FILE.tsv [--limit 5] [--postgres URL]");
  process.exit(2);
}
const limit = values.limit ? Number(values.limit) : 5;
if (!Number.isInteger(limit) || limit < 1 || limit > 20) {
  console.error("--limit must be a whole number from 1 to 20");
  process.exit(2);
}
// The engine is chosen when db/ loads, so before importing it.
const { chooseEngine, readQueries } = await import("./match-queries");
chooseEngine(values.postgres);
const { openMatcher } = await import("./match-product");

// A reader that stops early (`| head`) ends the run, and the temporary database is still removed.
let closed = false;
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  closed = true;
});

const matcher = await openMatcher(readFileSync(values.collection, "utf8"), values.postgres);
try {
  for (const q of readQueries(readFileSync(values.queries, "utf8"))) {
    if (closed) break;
    process.stdout.write(`${JSON.stringify({ id: q.id, matches: await matcher.match(q.text, limit) })}\n`);
  }
} finally {
  await matcher.close();
}
