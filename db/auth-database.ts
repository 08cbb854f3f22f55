import "server-only";
import { createHash } from "node:crypto";
import { type Db, handleOf } from "./client";
import { withTx } from "./tx";

/**
 * The database as better-auth's Drizzle adapter should see it, and the adapter's provider name.
 *
 * On PostgreSQL that is the pool itself. On SQLite the adapter's reads go to the reader
 * connection, and each of its writes (sessions, sign-in bookkeeping) runs through withTx, on the
 * writer connection in its turn — never in the middle of another request's transaction.
 */
export function authDatabase(db: Db): { db: object; provider: "sqlite" | "pg" } {
  const handle = handleOf(db);
  if (handle.engine === "postgres") return { db, provider: "pg" };
  // Built on the writer connection (builders are lazy), executed when awaited, in withTx.
  const writer = handle.writerDb as unknown as Db;
  const write = (method: "insert" | "update" | "delete") => (table: never) => deferred(db, writer[method](table));
  return {
    db: new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "insert" || prop === "update" || prop === "delete") return write(prop);
        // Its own transactions (it asks for none) would bypass the writer's queue.
        if (prop === "transaction") return undefined;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }),
    provider: "sqlite",
  };
}

/**
 * A query builder whose execution (when it is awaited) happens inside withTx. Builder methods
 * that return a builder (`values`, `set`, `where`, `returning` …) keep the deferral.
 */
function deferred<B extends object>(db: Db, builder: B): B {
  return new Proxy(builder, {
    get(target, prop, receiver) {
      if (prop === "then") {
        return (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) =>
          withTx(db, async () => (await (target as unknown as PromiseLike<unknown>)) as unknown).then(resolve, reject);
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result && typeof result === "object" && "then" in result ? deferred(db, result) : result;
      };
    },
  });
}

/** How a session token is kept at rest: its SHA-256 (tokens are 32 random characters, no salt needed). */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

type AdapterFactory = (options: never) => object;

/**
 * Wraps better-auth's database adapter so that session tokens are stored hashed: a token the
 * library writes (`data.token`, `update.token`) or looks up (a `where` on `token`, `eq` or `in`)
 * is hashed on the way in, and rows coming back carry the token the library asked with, so the
 * cookie it sets and everything it compares stay as they were. The database holds no token a
 * client could present. (A session listed by user, not looked up by token, comes back with its
 * hash: such listings cannot be turned into cookies — the app does not offer them.)
 */
export function hashSessionTokens<F extends AdapterFactory>(factory: F): F {
  return ((options: never) => wrapAdapter(factory(options))) as F;
}

function wrapAdapter<A extends object>(adapter: A): A {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "transaction") {
        return (callback: (trx: object) => unknown) => (value as (cb: (trx: object) => unknown) => unknown).call(target, (trx: object) => callback(wrapAdapter(trx)));
      }
      return async (args: unknown, ...rest: unknown[]) => {
        if (!isSessionCall(args)) return (value as (...a: unknown[]) => unknown).call(target, args, ...rest);
        const plain = new Map<string, string>();
        const hash = (token: unknown) => {
          if (typeof token !== "string") return token;
          const hashed = hashSessionToken(token);
          plain.set(hashed, token);
          return hashed;
        };
        const call = { ...args } as SessionCall;
        if (call.where) call.where = call.where.map((w) => (w.field === "token" ? { ...w, value: Array.isArray(w.value) ? w.value.map(hash) : hash(w.value) } : w));
        if (call.data && "token" in call.data) call.data = { ...call.data, token: hash(call.data.token) };
        if (call.update && "token" in call.update) call.update = { ...call.update, token: hash(call.update.token) };
        const result = await (value as (...a: unknown[]) => Promise<unknown>).call(target, call, ...rest);
        const restore = (row: unknown) => {
          if (row && typeof row === "object" && "token" in row && typeof row.token === "string" && plain.has(row.token)) return { ...row, token: plain.get(row.token) };
          return row;
        };
        return Array.isArray(result) ? result.map(restore) : restore(result);
      };
    },
  });
}

interface SessionCall {
  model: "session";
  where?: { field: string; value: unknown }[];
  data?: Record<string, unknown>;
  update?: Record<string, unknown>;
}

function isSessionCall(args: unknown): args is SessionCall {
  return Boolean(args && typeof args === "object" && (args as { model?: unknown }).model === "session");
}
