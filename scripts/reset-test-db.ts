// `tsx scripts/reset-test-db.ts`: empties this process's database for a browser-test run — the
// SQLite file (and its WAL) is deleted; a PostgreSQL database is dropped and created again. Only
// for throwaway test databases: it refuses a name or path that does not say "e2e".
import { rmSync } from "node:fs";
import pg from "pg";
import { databasePath } from "@/db/client";
import { ENGINE } from "@/db/engine";

if (ENGINE === "sqlite") {
  const file = databasePath();
  if (!/e2e/.test(file)) throw new Error(`refusing to delete ${file}: not an e2e test database`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
} else {
  const url = new URL(process.env.DATABASE_URL!);
  const name = url.pathname.slice(1);
  if (!/^[a-z0-9_]*e2e[a-z0-9_]*$/.test(name)) throw new Error(`refusing to drop database ${name}: not an e2e test database`);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}
