import "server-only";
import { ConflictError, NotFoundError } from "@/lib/errors";

/**
 * The optimistic-concurrency check: the row must exist and still be at the version the change
 * was based on. A stale write is a 409 carrying the current state, so the client can show what
 * the other person changed and let the user re-apply or discard. Call it inside the write's
 * transaction (withTx), on the row read there. `current` is read only once the transaction has
 * ended (ConflictError.currentState): a read on another connection while holding this one could
 * wait forever for a free one when every connection is held by a transaction doing the same.
 */
export function checkVersion<R extends { version: number }>(row: R | undefined, expected: number, what: string, current: () => Promise<unknown> | unknown): R {
  if (!row) throw new NotFoundError(`No ${what}.`);
  if (row.version !== expected) {
    throw new ConflictError(`This ${what.split(" ")[0]} was changed by someone else (you edited version ${expected}; it is now at version ${row.version}).`, current);
  }
  return row;
}

/** The fields of `patch` that are present (not undefined) and differ from `row`. */
export function changedFields<R extends Record<string, unknown>>(row: R, patch: Partial<R>): Partial<R> {
  const out: Partial<R> = {};
  for (const key of Object.keys(patch) as (keyof R)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(row[key])) out[key] = value;
  }
  return out;
}

export const nowIso = () => new Date().toISOString();
