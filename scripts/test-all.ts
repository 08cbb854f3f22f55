// `npm test`: everything, in order — typecheck, lint, the unit and integration suite and the
// browser suite on SQLite; then, when TEST_DATABASE_URL names a PostgreSQL server (any database
// on it; test databases are created beside it), the unit and integration suite again on
// PostgreSQL, and the browser specs whose outcome can depend on the engine. Stops at the first
// failure. The production build is made once and shared by both browser runs.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const pgUrl = process.env.TEST_DATABASE_URL?.trim();
const sqliteEnv = { ...process.env, TEST_DATABASE_URL: "", DATABASE_URL: "" };

function step(title: string, command: string, env: NodeJS.ProcessEnv = process.env): void {
  const started = Date.now();
  console.log(`\n▶ ${title}: ${command}`);
  const result = spawnSync(command, { shell: true, stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`✗ ${title} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${seconds} s)`);
}

step("typecheck", "npm run typecheck");
step("lint", "npm run lint");
step("unit and integration tests on SQLite", "npx vitest run", sqliteEnv);
step("production build", "npm run build", sqliteEnv);
step("browser tests on SQLite", "npx playwright test", { ...sqliteEnv, E2E_SKIP_BUILD: "1" });
if (!pgUrl) {
  console.log("\nPostgreSQL: skipped — set TEST_DATABASE_URL=postgres://… (a server where test databases may be created) to run both suites on PostgreSQL too.");
} else {
  const e2eUrl = new URL(pgUrl);
  e2eUrl.pathname = "/counterpoint_e2e";
  step("unit and integration tests on PostgreSQL", "npx vitest run", { ...process.env, TEST_DATABASE_URL: pgUrl });
  // The specs that mostly drive the interface (keys, touch, accessibility, the 404 page, the
  // queue's keyboard, the suggestion, links, matches and staff-list panels) read the same API
  // answers on either engine, and the whole API runs on PostgreSQL in the suite above: on
  // PostgreSQL the browser runs the rest (writes and conflicts, publishing, search and the
  // boards, imports, limits, several servers), which keeps CI well within its time.
  const interfaceOnly = ["annotator-keyboard", "annotator-phone", "quality", "not-found", "suggestions", "claim-links", "verdict-record", "review-queue", "checked-before", "editorial-lists"];
  const specs = readdirSync("e2e")
    .filter((f) => f.endsWith(".spec.ts") && !interfaceOnly.includes(f.replace(".spec.ts", "")))
    .map((f) => `e2e/${f}`);
  step("browser tests on PostgreSQL", `npx playwright test ${specs.join(" ")}`, { ...process.env, E2E_SKIP_BUILD: "1", E2E_DATABASE_URL: e2eUrl.toString() });
}
