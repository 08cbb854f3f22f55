/* eslint-disable no-restricted-syntax -- a standalone in-memory FTS5 table used as a reference, not the app's database: the one async data path does not apply */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { porterStem } from "@/lib/matching/porter";
import { stem, tokens } from "@/lib/matching/text";
import { CHECKTHAT_DIR, loadCheckThat } from "@/scripts/matching-data";
import { missingShared } from "@/scripts/shared-dir";

/** Each word's stem as SQLite's FTS5 porter tokenizer indexes it (one word per row). */
function ftsStems(words: string[]): Map<string, string[]> {
  const db = new Database(":memory:");
  db.exec("CREATE VIRTUAL TABLE w USING fts5(x, tokenize = 'porter unicode61 remove_diacritics 2')");
  db.exec("CREATE VIRTUAL TABLE v USING fts5vocab(w, 'instance')");
  const insert = db.prepare("INSERT INTO w(rowid, x) VALUES (?, ?)");
  db.transaction(() => words.forEach((w, i) => insert.run(i + 1, w)))();
  const out = new Map<string, string[]>();
  for (const r of db.prepare("SELECT doc, term FROM v ORDER BY doc, offset").all() as { doc: number; term: string }[]) {
    const w = words[r.doc - 1]!;
    out.set(w, [...(out.get(w) ?? []), r.term]);
  }
  db.close();
  return out;
}

const WORDS = `caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized hopping tanned falling
hissing fizzed failing filing happy sky relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli
vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti
sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic
adjustable defensible irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous effective
bowdlerize probate rate cease controll roll generalizations oscillators centres centers identified identify running runs
sihanoukville emoluments whistleblowers 2020 covid19 a1b2c3 ab abc trumps pelosi's mcdonald's`.split(/\s+/);

describe("the Porter stemmer agrees with FTS5's", () => {
  it("on the classic examples and the words matching depends on", () => {
    const fts = ftsStems(WORDS);
    for (const w of WORDS) {
      const expected = fts.get(w)!;
      expect(tokens(w).map(stem), w).toEqual(expected);
    }
    expect(porterStem("generalizations")).toBe("gener");
  });

  const data = loadCheckThat();
  it.skipIf(!data)(`on every word of the fact-check corpus (${data ? CHECKTHAT_DIR : missingShared(CHECKTHAT_DIR)})`, () => {
    const words = new Set<string>();
    for (const f of data!.factChecks) for (const t of tokens(`${f.claim} ${f.title} ${f.subtitle}`)) words.add(t);
    const list = [...words];
    const fts = ftsStems(list);
    const differ = list.filter((w) => fts.get(w)?.length !== 1 || fts.get(w)![0] !== porterStem(w));
    // FTS5 stems non-ASCII words byte by byte; we leave them alone (see porter.ts).
    expect(differ.filter((w) => /^[a-z0-9]+$/.test(w))).toEqual([]);
    expect(differ.length).toBeLessThan(5);
  });
});
