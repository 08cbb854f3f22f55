import { beforeEach, describe, expect, it } from "vitest";
import { type Db, engineOf } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { all, createSeededDb, createTestDb, expectRefusedWrite, insertId, refusal, run, snapshot } from "../support/db";

let db: Db;
let a: number;
let b: number;

const insertClaim = (text: string, speakerId: number) => insertId(db, "INSERT INTO claims (text, speaker_id, status) VALUES (?, ?, 'published')", text, speakerId);

beforeEach(async () => {
  db = await createTestDb();
  const speaker = await insertId(db, "INSERT INTO speakers (name, kind) VALUES ('Test speaker', 'person')");
  a = await insertClaim("Claim A", speaker);
  b = await insertClaim("Claim B", speaker);
});

const link = (from: number, to: number, kind = "disputes") => run(db, "INSERT INTO claim_links (from_claim_id, to_claim_id, kind) VALUES (?, ?, ?)", from, to, kind);

describe("the database's own constraints", () => {
  it("applies the migrations with foreign keys enforced, and re-running them is a no-op", async () => {
    await expectRefusedWrite(link(a, 999_999), refusal.foreignKey);
    const before = await snapshot(db);
    await runMigrations(db);
    expect(await snapshot(db)).toEqual(before);
  });

  it("ships a default rating scale whose numeric values span 1 to 5", async () => {
    const rows = await all<{ key: string; value: number | null }>(db, "SELECT r.key, r.value FROM ratings r JOIN rating_scales s ON s.id = r.scale_id WHERE s.is_default ORDER BY r.position");
    expect(rows.map((r) => r.key)).toEqual(["true", "mostly-true", "half-true", "mostly-false", "false", "misleading", "unproven"]);
    const values = rows.flatMap((r) => (r.value === null ? [] : [Number(r.value)]));
    expect(Math.min(...values)).toBe(1);
    expect(Math.max(...values)).toBe(5);
  });

  it("refuses a self-link", async () => {
    await expectRefusedWrite(link(a, a), refusal.check("claim_links_no_self_link"));
  });

  it("refuses a duplicate link, in the same or the opposite direction", async () => {
    await link(a, b);
    await expectRefusedWrite(link(a, b), refusal.unique);
    await expectRefusedWrite(link(b, a), refusal.unique);
    // A link of another kind between the same claims is a different fact and is allowed.
    await link(b, a, "responds-to");
    expect(await all(db, "SELECT id FROM claim_links")).toHaveLength(2);
  });

  it("refuses an unknown link kind", async () => {
    await expectRefusedWrite(link(a, b, "contradicts"), refusal.check("claim_links_kind_check"));
  });

  it("refuses dangling foreign keys", async () => {
    await expectRefusedWrite(link(a, 999_999), refusal.foreignKey);
    await expectRefusedWrite(insertClaim("Orphan speaker", 424_242), refusal.foreignKey);
    await expectRefusedWrite(run(db, "INSERT INTO source_revisions (source_id, revision, text) VALUES (77, 1, 'x')"), refusal.foreignKey);
  });

  it("refuses a half-written anchor and an anchor without a source", async () => {
    await expectRefusedWrite(
      run(db, "UPDATE claims SET anchor_exact = 'x', anchor_start = 0, anchor_end = 1, anchor_state = 'anchored' WHERE id = ?", a),
      refusal.check("claims_anchor_check"),
    );
  });

  it("refuses malformed calendar dates and statuses", async () => {
    await expectRefusedWrite(run(db, "UPDATE claims SET stated_on = '2025-02-30' WHERE id = ?", a), refusal.check("claims_stated_on_check"));
    await expectRefusedWrite(run(db, "UPDATE claims SET stated_on = '26/06/2025' WHERE id = ?", a), refusal.check("claims_stated_on_check"));
    await expectRefusedWrite(run(db, "UPDATE claims SET status = 'deleted' WHERE id = ?", a), refusal.check("claims_status_check"));
    await run(db, "UPDATE claims SET stated_on = '2024-02-29' WHERE id = ?", a);
  });

  it("keeps the events log append-only", async () => {
    await run(db, "INSERT INTO events (actor, entity_type, entity_id, action) VALUES ('t', 'claim', '1', 'create')");
    await expectRefusedWrite(run(db, "UPDATE events SET actor = 'someone else'"), /append-only/);
    await expectRefusedWrite(run(db, "DELETE FROM events"), /append-only/);
    expect(await all(db, "SELECT actor FROM events")).toEqual([{ actor: "t" }]);
  });

  it("indexes every foreign key", async () => {
    const seeded = await createSeededDb();
    // Each foreign key, and the first column of each index, per table: from each engine's catalogue.
    const postgres = engineOf(seeded) === "postgres";
    const fks = postgres
      ? await all<{ tbl: string; col: string }>(
          seeded,
          `SELECT c.conrelid::regclass::text AS tbl, a.attname AS col FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
        )
      : await all<{ tbl: string; col: string }>(
          seeded,
          `SELECT t.name AS tbl, f."from" AS col FROM sqlite_schema t, pragma_foreign_key_list(t.name) f WHERE t.type = 'table'`,
        );
    const leading = postgres
      ? await all<{ tbl: string; col: string }>(
          seeded,
          `SELECT i.indrelid::regclass::text AS tbl, a.attname AS col FROM pg_index i
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'public'::regnamespace`,
        )
      : await all<{ tbl: string; col: string }>(
          seeded,
          `SELECT t.name AS tbl, ii.name AS col FROM sqlite_schema t, pragma_index_list(t.name) il, pragma_index_info(il.name) ii WHERE t.type = 'table' AND ii.seqno = 0`,
        );
    const indexed = new Set(leading.map((r) => `${r.tbl}.${r.col}`));
    expect(fks.length).toBeGreaterThan(15);
    expect(fks.map((r) => `${r.tbl}.${r.col}`).filter((k) => !indexed.has(k))).toEqual([]);
  });
});
