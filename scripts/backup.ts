// `npm run backup -- FILE`: an online, consistent copy of the SQLite database into FILE (the
// server may keep running and writing). Restore: stop the server, move the copy to
// DATABASE_PATH (owner-only), start again. On PostgreSQL use pg_dump / pg_restore instead.
import { backupSqlite } from "@/db/sqlite-backup";
import { databasePath } from "@/db/client";
import { ENGINE } from "@/db/engine";

const destination = process.argv.slice(2).find((a) => !a.startsWith("-"));
if (!destination) {
  console.error("usage: npm run backup -- FILE");
  process.exit(2);
}
if (ENGINE === "postgres") {
  console.error("This database is PostgreSQL: back it up with `pg_dump --format=custom --file FILE \"$DATABASE_URL\"` and restore with pg_restore.");
  process.exit(2);
}
try {
  const started = Date.now();
  const { bytes } = backupSqlite(databasePath(), destination);
  console.log(`backed up ${databasePath()} to ${destination} (${(bytes / 1048576).toFixed(1)} MiB, ${Date.now() - started} ms, integrity ok)`);
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
