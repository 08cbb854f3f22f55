import { afterAll } from "vitest";
import { closeTestDbs } from "./db";
import { dropTestDatabases } from "./pg";

/** Runs with each test file: closes its databases afterwards (and drops them on PostgreSQL). */
afterAll(async () => {
  await closeTestDbs();
  if (process.env.TEST_DATABASE_URL) await dropTestDatabases();
});
