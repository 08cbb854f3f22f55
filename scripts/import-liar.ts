// `npm run import:liar -- FILE... [--dry-run]`: imports statements in the LIAR dataset's TSV form
// (14 columns; LIAR-PLUS's 16 with the justification) into the database (DATABASE_URL or
// DATABASE_PATH) as published claims with verdicts, through the import framework: each line is
// accepted or refused on its own, importing twice updates instead of duplicating, and the import
// can be undone from the import page. Prints the counts and the first refusals.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { closeDatabase, describeDatabase, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { commandLineViewer, runImport } from "@/server/importers";

const { values, positionals } = parseArgs({ options: { "dry-run": { type: "boolean" } }, allowPositionals: true });
if (positionals.length === 0) {
  console.error("Give one or more LIAR .tsv files: npm run import:liar -- train.tsv valid.tsv");
  process.exit(2);
}
const db = openDatabase();
await runMigrations(db);
try {
  for (const file of positionals) {
    const started = performance.now();
    const result = await runImport(db, commandLineViewer(), { format: "liar", content: readFileSync(file, "utf8"), filename: file, dryRun: values["dry-run"] });
    const { created, updated, unchanged, refused } = result.counts;
    console.log(`${file}: import #${result.id} ${result.state}${result.dryRun ? " (dry run)" : ""} — ${created} created, ${updated} updated, ${unchanged} unchanged, ${refused} refused in ${((performance.now() - started) / 1000).toFixed(1)} s into ${describeDatabase()}`);
    for (const item of result.report?.items.filter((i) => i.outcome === "refused").slice(0, 10) ?? []) console.log(`  ${item.ref}: ${item.reason}`);
    if (result.error) console.error(result.error);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await closeDatabase(db);
}
