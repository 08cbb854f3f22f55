// `npm run db:migrate`: brings this process's database (DATABASE_URL, else the SQLite file at
// DATABASE_PATH) up to date. Exits non-zero on failure, so `npm start` stops before serving a
// database in an unknown state. With several app servers, run it once, before they start.
import { count } from "drizzle-orm";
import { closeDatabase, describeDatabase, openDatabase } from "./client";
import { refreshPlannerStatistics, runMigrations } from "./migrations";
import { users } from "./schema";

const where = describeDatabase();
try {
  const db = openDatabase();
  await runMigrations(db);
  await refreshPlannerStatistics(db);
  const [accounts] = await db.select({ n: count() }).from(users);
  await closeDatabase(db);
  console.log(`migrated ${where}`);
  if ((accounts?.n ?? 0) === 0) {
    // A production start has no demo accounts: say how to make the first one.
    console.log(
      [
        "",
        "  This database has no accounts yet. Create the first admin with",
        "    npm run user:create -- --email you@example.org --name \"Your Name\" --role admin",
        "  (it asks for the password), or write the demo data with `npm run db:seed` to try Counterpoint out.",
        "",
      ].join("\n"),
    );
  }
} catch (error) {
  console.error(`migration of ${where} failed:`, error);
  process.exit(1);
}
