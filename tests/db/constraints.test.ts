import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { createSeededDb, createTestDb, snapshot } from "../support/db";

let db: Db;
let a: number;
let b: number;

function insertClaim(text: string, speakerId: number): number {
  return Number(db.$client.prepare("INSERT INTO claims (text, speaker_id, status) VALUES (?, ?, 'published')").run(text, speakerId).lastInsertRowid);
}

beforeEach(() => {
  db = createTestDb();
  const speaker = Number(db.$client.prepare("INSERT INTO speakers (name, kind) VALUES ('Test speaker', 'person')").run().lastInsertRowid);
  a = insertClaim("Claim A", speaker);
  b = insertClaim("Claim B", speaker);
});

const link = (from: number, to: number, kind = "disputes") =>
  db.$client.prepare("INSERT INTO claim_links (from_claim_id, to_claim_id, kind) VALUES (?, ?, ?)").run(from, to, kind);

describe("the database's own constraints", () => {
  it("applies the migrations with foreign keys on, and re-running them is a no-op", () => {
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    const before = snapshot(db);
    runMigrations(db);
    expect(snapshot(db)).toEqual(before);
  });

  it("ships a default rating scale whose numeric values span 1 to 5", () => {
    const rows = db.$client.prepare("SELECT r.key, r.value FROM ratings r JOIN rating_scales s ON s.id = r.scale_id WHERE s.is_default = 1 ORDER BY r.position").all() as { key: string; value: number | null }[];
    expect(rows.map((r) => r.key)).toEqual(["true", "mostly-true", "half-true", "mostly-false", "false", "misleading", "unproven"]);
    const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
    expect(Math.min(...values)).toBe(1);
    expect(Math.max(...values)).toBe(5);
  });

  it("refuses a self-link", () => {
    expect(() => link(a, a)).toThrow(/CHECK constraint failed: claim_links_no_self_link/);
  });

  it("refuses a duplicate link, in the same or the opposite direction", () => {
    link(a, b);
    expect(() => link(a, b)).toThrow(/UNIQUE constraint failed/);
    expect(() => link(b, a)).toThrow(/UNIQUE constraint failed/);
    // A link of another kind between the same claims is a different fact and is allowed.
    expect(() => link(b, a, "responds-to")).not.toThrow();
  });

  it("refuses an unknown link kind", () => {
    expect(() => link(a, b, "contradicts")).toThrow(/CHECK constraint failed: claim_links_kind_check/);
  });

  it("refuses dangling foreign keys", () => {
    expect(() => link(a, 999_999)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insertClaim("Orphan speaker", 424_242)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.$client.prepare("INSERT INTO source_revisions (source_id, revision, text) VALUES (77, 1, 'x')").run()).toThrow(/FOREIGN KEY constraint failed/);
  });

  it("refuses a half-written anchor and an anchor without a source", () => {
    expect(() =>
      db.$client.prepare("UPDATE claims SET anchor_exact = 'x', anchor_start = 0, anchor_end = 1, anchor_state = 'anchored' WHERE id = ?").run(a),
    ).toThrow(/CHECK constraint failed: claims_anchor_check/);
  });

  it("refuses malformed calendar dates and statuses", () => {
    expect(() => db.$client.prepare("UPDATE claims SET stated_on = '2025-02-30' WHERE id = ?").run(a)).toThrow(/claims_stated_on_check/);
    expect(() => db.$client.prepare("UPDATE claims SET stated_on = '26/06/2025' WHERE id = ?").run(a)).toThrow(/claims_stated_on_check/);
    expect(() => db.$client.prepare("UPDATE claims SET status = 'deleted' WHERE id = ?").run(a)).toThrow(/claims_status_check/);
  });

  it("keeps the events log append-only", () => {
    db.$client.prepare("INSERT INTO events (actor, entity_type, entity_id, action) VALUES ('t', 'claim', '1', 'create')").run();
    expect(() => db.$client.prepare("UPDATE events SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("DELETE FROM events").run()).toThrow(/append-only/);
  });

  it("indexes every foreign key", async () => {
    const seeded = await createSeededDb();
    const tables = seeded.$client.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[];
    const missing: string[] = [];
    for (const { name } of tables) {
      const fks = seeded.$client.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { from: string }[];
      const indexes = seeded.$client.prepare(`PRAGMA index_list("${name}")`).all() as { name: string }[];
      const leading = new Set(
        indexes.flatMap((ix) => {
          const first = (seeded.$client.prepare(`PRAGMA index_info("${ix.name}")`).all() as { name: string | null }[])[0];
          return first?.name ? [first.name] : [];
        }),
      );
      for (const fk of fks) if (!leading.has(fk.from)) missing.push(`${name}.${fk.from}`);
    }
    expect(missing).toEqual([]);
  });
});
