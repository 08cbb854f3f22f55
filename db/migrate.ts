// `npm run db:migrate`: brings this process's database (DATABASE_URL, else the SQLite file at
// DATABASE_PATH) up to date. Exits non-zero on failure, so `npm start` stops before serving a
// database in an unknown state. With several app servers, run it once, before they start.
import { closeDatabase, describeDatabase, openDatabase } from "./client";
import { refreshPlannerStatistics, runMigrations } from "./migrations";

const where = describeDatabase();
try {
  const db = openDatabase();
  await runMigrations(db);
  await refreshPlannerStatistics(db);
  await closeDatabase(db);
  console.log(`migrated ${where}`);
} catch (error) {
  console.error(`migration of ${where} failed:`, error);
  process.exit(1);
}
