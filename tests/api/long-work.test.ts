import { beforeAll, describe, expect, it } from "vitest";
import { GET as searchRoute } from "@/app/api/search/route";
import { GET as listStoriesRoute } from "@/app/api/stories/route";
import type { Db } from "@/db/client";
import { codePointLength } from "@/lib/codepoints";
import { DeadlineError } from "@/lib/errors";
import { MAX_SOURCE_TEXT_BYTES, SUGGESTION_RANGE_MAX } from "@/lib/schemas";
import { offload } from "@/server/offload";
import { apiFor } from "../suggest-product/support";
import { all, createSeededDb, idOf, installDb, tokenFor } from "../support/db";
import { call } from "../support/http";

/**
 * Work that grows with its input (claim suggestions, re-anchoring a long revision) runs on a
 * worker thread: meanwhile the server answers other requests at once. This is the one timing
 * check the suite makes, as the issue asks (a cheap request within 200 ms while the heaviest
 * allowed request runs); throughput is measured in `npm run bench -- load`.
 */

let db: Db;
let api: ReturnType<typeof apiFor>;
let speakerId: number;

beforeAll(async () => {
  db = installDb(await createSeededDb());
  api = apiFor(db, await tokenFor(db, "factchecker"));
  speakerId = await idOf(db, "speakers", "name", "Pen Bona");
});

const REVISION_BYTES = 256 * 1024;

const NAMES = ["Ana Ruiz", "Boris Novak", "Chiara Bianchi", "Dmitri Volkov", "Esther Mensah", "Farid Haddad"];

/** A paragraph dense with attributed figures: what the suggestion engine works hardest on. */
function paragraph(i: number): string {
  const name = NAMES[i % NAMES.length]!;
  return `Councillor ${name} said on Tuesday that ${i + 3} schools in district ${i} had closed since March, and that ${(i * 7) % 100} per cent of pupils had moved. “We need ${10 * (i + 1)} more teachers by September,” ${name.split(" ")[1]} told reporters, adding that the budget of $${i + 2} million was “not enough”.`;
}

function textOf(paragraphs: number, from = 0): string {
  return Array.from({ length: paragraphs }, (_, i) => paragraph(from + i)).join("\n\n");
}

/**
 * Each cheap request answers within 200 ms while the heavy one runs: nine in ten of them (the
 * machine the suite runs on is shared, and a busy neighbour can delay any request), and none
 * waits anywhere near as long as the heavy request takes. On a fast machine the heavy request may
 * end after a request or two: at least one must have been answered while it ran.
 */
function expectPrompt(times: number[], heavyMs: number): void {
  expect(times.length).toBeGreaterThanOrEqual(1);
  const sorted = [...times].sort((a, b) => a - b);
  expect(sorted[Math.floor(0.9 * (sorted.length - 1))]).toBeLessThan(200);
  expect(sorted.at(-1)!).toBeLessThan(Math.min(1000, Math.max(200, heavyMs / 2)));
}

/** Runs `cheap` again and again until `heavy` settles; each cheap call's time in ms. */
async function timeWhile(heavy: Promise<unknown>, cheap: () => Promise<{ status: number }>): Promise<number[]> {
  let settled = false;
  void heavy.then(
    () => (settled = true),
    () => (settled = true),
  );
  const times: number[] = [];
  while (!settled) {
    const started = performance.now();
    const res = await cheap();
    times.push(performance.now() - started);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 25));
  }
  return times;
}

const listStories = () => call(listStoriesRoute, "/api/stories");

/** Starts the worker (from source it compiles the engine first: seconds of start-up a production build does not have). */
const warmWorker = () => offload("suggest", { text: paragraph(0), knownSpeakers: [] }, { deadlineMs: 60_000, what: "Warming up" });

describe("long work does not hold up other requests", () => {
  it("answers GET /api/stories within 200 ms while the largest suggestions request runs", async () => {
    const text = textOf(240);
    expect(codePointLength(text)).toBeGreaterThan(SUGGESTION_RANGE_MAX);
    const id = await api.createSource("Schools, district by district", text);
    await listStories();
    await warmWorker();
    const started = performance.now();
    const heavy = api.suggest(id, { start: 0, end: SUGGESTION_RANGE_MAX });
    const times = await timeWhile(heavy, listStories);
    const res = await heavy;
    const heavyMs = performance.now() - started;
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(100);
    console.log(`suggestions for ${SUGGESTION_RANGE_MAX} code points: ${heavyMs.toFixed(0)} ms; ${times.length} list requests meanwhile, slowest ${Math.max(...times).toFixed(0)} ms`);
    expectPrompt(times, heavyMs);
  }, 120_000);

  it("answers within 200 ms while a 256 KiB revision re-anchors its claims", async () => {
    // A long text with claims spread through it (storing the longest text allowed: below).
    const count = Math.floor(REVISION_BYTES / (paragraph(1000).length + 2));
    const text = textOf(count);
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_SOURCE_TEXT_BYTES);
    const id = await api.createSource("Every school, every district", text);
    for (const at of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const start = text.indexOf("Councillor", Math.floor(text.length * at));
      const exact = text.slice(start, text.indexOf(" said", start));
      await api.claimSpan(id, speakerId, { start: codePointLength(text.slice(0, start)), end: codePointLength(text.slice(0, start)) + codePointLength(exact), exact });
    }
    // The new revision inserts a paragraph near the start and rewrites one in the middle.
    const middle = Math.floor(count / 2);
    const revised = [paragraph(5000), ...Array.from({ length: count }, (_, i) => (i === middle ? "This paragraph was rewritten." : paragraph(i)))].join("\n\n");
    await listStories();
    await warmWorker();
    const started = performance.now();
    const heavy = api.reviseText(id, revised);
    const times = await timeWhile(heavy, listStories);
    const report = (await heavy).reanchor;
    const heavyMs = performance.now() - started;
    console.log(`a ${(text.length / 1048576).toFixed(1)} MiB revision: ${heavyMs.toFixed(0)} ms; ${times.length} list requests meanwhile, slowest ${Math.max(...times).toFixed(0)} ms`);
    expect(report).toMatchObject({ anchored: 5, orphaned: 0 });
    expectPrompt(times, heavyMs);
  }, 180_000);
});

