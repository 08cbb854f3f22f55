import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema with `npm run db:generate` and committed; never `push`.
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite/index.ts",
  out: "./db/migrations/sqlite",
});
