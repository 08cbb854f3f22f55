/* eslint-disable no-restricted-syntax -- a standalone in-memory FTS5 table used as a reference, not the app's database: the one async data path does not apply */
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { CorpusStats } from "@/lib/matching/stats";
import { MAX_TERMS, MIN_TERMS, PROBE_BUDGET, probeTerms, stage1Query, stage1Sql } from "@/lib/matching/terms";
import { stem } from "@/lib/matching/text";

// The matching index as the claim_matching migration declares it (claims_match_fts: text, quote, rationale; porter unicode61).
const db = new Database(":memory:");
db.exec(`CREATE VIRTUAL TABLE claims_fts USING fts5(text, quote, rationale, tokenize = 'porter unicode61 remove_diacritics 2')`);
const claims = [
  ["Amnesty identified 53 scam centres in Cambodia.", "", "Did Amnesty Find 53 Scam Centres? Rights group report"],
  ["A video shows Nancy Pelosi slurring her speech.", "", "Does This Video Show Nancy Pelosi Drunk?"],
  ["Oak trees were planted at Versailles to repair Notre Dame.", "", "Were Oak Trees Planted at Versailles?"],
  ["NEAR AND OR NOT are words too: near and or not.", "", "Operators as words"],
];
const insert = db.prepare("INSERT INTO claims_fts(text, quote, rationale) VALUES (?, ?, ?)");
for (const c of claims) insert.run(...c);
afterAll(() => db.close());

const stmt = db.prepare(stage1Sql());
function run(match: string | null): number[] {
  return match === null ? [] : (stmt.all(match, 50) as { id: number }[]).map((r) => r.id);
}

/** Stats that know every word, so no term is dropped for being absent from this tiny index. */
const everyWord: CorpusStats = { n: 1000, df: () => 3, avgTextLength: 10, avgHeadlineLength: 10 };
/** Stats from the table itself, as the product supplies them. */
db.exec("CREATE VIRTUAL TABLE claims_vocab USING fts5vocab(claims_fts, 'row')");
const vocab = new Map((db.prepare("SELECT term, doc FROM claims_vocab").all() as { term: string; doc: number }[]).map((r) => [r.term, r.doc]));
// As if the four claims were among 1,000: the same words, none of them common.
const fromIndex: CorpusStats = { n: 1000, df: (s) => vocab.get(s) ?? 0, avgTextLength: 9, avgHeadlineLength: 8 };

const HOSTILE = [
  "",
  "   ",
  "😀😀 🇰🇭 ❤️",
  '"',
  '""',
  '"unterminated phrase',
  "NEAR(scam centres, 2)",
  "scam AND centres OR NOT cambodia",
  "text:pelosi headline:drunk",
  "^pelosi * cam* -versailles +oak",
  "col:{text quote} : ; ( ) { } [ ]",
  "a\u0000b\u0007c \\\" '' ` ~ | & $ #",
  "Ünïcödé naïve café — Ærøskøbing ß İstanbul ΣΊΣΥΦΟΣ 北京 مرحبا",
  "x".repeat(100_000),
  "Pelosi ".repeat(20_000),
  Array.from({ length: 5000 }, (_, i) => `w${i}`).join(" "),
];

describe("stage 1: one FTS5 query from any input", () => {
  it("gives a valid expression or null for hostile input, against a real FTS5 table", () => {
    for (const input of HOSTILE) {
      for (const stats of [everyWord, fromIndex]) {
        const { match, terms } = stage1Query(input, stats);
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
        if (match !== null) expect(match).toMatch(/^"[^"]+"( OR "[^"]+")*$/);
        expect(() => run(match), JSON.stringify(input.slice(0, 60))).not.toThrow();
      }
    }
  });

  it("never produces an invalid expression for random strings of operators and words", () => {
    const piece = fc.constantFrom('"', "*", "^", ":", "(", ")", "NEAR(", "AND", "OR", "NOT", "-", "+", "{", "}", " ", "scam", "Pelosi", "é", "😀", "\\", "'", ",");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.string({ maxLength: 40 }), (pieces, noise) => {
        const input = pieces.join("") + noise;
        const { match } = stage1Query(input, everyWord);
        run(match);
      }),
      { numRuns: 500 },
    );
  });

  it("finds the claim a post repeats, ignoring the post's handles and links", () => {
    const { match, terms } = stage1Query("@ABC Amnesty says 53 scam centres still run in Cambodia https://t.co/x — Reporter (@rep) May 1, 2024", fromIndex);
    expect(terms).toContain("cambodia");
    expect(terms).not.toContain("abc");
    expect(terms).not.toContain("rep");
    expect(run(match)[0]).toBe(1);
  });

  it("keeps the rarest terms when a post has too many", () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const stats: CorpusStats = { ...everyWord, df: (s) => (s === "zanzibar" ? 1 : 10) };
    const { terms } = stage1Query(`${words} Zanzibar`, stats);
    expect(terms).toHaveLength(MAX_TERMS);
    expect(terms[0]).toBe("zanzibar");
  });

  it("leaves out words common in the archive, unless too few words remain", () => {
    const stats: CorpusStats = { ...everyWord, df: (s) => ({ trump: 400, video: 300, photo: 200, show: 100, zanzibar: 2 })[s] ?? 0 };
    expect(stage1Query("Trump video photo shows Zanzibar", stats).terms).toEqual(["zanzibar", "shows", "photo", "video"]);
    const rich = "Trump video shows Zanzibar ferry capsized near Pemba island monsoon";
    const richStats: CorpusStats = { ...everyWord, df: (s) => ({ trump: 400, video: 300 })[s] ?? 5 };
    expect(stage1Query(rich, richStats).terms).not.toContain("trump");
    expect(stage1Query(rich, richStats).terms.length).toBeGreaterThanOrEqual(MIN_TERMS);
  });
});

describe("a bounded stage 1's probe (PostgreSQL)", () => {
  const counts = new Map(Object.entries({ versailles: 40, oak: 900, notre: 1500, dame: 2100, trees: 2900 }).map(([w, n]) => [stem(w), n]));
  const stats: CorpusStats = { n: 100_000, df: (s) => counts.get(s) ?? 0, avgTextLength: 10, avgHeadlineLength: 10 };
  const terms = stage1Query("Oak trees from Versailles rebuilt the roof of Notre Dame", stats).terms;

  it("probes the rarest terms while their claims add up to the budget, each with its idf", () => {
    expect(terms.slice(0, 5)).toEqual(["versailles", "oak", "notre", "dame", "trees"]);
    const probed = probeTerms(terms, stats, 5000);
    // 40 + 900 + 1500 + 2100 = 4540 ≤ 5000; the trees' 2900 more would pass it.
    expect(probed.map((p) => p.word)).toEqual(["versailles", "oak", "notre", "dame"]);
    expect(probed[0]!.idf).toBeGreaterThan(probed[1]!.idf);
    expect(probed[3]!.idf).toBeGreaterThan(0);
    expect(probeTerms(terms, stats, 100_000).map((p) => p.word)).toEqual(terms);
  });

  it("always probes the rarest term, however common", () => {
    expect(probeTerms(terms, stats, 10).map((p) => p.word)).toEqual(["versailles"]);
    const common: CorpusStats = { ...stats, df: () => 3 * PROBE_BUDGET };
    expect(probeTerms(["health", "care"], common).map((p) => p.word)).toEqual(["health"]);
    expect(probeTerms([], stats)).toEqual([]);
  });
});
