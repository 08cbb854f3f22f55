// `npm run restore -- FILE`: loads a backup written by `npm run export` into this installation's
// database (DATABASE_URL or DATABASE_PATH), which must be empty (freshly migrated), then checks
// every table's row count and checksum against the backup's manifest. Exits non-zero on any difference.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { restoreDatabase } from "@/db/backup";
import { closeDatabase, describeDatabase, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error("Give the backup to load: npm run restore -- backup.jsonl");
  process.exit(2);
}
const db = openDatabase();
try {
  await runMigrations(db);
  const started = Date.now();
  const lines = createInterface({ input: createReadStream(positionals[0]!, "utf8"), crlfDelay: Infinity });
  const manifest = await restoreDatabase(db, lines);
  console.log(`restored ${positionals[0]} (made ${manifest.createdAt}) into ${describeDatabase()} in ${((Date.now() - started) / 1000).toFixed(1)} s; every table's rows and checksum match the manifest:`);
  for (const t of manifest.tables) console.log(`  ${t.table.padEnd(22)} ${String(t.rows).padStart(9)}  ${t.checksum.slice(0, 16)}`);
} catch (error) {
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDatabase(db);
}