describe("storing the longest text allowed does not hold up other requests", () => {
  it("answers within 200 ms while a source of the largest text is stored, then revised, and both are searchable once answered", async () => {
    // As many paragraphs as fit in the limit.
    const per = new TextEncoder().encode(`${paragraph(5000)}\n\n`).length;
    const bytes = (n: number) => new TextEncoder().encode(textOf(n)).length;
    let count = Math.floor(MAX_SOURCE_TEXT_BYTES / per);
    while (bytes(count + 20) <= MAX_SOURCE_TEXT_BYTES) count += 20;
    while (bytes(count) > MAX_SOURCE_TEXT_BYTES) count -= 1;
    const text = textOf(count);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(MAX_SOURCE_TEXT_BYTES - 20 * per);
    await listStories();
    await warmWorker();
    let started = performance.now();
    const created = api.createSource("Every school, every district, every year", text);
    let times = await timeWhile(created, listStories);
    const id = await created;
    let heavyMs = performance.now() - started;
    console.log(`storing a ${(text.length / 1048576).toFixed(1)} MiB source: ${heavyMs.toFixed(0)} ms; ${times.length} list requests meanwhile, slowest ${Math.max(...times).toFixed(0)} ms`);
    expectPrompt(times, heavyMs);
    const passages = async () => (await all<{ text: string }>(db, "SELECT text FROM source_passages WHERE source_id = ? ORDER BY seq", id)).map((p) => p.text).join("");
    expect(await passages()).toBe(text);

    // The revision: a paragraph with a word of its own near the start, one rewritten in the middle.
    const revised = ["The zanzibarine clause was added at the last minute.", ...Array.from({ length: count }, (_, i) => (i === Math.floor(count / 2) ? "This paragraph was rewritten." : paragraph(i)))].join("\n\n");
    started = performance.now();
    const revision = api.reviseText(id, revised);
    times = await timeWhile(revision, listStories);
    await revision;
    heavyMs = performance.now() - started;
    console.log(`revising it: ${heavyMs.toFixed(0)} ms; ${times.length} list requests meanwhile, slowest ${Math.max(...times).toFixed(0)} ms`);
    expectPrompt(times, heavyMs);
    expect(await passages()).toBe(revised);
    const found = await call(searchRoute, "/api/search?q=zanzibarine&type=source", { token: await tokenFor(db, "editor") });
    expect(found.body.items.map((i: { type: string; id: number }) => `${i.type}:${i.id}`)).toEqual([`source:${id}`]);
  }, 240_000);
});

describe("bounds", () => {
  it("refuses a suggestions range longer than the limit, naming it", async () => {
    const id = await api.createSource("Short", textOf(3));
    const res = await api.suggest(id, { start: 0, end: SUGGESTION_RANGE_MAX + 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.end).toBe(`must be at most start + ${SUGGESTION_RANGE_MAX}`);
    expect(res.body.error.message).toContain(String(SUGGESTION_RANGE_MAX));
  });

  it("reads at most the limit per request, even without an end or within one long paragraph", async () => {
    // One paragraph of 3 × the limit: read in pieces, each ending after a sentence.
    const text = Array.from({ length: 720 }, (_, i) => paragraph(i)).join(" ");
    const length = codePointLength(text);
    expect(length).toBeGreaterThan(3 * SUGGESTION_RANGE_MAX);
    const id = await api.createSource("One long paragraph", text);
    const seen = new Set<number>();
    let start = 0;
    let pieces = 0;
    for (;;) {
      const page = await api.page(id, { start });
      pieces++;
      expect(page.range.start).toBe(start);
      expect(page.range.end - page.range.start).toBeLessThanOrEqual(SUGGESTION_RANGE_MAX);
      expect(page.range.end).toBeGreaterThan(start);
      for (const s of page.items) {
        expect(s.content.start).toBeGreaterThanOrEqual(page.range.start);
        expect(seen.has(s.content.start)).toBe(false);
        seen.add(s.content.start);
      }
      if (page.done) break;
      start = page.range.end;
    }
    expect(pieces).toBeGreaterThanOrEqual(4);
    expect(seen.size).toBeGreaterThan(500);
  }, 120_000);

  it("stops a task at its deadline with a 503 error, and the next task runs on a fresh worker", async () => {
    const text = textOf(400);
    const failure = await offload("suggest", { text, knownSpeakers: [] }, { deadlineMs: 20, what: "Finding claim suggestions" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeadlineError);
    expect((failure as DeadlineError).status).toBe(503);
    expect((failure as DeadlineError).message).toContain("0.02 s");
    const after = await offload("suggest", { text: paragraph(1), knownSpeakers: [] }, { deadlineMs: 30_000, what: "Finding claim suggestions" });
    expect(after.length).toBeGreaterThan(0);
  }, 60_000);
});
