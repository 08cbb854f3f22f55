import { adminQuery, TEMPLATE_DATABASE, withDatabase } from "./pg";

/**
 * Once per run, on PostgreSQL: a template database with the real migrations applied (through
 * db/migrate.ts, in a child process, as a deployment would run them), which every test
 * database copies.
 */
export default async function setup(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL) return;
  await adminQuery(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const { execFileSync } = await import("node:child_process");
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "db/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: withDatabase(process.env.TEST_DATABASE_URL, TEMPLATE_DATABASE) },
    stdio: "inherit",
  });
}
