import "server-only";
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
