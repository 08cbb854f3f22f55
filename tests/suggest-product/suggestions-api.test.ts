import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { cambodiaSource } from "@/db/seed/content/cambodia";
import { codePointSlice } from "@/lib/codepoints";
import type { SuggestionDTO } from "@/lib/dto";
import { suggestClaims } from "@/lib/suggest";
import { coversHalf } from "@/server/suggestions";
import { all, createSeededDb, get, idOf, installDb, num, parseJson, snapshot, tokenFor } from "../support/db";
import { apiFor, contents, withContent } from "./support";

let db: Db;
let api: ReturnType<typeof apiFor>;
let demoId: number;
let speakerIds: Record<string, number>;

beforeAll(async () => {
  db = installDb(await createSeededDb());
  api = apiFor(db, await tokenFor(db, "factchecker"));
  demoId = await idOf(db, "sources", "title", cambodiaSource.title);
  speakerIds = Object.fromEntries(await Promise.all(["Amnesty International", "Pen Bona", "United Nations", "US Institute for Peace"].map(async (n) => [n, await idOf(db, "speakers", "name", n)] as const)));
});

/** Every text span of a suggestion is the source's text at its offsets (code points). */
function expectSpansOf(text: string, items: SuggestionDTO[]) {
  for (const s of items) {
    expect(codePointSlice(text, s.content.start, s.content.end)).toBe(s.content.text);
    if (s.source) expect(codePointSlice(text, s.source.start, s.source.end)).toBe(s.source.text);
    if (s.cue) expect(codePointSlice(text, s.cue.start, s.cue.end)).toBe(s.cue.text);
    for (const q of s.quantities) expect(codePointSlice(text, q.start, q.end)).toBe(q.text);
  }
}

describe("suggestions on the seeded demo article", () => {
  it("leave out every span the demo already has a claim on", async () => {
    const page = await api.page(demoId);
    expect(page).toMatchObject({ range: { start: 0, end: page.length }, done: true, rejected: 0 });
    expectSpansOf(cambodiaSource.text, page.items);
    // The engine finds the four findings, but each is a seeded claim already.
    const engine = suggestClaims(cambodiaSource.text).map((s) => codePointSlice(cambodiaSource.text, s.content.start, s.content.end));
    for (const needle of ["53 scam centers", "exaggerated", "100,000 people", "US$12.5 billion"]) {
      expect(engine.some((c) => c.includes(needle)), needle).toBe(true);
      expect(contents(page.items).some((c) => c.includes(needle)), needle).toBe(false);
    }
    const claims = (await all(db, "SELECT anchor_start AS start, anchor_end AS end FROM claims WHERE source_id = ? AND anchor_state = 'anchored'", demoId)) as { start: number; end: number }[];
    expect(page.claimed).toBeGreaterThanOrEqual(4);
    expect(page.claimed + page.fragments + page.items.length).toBe(engine.length);
    for (const s of page.items) expect(claims.filter((c) => coversHalf(c, s.content)), s.content.text).toEqual([]);
  });

  it("on a fresh copy of the article, proposes the four findings with the existing speakers and their figures", async () => {
    const id = await api.createSource("Copy of the demo article", cambodiaSource.text);
    const { items, claimed } = await api.page(id);
    expect(claimed).toBe(0);
    expectSpansOf(cambodiaSource.text, items);

    const centers = withContent(items, "53 scam centers");
    expect(centers.source?.text).toBe("the London-based rights group");
    expect(centers.cue?.text).toBe("said");
    expect(centers.speaker).toEqual({ name: "Amnesty International", kind: "organisation", speakerId: speakerIds["Amnesty International"], speakerName: "Amnesty International" });
    expect(centers.quantities.find((q) => q.value === 53)).toMatchObject({ text: "53 scam centers", counted: "scam centers" });
    expect(centers.scoreParts).toEqual({ quantities: expect.any(Number), comparisons: expect.any(Number), namedEntities: expect.any(Number), attribution: 0.8, hedges: expect.any(Number) });

    // Each comes with its confidence group and the claim text to prefill: speaker and cue stripped.
    expect(centers).toMatchObject({ group: expect.stringMatching(/^(high|medium)$/), confidence: expect.any(Number) });
    expect(centers.statement).toMatch(/^It had identified 53 scam centers/);
    expect(items.every((s) => !/^(of|about|for)\b/i.test(s.content.text) && s.content.text.split(/\s+/).length >= 3)).toBe(true);

    expect(withContent(items, "exaggerated").speaker).toMatchObject({ name: "Pen Bona", kind: "person", speakerId: speakerIds["Pen Bona"] });
    const un = withContent(items, "100,000 people");
    expect(un).toMatchObject({ kind: "according-to", speaker: { speakerId: speakerIds["United Nations"], speakerName: "United Nations" } });
    expect(un.quantities.find((q) => q.value === 100000)).toMatchObject({ comparator: "up-to", counted: "people" });
    const usip = withContent(items, "US$12.5 billion");
    expect(usip.speaker).toMatchObject({ name: "US Institute for Peace", speakerId: speakerIds["US Institute for Peace"] });
    expect(usip.quantities.find((q) => q.unit === "USD")).toMatchObject({ value: 12.5e9, comparator: "more-than" });

    // Claiming the span (here the seeded claim's shorter quote inside it) drops the suggestion.
    const quote = "it had identified 53 scam centers around the country";
    const start = centers.content.start;
    await api.claimSpan(id, speakerIds["Amnesty International"]!, { start, end: start + quote.length, exact: quote });
    const after = await api.page(id);
    expect(after.claimed).toBe(1);
    expect(contents(after.items)).toEqual(contents(items).filter((c) => c !== centers.content.text));
  });
});

