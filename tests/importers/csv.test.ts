import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/model";
import { csvRecord, detectSeparator, parseCsv } from "@/lib/interchange/csv";
import { claimsCsv } from "@/server/exports";
import { all, createSeededDb, createTestDb, snapshot } from "../support/db";
import { SITE } from "../interchange/support";
import { BOOKKEEPING, byRef, importAs, storedClaim } from "./support";

const records = (text: string) => [...parseCsv(text)].map((r) => [r.line, ...r.fields]);

describe("CSV", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks, CRLF, a BOM, and names each record's first line", () => {
    const text = '\uFEFFtext,speaker\r\n"Said ""no"", twice",Ann\r\n"two\nlines",Bob\n\nplain,"C; D"\n';
    expect(records(text)).toEqual([
      [1, "text", "speaker"],
      [2, 'Said "no", twice', "Ann"],
      [3, "two\nlines", "Bob"],
      [6, "plain", "C; D"],
    ]);
    expect(() => records('a,b\n"open,b\n')).toThrow(/^line 2: a quoted field is never closed/);
    expect(() => records('a,b\n"x"y,b\n')).toThrow(/^line 2: a closing quote/);
  });

  it("detects `;` from the header, as European spreadsheets write it, and writes what it reads", () => {
    expect(detectSeparator("text;speaker;story\nx;y;z")).toBe(";");
    expect(detectSeparator('"a;b",c\n')).toBe(",");
    expect(detectSeparator("\uFEFFtext")).toBe(",");
    const row = ["a,b", 'q"uote', "line\nbreak", " padded", "", "plain"];
    expect(records(csvRecord(row))).toEqual([[1, ...row]]);
    expect(records(csvRecord(row, ";"))).toEqual([[1, ...row]]);
  });
});

describe("CSV import of claims", () => {
  it("accepts and refuses rows one by one, naming the line and the reason", async () => {
    const db = await createSeededDb();
    const csv = [
      "Text;Speaker;speaker_kind;stated_on;status;verdict;story;source_url;source_title;rationale;extra",
      'The port handles "half" of all trade.;Pat Harbour;person;2024-01-05;published;Mostly true;Ports;https://news.example.com/port;Port interview;"Figures from\nthe port authority.";ignored',
      "No verdict given.;Pat Harbour;;;published;;;;;;",
      "Bad date.;Pat Harbour;;05/01/2024;;;;;;;",
      ";Pat Harbour;;;;;;;;;",
      "Who said it?;;;;;;;;;;",
      "Bad kind.;Pat Harbour;robot;;;;;;;;",
      "Too few fields;x",
      "Rated elsewhere.;Ministry of Ports;government;;in_review;Four Pinocchios;Ports;;;;",
    ].join("\r\n");
    const result = await importAs(db, { format: "csv", content: `\uFEFF${csv}` });
    const items = byRef(result);
    expect(Object.fromEntries(Object.entries(items).map(([ref, i]) => [ref, i.reason ?? i.outcome]))).toEqual({
      "line 2": "created",
      "line 4": "created",
      "line 5": "stated_on “05/01/2024” is not a date (YYYY-MM-DD)",
      "line 6": "text is empty",
      "line 7": "speaker is empty",
      "line 8": "speaker_kind “robot” is not one of person, organisation, government, other",
      "line 9": "2 field(s); the header has 11",
      "line 10": "created",
    });
    expect(await storedClaim(db, items["line 2"]!.claimId!)).toMatchObject({
      text: 'The port handles "half" of all trade.',
      speaker: "Pat Harbour",
      verdict: "mostly-true",
      status: "published",
      stated_on: "2024-01-05",
      source_url: "https://news.example.com/port",
      rationale: "Figures from\nthe port authority.",
    });
    // Publishing needs a verdict: a row marked published without one waits as a draft.
    expect(await storedClaim(db, items["line 4"]!.claimId!)).toMatchObject({ text: "No verdict given.", status: "draft", verdict: null });
    expect(items["line 4"]!.notes).toEqual(["no verdict: imported as a draft until one is proposed"]);
    expect(await storedClaim(db, items["line 10"]!.claimId!)).toMatchObject({ status: "draft", verdict: null });
    expect(items["line 10"]!.notes).toEqual(["status “in_review” imported as a draft", "verdict “Four Pinocchios” is not on our scale: kept as a draft until it is mapped"]);
  });

  it("refuses a file without the required columns, naming the line, and writes nothing", async () => {
    const db = await createSeededDb();
    const before = await snapshot(db, ["api_tokens"]);
    await expect(importAs(db, { format: "csv", content: "claim,who\nx,y\n" })).rejects.toMatchObject({ status: 400, fields: { file: 'line 1: the header has no “text” or “speaker” column (it has “claim”, “who”)' } });
    await expect(importAs(db, { format: "csv", content: 'text,speaker\n"x,y\n' })).rejects.toMatchObject({ fields: { file: "line 2: a quoted field is never closed" } });
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
  });

  it("exports with the list's filters a CSV that the import reads back: into this site it updates nothing, into an empty one it makes the same claims (those without a verdict as drafts)", async () => {
    const db = await createSeededDb();
    const csv = await claimsCsv(db, ANONYMOUS, {}, SITE);
    const published = await all<{ id: number }>(db, "SELECT id FROM claims WHERE status = 'published' ORDER BY id");
    expect([...parseCsv(csv)].length - 1).toBe(published.length);
    const falseOnly = await claimsCsv(db, ANONYMOUS, { verdict: "false" }, SITE);
    expect([...parseCsv(falseOnly)].slice(1).every((r) => r.fields[8] === "false")).toBe(true);
    expect(await claimsCsv(db, ANONYMOUS, { from: "2999-01-01" }, SITE)).toBe(`${csv.split("\r\n")[0]}\r\n`);

    const same = await importAs(db, { format: "csv", content: csv, site: SITE });
    expect(same.counts).toEqual({ created: 0, updated: 0, unchanged: published.length, refused: 0 });

    const empty = await createTestDb();
    const before = await snapshot(empty, BOOKKEEPING);
    const copy = await importAs(empty, { format: "csv", content: csv, site: { ...SITE, url: "https://elsewhere.example" } });
    expect(copy.counts).toEqual({ created: published.length, updated: 0, unchanged: 0, refused: 0 });
    const verdictAt = [...parseCsv(csv)][0]!.fields.indexOf("verdict");
    const rows = (text: string) => [...parseCsv(text)].slice(1);
    const strip = (list: ReturnType<typeof rows>) => list.map((r) => r.fields.slice(2, 13).join("|")).sort();
    const exported = await claimsCsv(empty, ANONYMOUS, {}, SITE);
    // Everything but ids, the source's publisher and the publication time survives the trip (columns text … source_url);
    // a claim published here without a verdict (older data) is imported as a draft, as publishing needs a verdict.
    const unrated = rows(csv).filter((r) => r.fields[verdictAt] === "");
    expect(unrated.length).toBeGreaterThan(0);
    expect(strip(rows(exported))).toEqual(strip(rows(csv).filter((r) => r.fields[verdictAt] !== "")));
    expect(copy.report!.items.filter((i) => i.notes?.includes("no verdict: imported as a draft until one is proposed"))).toHaveLength(unrated.length);
    const again = await importAs(empty, { format: "csv", content: csv, site: { ...SITE, url: "https://elsewhere.example" } });
    expect(again.counts.created).toBe(0);
    expect(Object.keys(before)).toEqual(Object.keys(await snapshot(empty, BOOKKEEPING)));
  });
});
