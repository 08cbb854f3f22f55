// `npm run db:seed [-- --if-empty]`: writes the demo data into this process's database. Idempotent; with
// --if-empty (as `npm start` runs it) only a database without sources or claims is seeded.
import { closeDatabase, describeDatabase, openDatabase } from "../client";
import { seedDemo } from "./demo";

const ifEmpty = process.argv.includes("--if-empty");
const where = describeDatabase();
try {
  const db = openDatabase();
  const result = await seedDemo(db, { ifEmpty });
  await closeDatabase(db);
  if (result.skipped) console.log(`demo data: ${where} already holds data, left as it is`);
  else console.log(`demo data written to ${where}:`, Object.entries(result.created).map(([k, n]) => `${n} ${k}`).join(", "));
} catch (error) {
  console.error(`seeding ${where} failed:`, error);
  process.exit(1);
}
