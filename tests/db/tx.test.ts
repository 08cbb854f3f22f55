import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, engineOf } from "@/db/client";
import { stories } from "@/db/schema";
import { withTx } from "@/db/tx";
import { ConflictError } from "@/lib/errors";
import { createClaim, updateClaim } from "@/server/claims-write";
import { all, createSeededDb, idOf, viewerFor } from "../support/db";

/**
 * withTx, the one transaction API: on SQLite one writer connection that transactions take in
 * turn; on PostgreSQL a pooled connection each, at SERIALIZABLE, retried on serialization
 * failures. Whatever the engine, a transaction's writes commit or roll back together and never
 * with another's.
 */
let db: Db;
beforeEach(async () => {
  db = await createSeededDb();
});

const titles = async () => (await all<{ title: string }>(db, "SELECT title FROM stories WHERE title LIKE 'tx %' ORDER BY title")).map((r) => r.title);

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("withTx", () => {
  it("never lets a rollback take another request's write with it", async () => {
    const aWrote = deferred();
    const bStarted = deferred();
    // A writes, then waits until B is under way, then fails: only A's write may be undone.
    const a = withTx(db, async (tx) => {
      await tx.insert(stories).values({ title: "tx A" });
      aWrote.resolve();
      await bStarted.promise;
      await new Promise((r) => setTimeout(r, 20));
      throw new Error("A fails");
    });
    await aWrote.promise;
    const b = withTx(db, async (tx) => {
      await tx.insert(stories).values({ title: "tx B" });
    });
    bStarted.resolve();
    await expect(a).rejects.toThrow("A fails");
    await b;
    expect(await titles()).toEqual(["tx B"]);
  });

  it("keeps uncommitted writes out of reads made outside the transaction", async () => {
    const seen: string[][] = [];
    await withTx(db, async (tx) => {
      await tx.insert(stories).values({ title: "tx inside" });
      seen.push(await titles());
      seen.push((await tx.select({ title: stories.title }).from(stories).where(eq(stories.title, "tx inside"))).map((r) => r.title));
    });
    expect(seen).toEqual([[], ["tx inside"]]);
    expect(await titles()).toEqual(["tx inside"]);
  });

  it("joins an outer transaction when nested, so the two commit or roll back together", async () => {
    await expect(
      withTx(db, async (outer) => {
        await outer.insert(stories).values({ title: "tx outer" });
        await withTx(db, async (inner) => {
          await inner.insert(stories).values({ title: "tx inner" });
        });
        throw new Error("outer fails after the inner one returned");
      }),
    ).rejects.toThrow("outer fails");
    expect(await titles()).toEqual([]);
  });

  it("runs many overlapping transactions, each whole", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        withTx(db, async (tx) => {
          await tx.insert(stories).values({ title: `tx ${String(i).padStart(2, "0")} a` });
          await new Promise((r) => setTimeout(r, i % 3));
          await tx.insert(stories).values({ title: `tx ${String(i).padStart(2, "0")} b` });
          if (i % 4 === 0) throw new Error("rolled back");
        }).catch(() => "rolled back"),
      ),
    );
    const expected = Array.from({ length: 40 }, (_, i) => i)
      .filter((i) => i % 4 !== 0)
      .flatMap((i) => [`tx ${String(i).padStart(2, "0")} a`, `tx ${String(i).padStart(2, "0")} b`]);
    expect(await titles()).toEqual(expected);
  });

  it("gives one of many racing edits of a claim its 200 and the others their 409", async () => {
    const editor = await viewerFor(db, "editor");
    const speakerId = await idOf(db, "speakers", "name", "Pen Bona");
    const claim = await createClaim(db, editor, { text: "A claim everyone edits at once", speakerId });
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => updateClaim(db, editor, claim.id, { text: `Edit number ${i}`, version: claim.version })));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(11);
    for (const r of lost) expect(r.reason).toBeInstanceOf(ConflictError);
    const [row] = await all<{ version: number; text: string }>(db, "SELECT version, text FROM claims WHERE id = ?", claim.id);
    expect(row!.version).toBe(claim.version + 1);
    expect(row!.text).toBe((won[0] as PromiseFulfilledResult<{ text: string }>).value.text);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("retries a transaction PostgreSQL could not serialise, and both writes land (PostgreSQL)", async () => {
    expect(engineOf(db)).toBe("postgres");
    const [x, y] = (await all<{ id: number }>(db, "SELECT id FROM stories ORDER BY id LIMIT 2")).map((r) => r.id) as [number, number];
    const bothRead = deferred();
    let reads = 0;
    let attempts = 0;
    // Write skew: each reads both rows, then writes the one the other read. Under SERIALIZABLE one
    // of them fails with 40001 and runs again (with the other's write visible by then).
    const skew = (mine: number, theirs: number, label: string) =>
      withTx(db, async (tx) => {
        attempts++;
        await tx.select().from(stories).where(eq(stories.id, mine));
        await tx.select().from(stories).where(eq(stories.id, theirs));
        if (++reads === 2) bothRead.resolve();
        await Promise.race([bothRead.promise, new Promise((r) => setTimeout(r, 500))]);
        await tx.update(stories).set({ description: label }).where(eq(stories.id, theirs));
      });
    await Promise.all([skew(x, y, "written by the first"), skew(y, x, "written by the second")]);
    expect(attempts).toBeGreaterThan(2);
    const rows = await all<{ description: string }>(db, "SELECT description FROM stories WHERE id IN (?, ?) ORDER BY description", x, y);
    expect(rows.map((r) => r.description)).toEqual(["written by the first", "written by the second"]);
  });
});
