// `npm run db:copy -- --to postgres://…`   copies this installation's SQLite file (DATABASE_PATH)
//                                          into an empty PostgreSQL database;
// `npm run db:copy -- --from postgres://…` copies a PostgreSQL database back into an empty SQLite
//                                          file (DATABASE_PATH; created when missing).
// Both sides are migrated to the latest version first. Prints progress per table, then the
// verification: rows and a checksum per table, equal on both sides. Exits non-zero on any difference.
import { parseArgs } from "node:util";
import { closeDatabase, databasePath, describeDatabase, openPostgres, openSqlite } from "@/db/client";
import { copyDatabase } from "@/db/copy";
import { engineFor } from "@/db/engine";
import { runMigrations } from "@/db/migrations";

const { values } = parseArgs({ options: { to: { type: "string" }, from: { type: "string" } }, strict: true });
const url = values.to ?? values.from;
if (!url || (values.to && values.from) || engineFor(url) !== "postgres") {
  console.error("Give one PostgreSQL URL: npm run db:copy -- --to postgres://user@host/db  (or --from postgres://…)");
  process.exit(2);
}
const file = databasePath();
const [from, to] = values.to ? [openSqlite(file), openPostgres(url)] : [openPostgres(url), openSqlite(file)];
const [fromName, toName] = values.to ? [file, describeDatabase(url)] : [describeDatabase(url), file];
try {
  await runMigrations(from);
  await runMigrations(to);
  console.log(`copying ${fromName} → ${toName}`);
  const started = Date.now();
  let shown = "";
  const report = await copyDatabase(from, to, ({ table, copied, total }) => {
    const line = `  ${table}: ${copied.toLocaleString("en")} / ${total.toLocaleString("en")}`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
    else if (copied === total && line !== shown) console.log(line);
    if (process.stdout.isTTY && copied === total) process.stdout.write("\n");
    shown = line;
  });
  console.log(`verified in ${((Date.now() - started) / 1000).toFixed(1)} s — rows and checksum per table equal on both sides:`);
  for (const t of report.tables) console.log(`  ${t.table.padEnd(24)} ${String(t.rows).padStart(9)}  ${t.checksum.slice(0, 16)}`);
} catch (error) {
  console.error(`copy failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDatabase(from);
  await closeDatabase(to);
}
