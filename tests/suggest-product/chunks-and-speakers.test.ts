import { beforeAll, describe, expect, it } from "vitest";
import { POST as createSpeaker } from "@/app/api/speakers/route";
import type { Db } from "@/db/client";
import { speakers } from "@/db/schema";
import { withTx } from "@/db/tx";
import { cambodiaSource } from "@/db/seed/content/cambodia";
import { splitParagraphs } from "@/lib/anchoring";
import { codePointSlice } from "@/lib/codepoints";
import type { SuggestionDTO, SuggestionsPageDTO } from "@/lib/dto";
import { knownSpeakersIn } from "@/server/suggestions";
import { createSeededDb, idOf, installDb, tokenFor } from "../support/db";
import { call } from "../support/http";
import { apiFor } from "./support";

let db: Db;
let token: string;
let api: ReturnType<typeof apiFor>;

beforeAll(async () => {
  db = installDb(await createSeededDb());
  token = await tokenFor(db, "factchecker");
  api = apiFor(db, token);
});

const FIRST = ["Ana", "Boris", "Chiara", "Dmitri", "Esther", "Farid", "Greta", "Hiro"];
const LAST = ["Ruiz", "Novak", "Bianchi", "Volkov", "Mensah", "Haddad", "Lindgren", "Tanaka"];
const TOWNS = ["Aldwick", "Brenton", "Carrow", "Dunmore", "Elsby", "Fenwick"];

/** 48 paragraphs, each with its own named speaker and figures; emoji make code points differ from UTF-16 units. */
function longArticle(): string {
  return Array.from({ length: 48 }, (_, i) => {
    const name = `${FIRST[i % 8]} ${LAST[(i * 3) % 8]}`;
    const town = TOWNS[i % 6];
    const emoji = i % 5 === 0 ? " 🏫" : "";
    return `Councillor ${name} said on Tuesday that ${i + 3} schools in ${town} had closed since March. “We need ${10 * (i + 1)} more teachers${emoji} by September,” ${LAST[(i * 3) % 8]} said.`;
  }).join("\n\n");
}

async function readInChunks(id: number, window: number) {
  const pages: SuggestionsPageDTO[] = [];
  let start = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await api.page(id, { start, end: start + window });
    pages.push(page);
    if (page.done) break;
    start = page.range.end;
  }
  return pages;
}

const key = (s: SuggestionDTO) => `${s.content.start}-${s.content.end}`;

describe("chunked requests", () => {
  const text = longArticle();
  const paragraphs = splitParagraphs(text);
  let id: number;
  let whole: SuggestionsPageDTO;

  beforeAll(async () => {
    id = await api.createSource("School closures, town by town", text);
    whole = await api.page(id);
  });

  it("read the whole text at once when no range is given", () => {
    expect(whole.length).toBe([...text].length);
    expect(whole.length).toBeLessThan(text.length); // the emoji: two UTF-16 units, one code point
    expect(whole).toMatchObject({ range: { start: 0, end: whole.length }, done: true });
    expect(whole.items.length).toBe(96);
  });

  it("cover the text once, paragraph-aligned, with no duplicates and offsets of the whole text", async () => {
    const pages = await readInChunks(id, 700);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages[0]!.range.start).toBe(0);
    expect(pages.at(-1)!.range.end).toBe(whole.length);
    expect(pages.map((p) => p.done)).toEqual([...pages.slice(1).map(() => false), true]);
    const ends = new Set(paragraphs.map((p) => p.end));
    pages.forEach((p, i) => {
      if (i > 0) expect(p.range.start).toBe(pages[i - 1]!.range.end);
      if (!p.done) expect(ends.has(p.range.end), `range end ${p.range.end} at a paragraph end`).toBe(true);
      expect(p.length).toBe(whole.length);
      for (const s of p.items) {
        expect(s.content.start).toBeGreaterThanOrEqual(p.range.start);
        expect(s.content.start).toBeLessThan(p.range.end);
        expect(codePointSlice(text, s.content.start, s.content.end)).toBe(s.content.text);
        if (s.source) expect(codePointSlice(text, s.source.start, s.source.end)).toBe(s.source.text);
        for (const q of s.quantities) expect(codePointSlice(text, q.start, q.end)).toBe(q.text);
      }
    });
    const items = pages.flatMap((p) => p.items);
    expect(new Set(items.map(key)).size).toBe(items.length);
    // The same suggestions as reading the whole text at once, speakers included.
    expect(items).toEqual(whole.items);
  });

  it("a range that starts inside a paragraph reads from that paragraph's start; one longer than the window is read whole", async () => {
    const third = paragraphs[2]!;
    const page = await api.page(id, { start: third.start + 10, end: third.start + 20 });
    expect(page.range).toEqual({ start: third.start, end: third.end });
    expect(page.items.map((s) => s.content.text)).toEqual(whole.items.filter((s) => s.content.start >= third.start && s.content.start < third.end).map((s) => s.content.text));
  });

  it("a rejection is left out of the chunk it falls in, and counted there", async () => {
    const target = whole.items[40]!;
    expect((await api.rejectSuggestion(id, target)).status).toBe(201);
    const pages = await readInChunks(id, 2000);
    expect(pages.reduce((n, p) => n + p.rejected, 0)).toBe(1);
    expect(pages.flatMap((p) => p.items).map(key)).toEqual(whole.items.filter((s) => s !== target).map(key));
  });

  it("the annotator's own window (20,000 code points) reads the demo article in one request", async () => {
    const demo = await idOf(db, "sources", "title", cambodiaSource.title);
    const page = await api.page(demo, { start: 0, end: 20_000 });
    expect(page).toMatchObject({ range: { start: 0, end: page.length }, done: true });
  });
});

