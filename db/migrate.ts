// `npm run db:migrate`: brings the database at DATABASE_PATH up to date. Exits non-zero on
// failure, so `npm start` stops before serving a database in an unknown state.
import { databasePath, openDatabase } from "./client";
import { runMigrations } from "./migrations";

const file = databasePath();
try {
  const db = openDatabase(file);
  runMigrations(db);
  db.$client.close();
  console.log(`migrated ${file}`);
} catch (error) {
  console.error(`migration of ${file} failed:`, error);
  process.exit(1);
}
