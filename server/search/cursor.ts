import "server-only";
import type { Key } from "@/db/search";
import { ValidationError } from "@/lib/errors";
import type { ResultType } from "@/lib/search-query";

/**
 * The search cursor: per result type, the keyset position (tier, score, id) of the last row shown,
 * and the types with nothing left; base64url JSON, checked on the way back in.
 */

export type { Key };
export interface Cursor {
  m: "all" | "any";
  k: Partial<Record<ResultType, Key>>;
  /** Types with nothing left. */
  x: ResultType[];
}

export const RESULT_TYPES: ResultType[] = ["speaker", "claim", "source"];

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

const isKey = (v: unknown): v is Key => Array.isArray(v) && v.length === 3 && (v[0] === 0 || v[0] === 1) && Number.isFinite(v[1]) && Number.isSafeInteger(v[2]);

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (
      c &&
      (c.m === "all" || c.m === "any") &&
      typeof c.k === "object" &&
      c.k !== null &&
      Object.entries(c.k).every(([t, k]) => RESULT_TYPES.includes(t as ResultType) && isKey(k)) &&
      Array.isArray(c.x) &&
      c.x.every((t) => RESULT_TYPES.includes(t))
    ) {
      return c;
    }
  } catch {
    // fall through
  }
  throw new ValidationError("The cursor is not one this API issued.", { cursor: "malformed cursor" });
}
