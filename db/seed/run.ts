// `npm run db:seed [-- --if-empty]`: writes the demo data into DATABASE_PATH. Idempotent; with
// --if-empty (as `npm start` runs it) only a database without sources or claims is seeded.
import { databasePath, openDatabase } from "../client";
import { seedDemo } from "./demo";

const ifEmpty = process.argv.includes("--if-empty");
const file = databasePath();
try {
  const db = openDatabase(file);
  const result = await seedDemo(db, { ifEmpty });
  db.$client.close();
  if (result.skipped) console.log(`demo data: ${file} already holds data, left as it is`);
  else console.log(`demo data written to ${file}:`, Object.entries(result.created).map(([k, n]) => `${n} ${k}`).join(", "));
} catch (error) {
  console.error(`seeding ${file} failed:`, error);
  process.exit(1);
}
