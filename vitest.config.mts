import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      // Outside Next's react-server build, "server-only" throws on import; tests are server code.
      { find: /^server-only$/, replacement: `${root}node_modules/server-only/empty.js` },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Two files at a time even on two cores (vitest's default is one fewer than the cores): a
    // file spends much of its time waiting on its database, and the suite takes half as long.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    setupFiles: ["tests/support/setup.ts"],
    // With TEST_DATABASE_URL the whole suite runs on PostgreSQL: DATABASE_URL is what tells db/
    // (schema, SQL dialect, connection) which engine a process uses, before any module loads.
    env: process.env.TEST_DATABASE_URL ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : {},
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 20_000,
    // Closing a file's databases (and dropping them, on PostgreSQL) can take a while.
    hookTimeout: 60_000,
  },
});
