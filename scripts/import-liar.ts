// `npm run import:liar -- FILE... [--limit N]`: imports statements in the LIAR dataset's TSV form
// (id, label, statement, subjects, speaker, job, state, party, 5 counts, context) into the
// database (DATABASE_URL or DATABASE_PATH) as published claims with verdicts. Importing twice adds nothing.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { closeDatabase, describeDatabase, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { importLiar, parseLiarTsv } from "@/server/importers/liar";

const { values, positionals } = parseArgs({ options: { limit: { type: "string" } }, allowPositionals: true });
if (positionals.length === 0) {
  console.error("Give one or more LIAR .tsv files: npm run import:liar -- train.tsv valid.tsv");
  process.exit(2);
}
const limit = values.limit ? Number(values.limit) : Infinity;
const db = openDatabase();
await runMigrations(db);
let rows = positionals.flatMap((file) => parseLiarTsv(readFileSync(file, "utf8")));
if (Number.isFinite(limit)) rows = rows.slice(0, limit);
const started = performance.now();
const result = await importLiar(db, "system:import", rows);
console.log(`imported ${result.claims} claims, ${result.speakers} new speakers, ${result.stories} new stories (${result.skipped} skipped) in ${((performance.now() - started) / 1000).toFixed(1)} s into ${describeDatabase()}`);
await closeDatabase(db);
