import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second app server on the same database (the several-servers checks in e2e/servers.spec.ts). */
const SECOND_PORT = PORT + 1;
/** A third, trusting no proxy (the default): e2e/forwarded.spec.ts forges forwarding headers at it. */
const DIRECT_PORT = PORT + 2;
const DATABASE_PATH = ".e2e/e2e.db";
/** E2E_DATABASE_URL (a PostgreSQL database whose name says e2e) runs the suite on PostgreSQL. */
const database: Record<string, string> = process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATABASE_PATH, DATABASE_URL: "" };
const build = process.env.E2E_SKIP_BUILD ? "" : "npm run build && ";
const start = (port: number) => `node scripts/serve.mjs --port ${port} --hostname 127.0.0.1`;
/**
 * The first two servers stand for app servers behind a load balancer on this machine: they
 * believe forwarding headers from 127.0.0.1, so tests can speak for several client addresses.
 */
const behindProxy = { COUNTERPOINT_TRUSTED_PROXIES: "127.0.0.1" };
const ready = (port: number) => `http://127.0.0.1:${port}/api/stories`;
// The specs (in worker processes started after this file loads) reach the second server here.
process.env.E2E_SECOND_URL = `http://127.0.0.1:${SECOND_PORT}`;
process.env.E2E_DIRECT_URL = `http://127.0.0.1:${DIRECT_PORT}`;

/**
 * Browser tests run in real Chromium (the system's, as browser downloads are impossible here;
 * CHROMIUM_PATH overrides) against a production build served as `npm start` serves it
 * (scripts/serve.mjs) — three servers on one fresh database that the first webServer command
 * itself resets, migrates and seeds.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          // Without these, Chromium keeps calling home, which closed networks refuse.
          args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx tsx --conditions=react-server scripts/reset-test-db.ts && ${build}npm run db:migrate && npm run db:seed && ${start(PORT)}`,
      url: ready(PORT),
      env: { ...database, ...behindProxy },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Starts once the first server has migrated and seeded the database.
      command: `npx tsx scripts/wait-for-url.ts ${ready(PORT)} && ${start(SECOND_PORT)}`,
      url: ready(SECOND_PORT),
      env: { ...database, ...behindProxy },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npx tsx scripts/wait-for-url.ts ${ready(PORT)} && ${start(DIRECT_PORT)}`,
      url: ready(DIRECT_PORT),
      env: database,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