/** An article written for these tests; the last sentence repeats the second one's claim. */
const ARTICLE = [
  "The harbour authority said on Monday that cargo volumes rose by 12 percent last year, the fastest growth in a decade.",
  "Port director Miriam Okafor said the new cranes had cut waiting times for ships by half.",
  "Tomas Lindqvist, who leads the dock workers’ union, said the authority was ignoring safety complaints from night crews.",
  "“We will not accept another fatal accident,” Lindqvist said.",
  "According to the city audit office, the expansion cost 340 million euros, twice the original estimate.",
  "Okafor said the new cranes had cut waiting times for ships by half.",
].join("\n\n");

describe("rejected suggestions", () => {
  let id: number;
  let first: SuggestionDTO[];

  beforeAll(async () => {
    id = await api.createSource("Harbour figures", ARTICLE);
    first = (await api.page(id)).items;
    expect(contents(first)).toEqual([
      "that cargo volumes rose by 12 percent last year, the fastest growth in a decade",
      "the new cranes had cut waiting times for ships by half",
      "the authority was ignoring safety complaints from night crews",
      "“We will not accept another fatal accident,”",
      "the expansion cost 340 million euros, twice the original estimate",
      "the new cranes had cut waiting times for ships by half",
    ]);
    expect(withContent(first, "ignoring safety").speaker).toEqual({ name: "Tomas Lindqvist", kind: "person", speakerId: null, speakerName: null });
  });

  it("are not proposed again, are recorded with an audit event, and a second rejection changes nothing", async () => {
    const union = withContent(first, "ignoring safety");
    const events = await num(db, "SELECT count(*) FROM events");
    const res = await api.rejectSuggestion(id, union);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ sourceId: id, revision: 1, start: union.content.start, end: union.content.end, exact: union.content.text, created: true });
    const event = (await get(db, "SELECT * FROM events ORDER BY id DESC LIMIT 1")) as Record<string, string>;
    expect(event).toMatchObject({ entity_type: "source", entity_id: String(id), action: "suggestion-reject" });
    expect(parseJson(event.after)).toMatchObject({ start: union.content.start, exact: union.content.text });
    expect(await num(db, "SELECT count(*) FROM events")).toBe(events + 1);

    const page = await api.page(id);
    expect(page.rejected).toBe(1);
    expect(contents(page.items)).toEqual(contents(first).filter((c) => c !== union.content.text));

    const before = await snapshot(db, ["api_tokens"]);
    const again = await api.rejectSuggestion(id, union);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: res.body.id, created: false });
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
  });

  it("apply at their own position: rejecting one of two identical suggestions keeps the other", async () => {
    const twins = first.filter((s) => s.content.text === "the new cranes had cut waiting times for ships by half");
    expect((await api.rejectSuggestion(id, twins[1]!)).status).toBe(201);
    const page = await api.page(id);
    expect(page.rejected).toBe(2);
    expect(page.items.filter((s) => s.content.text === twins[0]!.content.text).map((s) => s.content.start)).toEqual([twins[0]!.content.start]);
  });

  it("survive a revision that keeps their words (re-anchored), but not one that changes them", async () => {
    const lead = "Updated on Tuesday with the union’s comment. 🚢";
    await api.reviseText(id, `${lead}\n\n${ARTICLE}`);
    const shift = [...lead].length + 2;
    const page = await api.page(id);
    expectSpansOf(`${lead}\n\n${ARTICLE}`, page.items);
    expect(page.rejected).toBe(2);
    expect(contents(page.items)).not.toContain("the authority was ignoring safety complaints from night crews");
    const twins = page.items.filter((s) => s.content.text === "the new cranes had cut waiting times for ships by half");
    expect(twins.map((s) => s.content.start)).toEqual([first[1]!.content.start + shift]);
    expect(withContent(page.items, "12 percent").content.start).toBe(first[0]!.content.start + shift);

    // The union's sentence reworded: a new suggestion, proposed again.
    const reworded = `${lead}\n\n${ARTICLE.replace("ignoring safety complaints from night crews", "ignoring safety complaints from the night crews")}`;
    await api.reviseText(id, reworded);
    const later = await api.page(id);
    expect(later.rejected).toBe(1);
    expect(withContent(later.items, "ignoring safety").content.text).toBe("the authority was ignoring safety complaints from the night crews");
    expect(later.items.filter((s) => s.content.text === "the new cranes had cut waiting times for ships by half")).toHaveLength(1);
  });
});

