import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/model";
import { readLiarTsv, speakerName } from "@/lib/interchange/liar";
import { listClaims } from "@/server/claims";
import { missingShared, sharedPath } from "../../scripts/shared-dir";
import { createSeededDb, createTestDb, idOf, num } from "../support/db";
import { byRef, importAs } from "./support";

const row = (cols: string[]) => cols.join("\t");
const counts = ["0", "0", "0", "0", "1"];
/** Lines in the LIAR format, written for this test. */
const SAMPLE = [
  row(["1.json", "pants-fire", "The moon is made of cheese.", "space,food", "jane-doe", "Senator", "Ohio", "republican", ...counts, "a radio interview"]),
  row(["2.json", "barely-true", "Taxes doubled last year.", "taxes", "john-q-public", "", "", "none", ...counts, "a tweet"]),
  row(["3.json", "true", "The bridge opened in 2019.", "transportation", "jane-doe", "Senator", "Ohio", "republican", ...counts, ""]),
].join("\n");

describe("LIAR import", () => {
  it("reads LIAR's 14 columns and LIAR-PLUS's 16, and refuses bad lines one by one, naming the line", () => {
    const items = readLiarTsv(
      [
        row(["1.json", "true", "A.", "x", "a-b", "", "", "", ...counts, ""]),
        "1.json\ttrue\tonly three columns",
        row(["3.json", "toString", "Prototype label.", "x", "a-b", "", "", "", ...counts, ""]),
        row(["4.json", "sort-of", "Unknown label.", "x", "a-b", "", "", "", ...counts, ""]),
        row(["17", "5.json", "half-true", "Plus form.", "x", "a-b", "", "", "", ...counts, "ctx", "The editors' justification."]),
        row(["6.json", "true", "", "x", "a-b", "", "", "", ...counts, ""]),
      ].join("\r\n"),
    );
    expect(items.map((i) => ("reason" in i ? `${i.ref}: ${i.reason}` : `${i.ref}: ${i.key?.key} ${i.verdict && "key" in i.verdict ? i.verdict.key : ""}`))).toEqual([
      "line 1: 1.json true",
      "line 2: 3 tab-separated columns; LIAR has 14 and LIAR-PLUS 16",
      expect.stringMatching(/^line 3: unknown label “toString”/),
      expect.stringMatching(/^line 4: unknown label “sort-of”/),
      "line 5: 5.json half-true",
      "line 6: the statement is empty",
    ]);
    expect(items[4]).toMatchObject({ rationale: expect.stringMatching(/^The editors' justification\.\n\nImported from the LIAR dataset \(statement 5\.json\)/) });
    expect(speakerName("dwayne-bohac")).toBe("Dwayne Bohac");
  });

  it("imports published claims with verdicts, speakers and stories; importing again adds nothing", async () => {
    const db = await createSeededDb();
    const result = await importAs(db, { format: "liar", content: SAMPLE });
    expect(result.counts).toEqual({ created: 3, updated: 0, unchanged: 0, refused: 0 });
    expect(result.report!.made).toEqual({ speakers: 2, stories: 3, sources: 0 });
    const jane = await idOf(db, "speakers", "name", "Jane Doe");
    const claims = (await listClaims(db, ANONYMOUS, { speaker: jane, limit: 10 })).items;
    expect(claims.map((c) => [c.text, c.verdict?.rating.key, c.statedOn, c.source])).toEqual(
      expect.arrayContaining([
        ["The moon is made of cheese.", "false", null, null],
        ["The bridge opened in 2019.", "true", null, null],
      ]),
    );
    const again = await importAs(db, { format: "liar", content: SAMPLE });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, refused: 0 });
    expect(await num(db, "SELECT count(*) FROM events WHERE comment = ?", `Import #${result.id} (LIAR)`)).toBe(3 + 2 + 3);
  });

  it("accepts the good lines of a file with bad ones", async () => {
    const db = await createTestDb();
    const bad = `${SAMPLE}\n${row(["9.json", "toString", "Not a verdict.", "x", "jane-doe", "", "", "", ...counts, ""])}`;
    const result = await importAs(db, { format: "liar", content: bad });
    expect(result.counts).toMatchObject({ created: 3, refused: 1 });
    expect(byRef(result)["line 4"]).toMatchObject({ outcome: "refused", reason: expect.stringMatching(/unknown label “toString”/) });
    expect(await num(db, "SELECT count(*) FROM claims WHERE status = 'published' AND rating_id IS NULL")).toBe(0);
  });

  const liar = sharedPath("data/liar/valid.tsv");
  it.skipIf(!liar)(`imports the real validation split${liar ? "" : ` (${missingShared("data/liar/valid.tsv")})`}`, async () => {
    const content = readFileSync(liar!, "utf8");
    const db = await createTestDb();
    const result = await importAs(db, { format: "liar", content, batchSize: 2000 });
    expect(result.total).toBeGreaterThan(1200);
    expect(result.counts.created + result.counts.refused).toBe(result.total);
    expect(result.counts.created).toBeGreaterThan(1200);
  });
});
