import "server-only";
import { ValidationError } from "@/lib/errors";

/** Keyset cursors: the sort key and id of the last item, as opaque base64url JSON. */
export type CursorKey = [string | number | null, number];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined | null): CursorKey | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === "string" || typeof value[0] === "number" || value[0] === null) &&
      Number.isSafeInteger(value[1])
    ) {
      return value as CursorKey;
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError("The cursor is not one this API issued.", { cursor: "malformed cursor" });
}

/** Takes `limit + 1` rows and turns them into a page with its next cursor. */
export function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, key: (row: R) => CursorKey) {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: hasMore && last !== undefined ? encodeCursor(key(last)) : null,
    hasMore,
  };
}
