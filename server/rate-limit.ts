import "server-only";
import { eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { withTx } from "@/db/tx";

/**
 * Fixed-window rate limits kept in the database, so every app server counts the same requests
 * and a restart forgets nothing. Each consume is one transaction (serialised on SQLite,
 * serializable on PostgreSQL): two servers cannot both take the last allowed request.
 */
export interface RateRule {
  /** Seconds. */
  window: number;
  max: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window ends, when refused. */
  retryAfter: number | null;
}

/** Windows are pruned at most this often per process. */
const PRUNE_EVERY_MS = 60_000;
/** Rows older than this are never needed again (no rule has a longer window). */
const LONGEST_WINDOW_MS = 24 * 60 * 60 * 1000;
let lastPrune = 0;

export async function consumeRateLimit(db: Db, key: string, rule: RateRule, now = Date.now()): Promise<RateDecision> {
  const windowMs = rule.window * 1000;
  const decision = await withTx(db, async (tx): Promise<RateDecision> => {
    const [row] = await tx.select().from(rateLimits).where(eq(rateLimits.key, key));
    if (!row) {
      await tx.insert(rateLimits).values({ key, count: 1, windowStart: now });
      return { allowed: true, retryAfter: null };
    }
    if (now - row.windowStart >= windowMs) {
      await tx.update(rateLimits).set({ count: 1, windowStart: now }).where(eq(rateLimits.key, key));
      return { allowed: true, retryAfter: null };
    }
    if (row.count >= rule.max) return { allowed: false, retryAfter: Math.max(1, Math.ceil((row.windowStart + windowMs - now) / 1000)) };
    await tx.update(rateLimits).set({ count: row.count + 1 }).where(eq(rateLimits.key, key));
    return { allowed: true, retryAfter: null };
  });
  if (now - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = now;
    await withTx(db, async (tx) => {
      await tx.delete(rateLimits).where(lt(rateLimits.windowStart, now - LONGEST_WINDOW_MS));
    });
  }
  return decision;
}
