import "server-only";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Applies every committed migration not yet applied, in one transaction each. */
export function runMigrations(db: Db): void {
  migrate(db, { migrationsFolder });
}
