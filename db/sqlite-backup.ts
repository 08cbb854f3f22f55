import "server-only";
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * An online backup of a SQLite database file into `destination`, consistent under write load:
 * `VACUUM INTO` reads the whole database inside one read transaction on its own connection, so
 * the copy is the database as of one commit, whatever the app servers write meanwhile (WAL mode
 * lets them go on writing). The copy is compacted, owner-only, and a plain database file: restore
 * by stopping the server and putting it at DATABASE_PATH.
 *
 * PostgreSQL has its own tool for this (`pg_dump`, restored with `pg_restore`).
 */
export function backupSqlite(source: string, destination: string): { bytes: number } {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(destination)) throw new Error(`${destination} exists already; a backup never overwrites a file`);
  mkdirSync(path.dirname(path.resolve(destination)), { recursive: true, mode: 0o700 });
  const connection = new Database(source, { fileMustExist: true });
  try {
    connection.pragma("busy_timeout = 5000");
    connection.prepare("VACUUM INTO ?").run(path.resolve(destination));
  } finally {
    connection.close();
  }
  chmodSync(destination, 0o600);
  const check = new Database(destination, { readonly: true });
  try {
    const result = check.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`the backup failed its integrity check: ${String(result)}`);
  } finally {
    check.close();
  }
  return { bytes: statSync(destination).size };
}
