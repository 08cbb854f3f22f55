import { beforeAll, describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/search/route";
import type { Db } from "@/db/client";
import { ANONYMOUS, type Viewer } from "@/lib/model";
import { searchQuerySchema } from "@/lib/schemas";
import type { SearchPageDTO } from "@/lib/search-query";
import { search } from "@/server/search";
import { editDistance, foldWord } from "@/server/search/spelling";
import { all, createSeededDb, idOf, insertId, installDb, num, run, viewerFor } from "../support/db";
import { call } from "../support/http";

/**
 * "Did you mean": the spelling index (search_words, kept by triggers) and the corrections search
 * makes with it, on both engines. The words are invented so that the demo data holds none of them.
 */

let db: Db;
let staff: Viewer;
let speaker: number;

const find = (viewer: Viewer, params: Record<string, unknown>) => search(db, viewer, searchQuerySchema.parse(params));
const claimIds = (page: SearchPageDTO) => page.items.filter((r) => r.type === "claim").map((r) => r.id);
const claim = (text: string, status = "published", quote: string | null = null) =>
  insertId(db, "INSERT INTO claims (text, quote, speaker_id, status) VALUES (?, ?, ?, ?)", text, quote, speaker, status);
const counts = async (word: string) =>
  (await all<{ claims: number; public_claims: number; speakers: number; sources: number }>(db, "SELECT claims, public_claims, speakers, sources FROM search_words WHERE word = ?", word)).map((r) => ({
    claims: Number(r.claims),
    public: Number(r.public_claims),
    speakers: Number(r.speakers),
    sources: Number(r.sources),
  }))[0] ?? null;

let cummingsClaims: number[] = [];

beforeAll(async () => {
  db = installDb(await createSeededDb());
  staff = await viewerFor(db, "factchecker");
  speaker = await idOf(db, "speakers", "name", "Pen Bona");
  await insertId(db, "INSERT INTO speakers (name, kind, aliases) VALUES ('Elijah Cummings', 'person', '[\"Rep. Cummings\"]')");
  cummingsClaims = [];
  for (let i = 0; i < 6; i++) cummingsClaims.push(await claim(`Cummings asked whether congressional immunity covers witness number ${i}`));
  for (let i = 0; i < 3; i++) await claim(`The zanzibarian immunity hearings resumed, session ${i}`);
  // A rare word two edits from a frequent one, and one with no neighbour at all.
  for (let i = 0; i < 60; i++) await claim(`Regulators found poison in batch ${i}`);
  await claim("A lone bison crossed the county road");
  await claim("The quillwort harvest was recorded once");
  // Words only drafts hold.
  await claim("The vexillorian committee met in secret", "draft");
});

describe("the spelling index", () => {
  it("counts every word of claims, speakers and sources as typed, folded but not stemmed", async () => {
    expect(await counts("cummings")).toEqual({ claims: 6, public: 6, speakers: 1, sources: 0 });
    expect(await counts("immunity")).toMatchObject({ claims: 9, public: 9 });
    expect(await counts("vexillorian")).toEqual({ claims: 1, public: 0, speakers: 0, sources: 0 });
    // Short words and words with digits are not spelling words.
    expect(await counts("in")).toBeNull();
  });

  it("follows edits, publication, withdrawal and deletion", async () => {
    const id = await claim("The marzipanic committee voted", "draft");
    expect(await counts("marzipanic")).toEqual({ claims: 1, public: 0, speakers: 0, sources: 0 });
    await run(db, "UPDATE claims SET status = 'published' WHERE id = ?", id);
    expect(await counts("marzipanic")).toMatchObject({ claims: 1, public: 1 });
    await run(db, "UPDATE claims SET text = 'The marzipanic and plumbific committees voted' WHERE id = ?", id);
    expect(await counts("marzipanic")).toMatchObject({ claims: 1, public: 1 });
    expect(await counts("plumbific")).toMatchObject({ claims: 1, public: 1 });
    await run(db, "UPDATE claims SET status = 'archived', text = 'The plumbific committee voted' WHERE id = ?", id);
    expect(await counts("marzipanic")).toMatchObject({ claims: 0, public: 0 });
    expect(await counts("plumbific")).toMatchObject({ claims: 1, public: 0 });
    await run(db, "DELETE FROM claims WHERE id = ?", id);
    expect(await counts("plumbific")).toMatchObject({ claims: 0, public: 0 });
    // A word's trigrams are there to find it by.
    expect(await num(db, "SELECT count(*) FROM search_word_trigrams WHERE word = 'plumbific'")).toBe("plumbific".length + 1);
  });

  it("follows speakers' names and aliases and sources' titles and texts", async () => {
    const who = await insertId(db, "INSERT INTO speakers (name, kind, aliases) VALUES ('Ottoline Quarrendon', 'person', '[]')");
    expect(await counts("quarrendon")).toMatchObject({ speakers: 1 });
    await run(db, "UPDATE speakers SET aliases = '[\"Lady Quarrendon\", \"Ottie Brackwater\"]' WHERE id = ?", who);
    expect(await counts("quarrendon")).toMatchObject({ speakers: 1 });
    expect(await counts("brackwater")).toMatchObject({ speakers: 1 });
    const source = await insertId(db, "INSERT INTO sources (title, kind, text) VALUES ('Brackwater report', 'article', 'The Brackwater estuary flooded twice.')");
    expect(await counts("brackwater")).toMatchObject({ speakers: 1, sources: 1 });
    expect(await counts("estuary")).toMatchObject({ sources: 1 });
    await run(db, "UPDATE sources SET text = 'The delta flooded twice.' WHERE id = ?", source);
    expect(await counts("estuary")).toMatchObject({ sources: 0 });
    expect(await counts("brackwater")).toMatchObject({ sources: 1 });
  });
});

describe("did you mean", () => {
  it("corrects misspelt words to the nearest frequent ones and searches for those", async () => {
    const page = await find(ANONYMOUS, { q: "Cumings imunity", type: "claim" });
    expect(page.correction).toEqual({
      typed: "Cumings imunity",
      query: "Cummings immunity",
      words: [
        { from: "cumings", to: "cummings" },
        { from: "imunity", to: "immunity" },
      ],
    });
    expect(page.understood).toBe("cummings immunity");
    expect(page.mode).toBe("all");
    expect(claimIds(page).sort()).toEqual([...cummingsClaims].sort());
  });

  it("corrects names for staff, and finds the speaker", async () => {
    // Readers' corrections draw on published claims' words only (a speaker's or source's name
    // counts for staff: the counts cannot tell whether readers may see that speaker yet).
    const page = await find(staff, { q: "Elija Cumings" });
    expect(page.correction?.words).toEqual([
      { from: "elija", to: "elijah" },
      { from: "cumings", to: "cummings" },
    ]);
    expect(page.items[0]).toMatchObject({ type: "speaker", speaker: { name: "Elijah Cummings" } });
  });

  it("never corrects a reader's word to a speaker's name that no published claim holds", async () => {
    await run(db, "INSERT INTO speakers (name, kind, aliases, created_at, updated_at, version) VALUES ('Zebedeus Quarrington', 'person', '[]', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 1)");
    expect((await find(ANONYMOUS, { q: "Quarington" })).correction).toBeNull();
    expect((await find(staff, { q: "Quarington" })).correction?.words).toEqual([{ from: "quarington", to: "quarrington" }]);
  });

  it("leaves a correct rare word alone, even two edits from a frequent one", async () => {
    for (const q of ["bison", "quillwort", "poison"]) {
      const page = await find(ANONYMOUS, { q, type: "claim" });
      expect(page.correction, q).toBeNull();
      expect(page.items.length, q).toBeGreaterThan(0);
    }
    expect(claimIds(await find(ANONYMOUS, { q: "bison" }))).toHaveLength(1);
  });

  it("shows no correction for a good query, a prefix or figures, nor when asked to search as typed", async () => {
    for (const q of ["congressional immunity", "immunit*", "witness 3", "\"congressional immunity\""]) expect((await find(ANONYMOUS, { q })).correction, q).toBeNull();
    const asTyped = await find(ANONYMOUS, { q: "Cumings imunity", spell: "off" });
    expect(asTyped.correction).toBeNull();
    expect(asTyped.items).toEqual([]);
    expect(asTyped.understood).toBe("cumings imunity");
  });

  it("corrects the words of a phrase, and keeps the phrase", async () => {
    const page = await find(ANONYMOUS, { q: '"congresional imunity"', type: "claim" });
    expect(page.correction?.query).toBe('"congressional immunity"');
    expect(claimIds(page).sort()).toEqual([...cummingsClaims].sort());
  });

  it("never draws a reader's correction from a word only drafts hold", async () => {
    const reader = await find(ANONYMOUS, { q: "vexilorian" });
    expect(reader.correction).toBeNull();
    expect(reader.items).toEqual([]);
    const editor = await find(staff, { q: "vexilorian" });
    expect(editor.correction?.words).toEqual([{ from: "vexilorian", to: "vexillorian" }]);
    expect(editor.items.length).toBe(1);
    // Published, it becomes a reader's word; withdrawn, it is no longer one.
    const id = await idOf(db, "claims", "text", "The vexillorian committee met in secret");
    await run(db, "UPDATE claims SET status = 'published' WHERE id = ?", id);
    expect((await find(ANONYMOUS, { q: "vexilorian" })).correction?.query).toBe("vexillorian");
    await run(db, "UPDATE claims SET status = 'archived' WHERE id = ?", id);
    expect((await find(ANONYMOUS, { q: "vexilorian" })).correction).toBeNull();
  });

  it("answers the correction in /api/search, and refuses a bad spell value naming it", async () => {
    const res = await call(searchRoute, `/api/search?q=${encodeURIComponent("imunity")}&type=claim`);
    expect(res.status).toBe(200);
    expect(res.body.correction).toEqual({ typed: "imunity", query: "immunity", words: [{ from: "imunity", to: "immunity" }] });
    expect(res.body.items.length).toBeGreaterThan(0);
    const off = await call(searchRoute, `/api/search?q=imunity&spell=off`);
    expect(off.body.correction).toBeNull();
    const bad = await call(searchRoute, `/api/search?q=imunity&spell=maybe`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("spell");
  });
});

describe("edit distance", () => {
  it("counts insertions, deletions, substitutions and transpositions, and stops past the bound", () => {
    expect(editDistance("imunity", "immunity", 2)).toBe(1);
    expect(editDistance("teh", "the", 1)).toBe(1);
    expect(editDistance("bison", "poison", 2)).toBe(2);
    expect(editDistance("cat", "dogs", 1)).toBe(2);
    expect(foldWord("Élysée")).toBe("elysee");
  });
});
