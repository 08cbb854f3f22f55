// `npm run export -- FILE [--secrets]`: writes this installation's whole database (DATABASE_URL or
// DATABASE_PATH) to FILE as JSON Lines: a manifest (row count and checksum per table), then every
// row. Password hashes, API tokens and sessions are left out unless --secrets is given.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { closeDatabase, describeDatabase, openDatabase } from "@/db/client";
import { exportDatabase } from "@/db/backup";
import { runMigrations } from "@/db/migrations";

const { values, positionals } = parseArgs({ options: { secrets: { type: "boolean" } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error("Give the file to write: npm run export -- backup.jsonl [--secrets]");
  process.exit(2);
}
const db = openDatabase();
try {
  await runMigrations(db);
  const out = createWriteStream(positionals[0]!);
  const started = Date.now();
  let lines = 0;
  for await (const line of exportDatabase(db, { secrets: values.secrets })) {
    if (!out.write(`${line}\n`)) await once(out, "drain");
    lines++;
  }
  out.end();
  await once(out, "finish");
  console.log(`exported ${describeDatabase()} to ${positionals[0]}: ${lines - 1} rows in ${((Date.now() - started) / 1000).toFixed(1)} s${values.secrets ? " (with secrets)" : ""}`);
} catch (error) {
  console.error(`export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDatabase(db);
}
