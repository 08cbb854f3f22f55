import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { settings } from "@/db/schema";

/** The settings key the demo seed writes: this database holds demo data on purpose. */
export const DEMO_MODE_KEY = "demo_mode";

/**
 * Whether the demo accounts' published passwords may sign in: in development and tests, or when
 * demo data was written into this database on request (`npm run db:seed`, which `npm start`
 * runs for the quickstart). A production database set up with `npm run user:create` is not in
 * demo mode.
 */
export async function demoMode(db: Db, nodeEnv = process.env.NODE_ENV): Promise<boolean> {
  if (nodeEnv !== "production") return true;
  const [row] = await db.select({ key: settings.key }).from(settings).where(eq(settings.key, DEMO_MODE_KEY));
  return row !== undefined;
}
