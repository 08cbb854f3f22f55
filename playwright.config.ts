import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** A second app server on the same database (the several-servers checks in e2e/servers.spec.ts). */
const SECOND_PORT = PORT + 1;
const DATABASE_PATH = ".e2e/e2e.db";
/** E2E_DATABASE_URL (a PostgreSQL database whose name says e2e) runs the suite on PostgreSQL. */
const database: Record<string, string> = process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : { DATABASE_PATH, DATABASE_URL: "" };
const build = process.env.E2E_SKIP_BUILD ? "" : "npm run build && ";
const start = (port: number) => `npx next start --port ${port} --hostname 127.0.0.1`;
const ready = (port: number) => `http://127.0.0.1:${port}/api/stories`;
// The specs (in worker processes started after this file loads) reach the second server here.
process.env.E2E_SECOND_URL = `http://127.0.0.1:${SECOND_PORT}`;

/**
 * Browser tests run in real Chromium (the system's, as browser downloads are impossible here;
 * CHROMIUM_PATH overrides) against a production build served by `next start` — two servers on
 * one fresh database that the first webServer command itself resets, migrates and seeds.
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
      env: database,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Starts once the first server has migrated and seeded the database.
      command: `npx tsx scripts/wait-for-url.ts ${ready(PORT)} && ${start(SECOND_PORT)}`,
      url: ready(SECOND_PORT),
      env: database,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
