import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { type Logger, sql } from "drizzle-orm";
import type { Db } from "./client";
import { explain } from "./sql";

/**
 * Which queries a piece of work makes: `captureQueries(fn)` runs fn and returns the SQL of every
 * query it sent through drizzle (builders and raw SQL alike). The tests use it to count a page's
 * queries (no N+1) and to check the plan of each (no scan of a large table).
 */
export interface LoggedQuery {
  sql: string;
  params: unknown[];
}

const globalForLog = globalThis as unknown as { counterpointQueryLog?: AsyncLocalStorage<LoggedQuery[]> };
const log = (globalForLog.counterpointQueryLog ??= new AsyncLocalStorage<LoggedQuery[]>());

export const queryLogger: Logger = {
  logQuery(sql, params) {
    log.getStore()?.push({ sql, params });
  },
};

export async function captureQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: LoggedQuery[] }> {
  const queries: LoggedQuery[] = [];
  const result = await log.run(queries, fn);
  return { result, queries };
}

/** The tables that grow with a newsroom's archive: reading any of them whole is a bug. */
const LARGE = ["claims", "sources", "events", "claim_links", "source_passages", "reviews", "evidence", "comments", "check_requests"];

/**
 * The steps of a query's plan that read a large table whole: SQLite's `SCAN t` without an index,
 * PostgreSQL's `Seq Scan on t` (with sequential scans priced out, so it appears only when no
 * index can serve).
 */
export async function fullScans(db: Db, query: LoggedQuery): Promise<string[]> {
  const plan = await explain(db, sql.raw(inlineParams(query.sql, query.params)));
  const table = new RegExp(`^(?:SCAN|.*Seq Scan on) (${LARGE.join("|")})\\b`);
  return plan.filter((line) => table.test(line.replace(/^->\s*/, "")) && !/USING (COVERING )?INDEX/.test(line));
}

/** The query with its parameters written in, for EXPLAIN. */
export function inlineParams(text: string, params: unknown[]): string {
  let i = 0;
  const literal = (v: unknown) => (v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  return text.replace(/\?|\$(\d+)/g, (_m, n?: string) => literal(params[n ? Number(n) - 1 : i++]));
}
