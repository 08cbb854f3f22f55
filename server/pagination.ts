import "server-only";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { z } from "zod";
import { ValidationError } from "@/lib/errors";

/** Keyset cursors: the sort key and id of the last item, as opaque base64url JSON. */
export type CursorKey = [string | number | null, number];

const cursorKey = z.tuple([z.union([z.string(), z.number(), z.null()]), z.number().int().refine(Number.isSafeInteger)]);

export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** A cursor this API issued, checked against the shape of its key (`schema`); a 400 names `field` otherwise. */
export function decodeCursorOf<T>(cursor: string | undefined | null, schema: z.ZodType<T>, field = "cursor"): T | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError("The cursor is not one this API issued.", { [field]: "malformed cursor" });
}

export function decodeCursor(cursor: string | undefined | null): CursorKey | null {
  return decodeCursorOf(cursor, cursorKey);
}

/** Takes `limit + 1` rows and turns them into a page with its next cursor. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, key: (row: R) => readonly unknown[]) {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: hasMore && last !== undefined ? encodeCursor(key(last)) : null,
    hasMore,
  };
}

/**
 * Rows after `key` in the order of `columns` (all ascending or all descending): one row-value
 * comparison, which both engines turn into a range of the index that serves the order.
 */
export function keysetAfter(columns: SQLWrapper[], key: readonly unknown[], direction: "asc" | "desc"): SQL {
  const values = sql.join(
    key.map((v) => sql`${v}`),
    sql`, `,
  );
  return sql`(${sql.join(columns, sql`, `)}) ${sql.raw(direction === "asc" ? ">" : "<")} (${values})`;
}
