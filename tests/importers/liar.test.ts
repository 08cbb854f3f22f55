import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/model";
import { listClaims } from "@/server/claims";
import { importLiar, parseLiarTsv, speakerIdByName, speakerName } from "@/server/importers/liar";
import { missingShared, sharedPath } from "../../scripts/shared-dir";
import { createSeededDb, createTestDb, num } from "../support/db";

/** Lines in the LIAR format, written for this test. */
const SAMPLE = [
  ["1.json", "pants-fire", "The moon is made of cheese.", "space,food", "jane-doe", "Senator", "Ohio", "republican", "0", "0", "0", "0", "1", "a radio interview"],
  ["2.json", "barely-true", "Taxes doubled last year.", "taxes", "john-q-public", "", "", "none", "0", "1", "0", "0", "0", "a tweet"],
  ["3.json", "true", "The bridge opened in 2019.", "transportation", "jane-doe", "Senator", "Ohio", "republican", "0", "0", "0", "0", "1", ""],
]
  .map((cols) => cols.join("\t"))
  .join("\n");

describe("LIAR import", () => {
  it("parses the 14-column form and refuses anything else, naming the line", () => {
    const rows = parseLiarTsv(SAMPLE);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ id: "1.json", label: "pants-fire", subjects: ["space", "food"], speaker: "jane-doe", context: "a radio interview" });
    expect(() => parseLiarTsv("1.json\ttrue\tonly three columns")).toThrow(/Line 1 has 3 columns/);
    expect(() => parseLiarTsv(SAMPLE.replace("barely-true", "sort-of"))).toThrow(/Line 2 has an unknown label/);
    expect(speakerName("john-q-public")).toBe("John Q Public");
  });

  it("imports published claims with verdicts mapped to the scale, once", async () => {
    const db = await createSeededDb();
    const result = await importLiar(db, "system:test", parseLiarTsv(SAMPLE));
    expect(result).toEqual({ claims: 3, speakers: 2, stories: 3, skipped: 0 });
    const jane = (await speakerIdByName(db, "Jane Doe"))!;
    const claims = (await listClaims(db, ANONYMOUS, { speaker: jane, limit: 10 })).items;
    expect(claims.map((c) => [c.text, c.verdict?.rating.key, c.statedOn, c.source])).toEqual(
      expect.arrayContaining([
        ["The moon is made of cheese.", "false", null, null],
        ["The bridge opened in 2019.", "true", null, null],
      ]),
    );
    expect((await listClaims(db, ANONYMOUS, { speaker: (await speakerIdByName(db, "John Q Public"))!, limit: 10 })).items[0]!.verdict?.rating.key).toBe("mostly-false");
    expect(await importLiar(db, "system:test", parseLiarTsv(SAMPLE))).toEqual({ claims: 0, speakers: 0, stories: 0, skipped: 3 });
    expect(await num(db, "SELECT count(*) FROM events WHERE comment = 'LIAR import'")).toBe(3 + 2 + 3);
  });

  const liar = sharedPath("data/liar/valid.tsv");
  it.skipIf(!liar)(`imports the real validation split${liar ? "" : ` (${missingShared("data/liar/valid.tsv")})`}`, async () => {
    const rows = parseLiarTsv(readFileSync(liar!, "utf8"));
    expect(rows.length).toBeGreaterThan(1200);
    const db = await createTestDb();
    const result = await importLiar(db, "system:test", rows);
    expect(result.claims + result.skipped).toBe(rows.length);
    expect(result.claims).toBeGreaterThan(1200);
  });
});
