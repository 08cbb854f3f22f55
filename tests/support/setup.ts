import { afterAll } from "vitest";
import { closeTestDbs } from "./db";
import { dropTestDatabases } from "./pg";

// Route handlers are called as if behind scripts/serve.mjs: a test says which TCP peer a request
// came from with the peer header (see server/forwarding.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for("counterpoint.peer-stamped")] = true;

/** Runs with each test file: closes its databases afterwards (and drops them on PostgreSQL). */
afterAll(async () => {
  await closeTestDbs();
  if (process.env.TEST_DATABASE_URL) await dropTestDatabases();
});