describe("bad input and callers who may not", () => {
  const text = async () => ((await get(db, "SELECT text FROM sources WHERE id = ?", demoId)) as { text: string }).text;

  it("a rejection whose span is not the text there is a 400 naming the field, and changes nothing", async () => {
    const before = await snapshot(db, ["api_tokens"]);
    const exact = codePointSlice(await text(), 10, 40);
    const cases: [unknown, string][] = [
      [{ start: 11, end: 41, exact }, "exact"],
      [{ start: 10, end: 40, exact: exact.toUpperCase() }, "exact"],
      [{ start: 10, end: 999_999, exact }, "end"],
      [{ start: 40, end: 10, exact }, "end"],
      [{ start: -1, end: 40, exact }, "start"],
      [{ start: 10, end: 40 }, "exact"],
      [{ start: "10", end: 40, exact }, "start"],
      [{ start: 10, end: 40, exact: "" }, "exact"],
    ];
    for (const [json, field] of cases) {
      const res = await api.reject(demoId, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.fields, JSON.stringify(res.body)).toHaveProperty([field]);
    }
    expect((await api.reject(demoId, "{ not json")).status).toBe(400);
    expect((await api.reject(999_999, { start: 10, end: 40, exact })).status).toBe(404);
    expect((await api.reject(Number.NaN, { start: 10, end: 40, exact })).status).toBe(400);
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
  });

  it("a range outside the text or reversed is a 400 naming the field; an unknown source a 404", async () => {
    const length = [...await text()].length;
    for (const [json, field] of [
      [{ start: length + 1 }, "start"],
      [{ start: 100, end: 50 }, "end"],
      [{ start: -5 }, "start"],
      [{ start: 1.5 }, "start"],
      [{ end: "all" }, "end"],
    ] as const) {
      const res = await api.suggest(demoId, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.fields).toHaveProperty([field]);
    }
    expect((await api.suggest(demoId, "[1,")).status).toBe(400);
    expect((await api.suggest(999_999)).status).toBe(404);
    // At the very end: nothing more to read.
    expect(await api.page(demoId, { start: length })).toMatchObject({ items: [], range: { start: length, end: length }, done: true });
  });

  it("anonymous callers get 401, a bad token 401, a cross-site cookie request 403; editors may", async () => {
    const span = { start: 0, end: 8, exact: codePointSlice(await text(), 0, 8) };
    const before = await snapshot(db, ["api_tokens"]);
    for (const init of [{ token: "" }, { token: "cp_not-a-real-token" }]) {
      expect((await api.suggest(demoId, {}, init)).status).toBe(401);
      expect((await api.reject(demoId, span, init)).status).toBe(401);
    }
    const crossSite = { token: "", headers: { cookie: "better-auth.session_token=x", origin: "https://evil.example" } };
    expect((await api.suggest(demoId, {}, crossSite)).status).toBe(403);
    expect((await api.reject(demoId, span, crossSite)).status).toBe(403);
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);

    const editor = apiFor(db, await tokenFor(db, "editor"));
    expect((await editor.suggest(demoId)).status).toBe(200);
    expect((await editor.reject(demoId, span)).status).toBe(201);
  });
});
