// `npm run --silent match -- --collection FILE.jsonl --queries FILE.tsv [--limit 5]`: imports the
// fact-checks (JSON lines: vclaim_id, vclaim, title, subtitle, author, date) into a fresh
// temporary database as published claims, then prints, for each query line (`id<TAB>text`), one
// JSON line `{"id": "…", "matches": ["vclaim-…", …]}`, best first — found by the same server
// function as the app's "Checked before?" page.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { collection: { type: "string" }, queries: { type: "string" }, limit: { type: "string" } } });
if (!values.collection || !values.queries) {
  console.error("usage: npm run --silent match -- --collection FILE.jsonl --queries FILE.tsv [--limit 5]");
  process.exit(2);
}
const limit = values.limit ? Number(values.limit) : 5;
if (!Number.isInteger(limit) || limit < 1 || limit > 20) {
  console.error("--limit must be a whole number from 1 to 20");
  process.exit(2);
}
// The temporary database is SQLite: the engine is chosen when db/ loads, so before importing it.
delete process.env.DATABASE_URL;
const { openMatcher } = await import("./match-product");
const { readQueries } = await import("./match-queries");

const matcher = await openMatcher(readFileSync(values.collection, "utf8"));
try {
  for (const q of readQueries(readFileSync(values.queries, "utf8"))) {
    process.stdout.write(`${JSON.stringify({ id: q.id, matches: await matcher.match(q.text, limit) })}\n`);
  }
} finally {
  await matcher.close();
}
