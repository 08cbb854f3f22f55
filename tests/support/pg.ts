import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * PostgreSQL test databases. The global setup (tests/support/global-setup.ts) migrates a
 * template database once per run; each test database is a copy of it (CREATE DATABASE …
 * TEMPLATE, a file copy on the server: far faster than migrating again), dropped at the end.
 */
export const TEMPLATE_DATABASE = "counterpoint_test_template";

/** TEST_DATABASE_URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const made: string[] = [];

/** A fresh database copied from the migrated template. */
export async function newTestDatabaseUrl(): Promise<string> {
  const name = `counterpoint_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  made.push(name);
  return withDatabase(process.env.TEST_DATABASE_URL!, name);
}

/** Drops the databases this process made (called after its tests, once pools are closed). */
export async function dropTestDatabases(): Promise<void> {
  await Promise.all(made.splice(0).map((name) => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
}