describe("known speakers given to the engine", () => {
  const names = async (text: string) => (await knownSpeakersIn(db, text)).map((s) => s.name).sort();

  it("are only those whose name or alias occurs in the text, or persons whose surname does", async () => {
    expect(await names("Bona said the report was exaggerated.")).toEqual(["Pen Bona"]);
    expect(await names("Amnesty said so, according to the UN.")).toEqual(["Amnesty International", "United Nations"]);
    // "Nations" alone is not the United Nations; an organisation needs its full name or an alias.
    expect(await names("The nations met in Geneva.")).toEqual([]);
    expect(await names("CALLAMARD’S remarks; Pen Boná")).toEqual(["Agnes Callamard", "Pen Bona"]);
    const demo = await names(cambodiaSource.text);
    expect(demo).toEqual(expect.arrayContaining(["Amnesty International", "Pen Bona", "Hun Manet", "United Nations", "US Institute for Peace", "Agnes Callamard", "Government of Cambodia"]));
  });

  it("include a speaker created a moment ago, and scale with the text, not with the number of speakers", async () => {
    const res = await call(createSpeaker, "/api/speakers", { method: "POST", token, json: { name: "Harbour Watch Collective", kind: "organisation", aliases: ["HWC"] } });
    expect(res.status).toBe(201);
    expect(await names("Members of HWC said the port was unsafe.")).toEqual(["Harbour Watch Collective"]);

    const people = Array.from({ length: 20_000 }, (_, i) => ({ name: `Person${i} Surname${i}`, kind: "person" as const, aliases: [`P. Surname${i}`] }));
    await withTx(db, async (tx) => {
      for (let i = 0; i < people.length; i += 1000) await tx.insert(speakers).values(people.slice(i, i + 1000));
    });
    const t0 = performance.now();
    expect(await names("Surname123 said the port was unsafe, Bona said.")).toEqual(["Pen Bona", "Person123 Surname123"]);
    const first = performance.now() - t0;
    const t1 = performance.now();
    for (let i = 0; i < 20; i++) await knownSpeakersIn(db, cambodiaSource.text);
    const cached = (performance.now() - t1) / 20;
    console.log(`knownSpeakersIn with ${20_000 + 20} speakers: first call ${first.toFixed(1)} ms (index built), then ${cached.toFixed(2)} ms per article`);
    expect(await names(cambodiaSource.text)).not.toContain("Person1 Surname1");
  });
});
