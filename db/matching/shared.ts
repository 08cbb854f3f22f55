import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { row } from "../sql";

/** Claim count and mean word counts (spaces + 1: the same approximation on both engines). */
export async function sizes(db: Db): Promise<{ n: number; avgText: number; avgRationale: number }> {
  const r = await row<{ n: number; t: number | null; r: number | null }>(
    db,
    sql`SELECT count(*) AS n,
        avg(length(text) - length(replace(text, ' ', '')) + 1) AS t,
        avg(CASE WHEN rationale IS NULL THEN 0 ELSE length(rationale) - length(replace(rationale, ' ', '')) + 1 END) AS r
      FROM claims`,
  );
  return { n: Number(r?.n ?? 0), avgText: Math.max(1, Number(r?.t ?? 1)), avgRationale: Math.max(1, Number(r?.r ?? 1)) };
}

export const statusList = (statuses: readonly string[]) =>
  sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );
