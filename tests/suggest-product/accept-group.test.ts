import { beforeAll, describe, expect, it } from "vitest";
import { POST as acceptRoute } from "@/app/api/sources/[id]/suggestions/accept/route";
import type { Db } from "@/db/client";
import type { ClaimDTO } from "@/lib/dto";
import { ACCEPT_SUGGESTIONS_MAX } from "@/lib/schemas";
import { all, idOf, num, seededApi } from "../support/db";
import { call } from "../support/http";
import { refused } from "../support/refused";
import { apiFor } from "./support";

let db: Db;
let fc: string;
let api: ReturnType<typeof apiFor>;
let bona: number;

beforeAll(async () => {
  ({ db, factchecker: fc } = await seededApi("factchecker"));
  api = apiFor(db, fc);
  bona = await idOf(db, "speakers", "name", "Pen Bona");
});

const TEXT = [
  "Port director Miriam Okafor said cargo volumes rose by 12 percent last year, the fastest growth in a decade.",
  "Tomas Lindqvist, who leads the dock workers’ union, said the authority was ignoring safety complaints from night crews.",
  "Lindqvist added that two cranes had failed inspections this spring.",
  "Pen Bona said the port would publish its safety records in June.",
].join("\n\n");

/** The span of `words` in `text` (code points), as a suggestion's content carries it. */
function span(text: string, words: string) {
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in the text`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...words].length, exact: words };
}

const CARGO = span(TEXT, "cargo volumes rose by 12 percent last year, the fastest growth in a decade");
const SAFETY = span(TEXT, "the authority was ignoring safety complaints from night crews");
const CRANES = span(TEXT, "two cranes had failed inspections this spring");
const RECORDS = span(TEXT, "the port would publish its safety records in June");

/** The call's init: as the fact-checker, or anonymous with `token` null. */
const accept = (sourceId: number, json: unknown, token: string | null = fc) => ({ method: "POST", token: token ?? undefined, params: { id: String(sourceId) }, json });
const url = (sourceId: number) => `/api/sources/${sourceId}/suggestions/accept`;

describe("accepting a group of suggestions", () => {
  it("makes a draft claim of each in one request, a new speaker named by two made once, each in the audit log", async () => {
    const id = await api.createSource("Harbour safety", TEXT);
    const speakersBefore = await num(db, "SELECT count(*) FROM speakers");
    const items = [
      { text: "Cargo volumes rose by 12 percent last year", anchor: CARGO, speaker: { name: "Miriam Okafor" } },
      { text: "The port authority is ignoring safety complaints from night crews", anchor: SAFETY, speaker: { name: "Tomas Lindqvist" } },
      { text: "Two cranes failed inspections this spring", anchor: CRANES, speaker: { name: "tomas lindqvist" } },
      { text: "The port will publish its safety records in June", anchor: RECORDS, speakerId: bona, statedOn: "2025-05-02" },
    ];
    const res = await call(acceptRoute, url(id), accept(id, { items }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const made = res.body.items as ClaimDTO[];
    expect(made.map((c) => [c.text, c.speaker.name, c.status, c.quote, c.anchor?.start, c.statedOn])).toEqual([
      [items[0]!.text, "Miriam Okafor", "draft", CARGO.exact, CARGO.start, null],
      [items[1]!.text, "Tomas Lindqvist", "draft", SAFETY.exact, SAFETY.start, null],
      [items[2]!.text, "Tomas Lindqvist", "draft", CRANES.exact, CRANES.start, null],
      [items[3]!.text, "Pen Bona", "draft", RECORDS.exact, RECORDS.start, "2025-05-02"],
    ]);
    expect(made[1]!.speaker.id).toBe(made[2]!.speaker.id);
    expect(await num(db, "SELECT count(*) FROM speakers")).toBe(speakersBefore + 2);
    // Each claim's create event says where it came from; the two new speakers have theirs.
    const created = await all<{ entity_id: string; comment: string }>(db, "SELECT entity_id, comment FROM events WHERE entity_type = 'claim' AND action = 'create' AND entity_id IN (?, ?, ?, ?) ORDER BY id", ...made.map((c) => String(c.id)));
    expect(created).toEqual(made.map((c, i) => ({ entity_id: String(c.id), comment: `accepted from a claim suggestion (${i + 1} of 4)` })));
    expect(await num(db, "SELECT count(*) FROM events WHERE entity_type = 'speaker' AND action = 'create' AND entity_id IN (?, ?)", String(made[0]!.speaker.id), String(made[1]!.speaker.id))).toBe(2);
    expect((await api.page(id)).claimed).toBeGreaterThan(0);
  });

  it("writes nothing when one suggestion is refused, and names it: its place, its words, its field", async () => {
    const id = await api.createSource("Harbour safety, refused", TEXT);
    // The first items are good (one with a new speaker): a group saved item by item would leave them behind.
    const good = [
      { text: "Cargo volumes rose by 12 percent last year", anchor: CARGO, speaker: { name: "Miriam Okafor-Refused" } },
      { text: "The port authority is ignoring safety complaints", anchor: SAFETY, speakerId: bona },
    ];
    const stale = await refused(db, acceptRoute, url(id), accept(id, { items: [...good, { text: "Two cranes failed", anchor: { ...CRANES, exact: "three cranes had failed inspections this spring" }, speakerId: bona }] }), 400, ["items.2.anchor.exact"]);
    expect(stale.body.error.message).toMatch(/^Suggestion 3 of 3 \(“three cranes had failed inspections this spring”\) cannot be saved, so none was: The selected text does not match/);
    const pastEnd = await refused(db, acceptRoute, url(id), accept(id, { items: [good[0], { text: "Past the end", anchor: { start: 5000, end: 5010, exact: "0123456789" }, speakerId: bona }, good[1]] }), 400, ["items.1.anchor.end"]);
    expect(pastEnd.body.error.message).toMatch(/^Suggestion 2 of 3 \(“0123456789”\)/);
    await refused(db, acceptRoute, url(id), accept(id, { items: [...good, { text: "Tagged", anchor: CRANES, speaker: { name: "R-Utah" } }] }), 400, ["items.2.speaker.name"]);
    await refused(db, acceptRoute, url(id), accept(id, { items: [{ ...good[1], speakerId: 999_999 }, good[0]] }), 400, ["items.0.speakerId"]);
    expect(await num(db, "SELECT count(*) FROM claims WHERE source_id = ?", id)).toBe(0);
    expect(await num(db, "SELECT count(*) FROM speakers WHERE name = 'Miriam Okafor-Refused'")).toBe(0);
  });

  it("validates the body as a claim's, and refuses an unknown source and an anonymous caller", async () => {
    const id = await api.createSource("Harbour safety, invalid", TEXT);
    const one = { text: "Cargo volumes rose", anchor: CARGO, speakerId: bona };
    await refused(db, acceptRoute, url(id), accept(id, {}), 400, ["items"]);
    await refused(db, acceptRoute, url(id), accept(id, { items: [] }), 400, ["items"]);
    await refused(db, acceptRoute, url(id), accept(id, { items: Array.from({ length: ACCEPT_SUGGESTIONS_MAX + 1 }, () => one) }), 400, ["items"]);
    await refused(db, acceptRoute, url(id), accept(id, { items: [one, { ...one, speaker: { name: "Both" } }] }), 400, ["items.1.speakerId"]);
    await refused(db, acceptRoute, url(id), accept(id, { items: [{ ...one, text: "  " }] }), 400, ["items.0.text"]);
    await refused(db, acceptRoute, url(id), accept(id, { items: [{ ...one, anchor: { start: 9, end: 3, exact: "x" } }] }), 400, ["items.0.anchor.end"]);
    await refused(db, acceptRoute, url(id), accept(id, { items: [{ ...one, sourceId: id }] }), 400);
    await refused(db, acceptRoute, url(999_999), accept(999_999, { items: [one] }), 404);
    await refused(db, acceptRoute, url(id), accept(id, { items: [one] }, null), 401);
  });

  it("takes the engine's suggestions as the annotator sends them", async () => {
    const id = await api.createSource("Harbour safety, suggested", TEXT);
    const suggested = (await api.page(id)).items.filter((s) => s.speaker);
    expect(suggested.length).toBeGreaterThan(1);
    const items = suggested.map((s) => ({
      text: s.statement,
      anchor: { start: s.content.start, end: s.content.end, exact: s.content.text },
      ...(s.speaker!.speakerId !== null ? { speakerId: s.speaker!.speakerId } : { speaker: { name: s.speaker!.name, kind: s.speaker!.kind, affiliationId: null } }),
    }));
    const res = await call(acceptRoute, url(id), accept(id, { items }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body.items as ClaimDTO[]).map((c) => [c.text, c.quote])).toEqual(suggested.map((s) => [s.statement, s.content.text]));
    // Made into claims, they are not proposed again.
    const after = await api.page(id);
    expect(after.items.filter((s) => s.speaker)).toEqual([]);
    expect(after.claimed).toBe(suggested.length);
  });
});
