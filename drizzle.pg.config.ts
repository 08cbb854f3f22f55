import { defineConfig } from "drizzle-kit";

// PostgreSQL migrations, generated from db/schema/pg with `npm run db:generate` and committed; never `push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/pg/index.ts",
  out: "./db/migrations/pg",
});
