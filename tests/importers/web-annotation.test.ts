import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ValidationError } from "@/lib/errors";
import { missingShared, sharedPath } from "@/scripts/shared-dir";
import { getSourceAnnotations } from "@/server/feeds";
import { commandLineViewer } from "@/server/importers";
import { createSource } from "@/server/sources-write";
import { all, createSeededDb, createTestDb, num, snapshot, viewerFor } from "../support/db";
import { SITE } from "../interchange/support";
import { byRef, importAs } from "./support";

/** The claims of a source as spans: what must survive the round trip. */
const spans = (db: Db, sourceId: number) =>
  all<{ text: string; speaker: string; anchor_exact: string; anchor_start: number; anchor_end: number; verdict: string | null }>(
    db,
    `SELECT c.text, s.name AS speaker, c.anchor_exact, c.anchor_start, c.anchor_end, r.key AS verdict
     FROM claims c JOIN speakers s ON s.id = c.speaker_id LEFT JOIN ratings r ON r.id = c.rating_id
     WHERE c.source_id = ? AND c.anchor_state = 'anchored' ORDER BY c.anchor_start, c.id`,
    sourceId,
  );

describe("Web Annotation import", () => {
  it("round trip: a source's annotations, imported into an empty database holding the same source, give the same claims on the same spans", async () => {
    const db = await createSeededDb();
    const editor = await viewerFor(db, "editor");
    const [source] = await all<{ id: number; title: string; url: string | null; text: string; kind: "article"; language: string; published_on: string | null }>(
      db,
      "SELECT s.id, s.title, s.url, s.text, s.kind, s.language, s.published_on FROM sources s ORDER BY (SELECT count(*) FROM claims c WHERE c.source_id = s.id AND c.anchor_state = 'anchored') DESC, s.id LIMIT 1",
    );
    expect(source).toBeDefined();
    const collection = await getSourceAnnotations(db, editor, source!.id, SITE);
    expect(collection.total).toBeGreaterThanOrEqual(3);

    const empty = await createTestDb();
    // The same source: the annotations name it by its URL, or by its page on the site they came from.
    const url = source!.url ?? `${SITE.url}/sources/${source!.id}`;
    const copy = await createSource(empty, commandLineViewer("system:test"), { title: source!.title, url, text: source!.text, kind: source!.kind, language: source!.language, publishedOn: source!.published_on ?? undefined });
    const result = await importAs(empty, { format: "web-annotation", content: JSON.stringify(collection), site: SITE });
    expect(result.counts).toEqual({ created: collection.total, updated: 0, unchanged: 0, refused: 0 });
    expect(await spans(empty, copy.id)).toEqual(await spans(db, source!.id));
    console.log(`Web Annotation round trip: ${collection.total} annotations of “${source!.title}” → ${result.counts.created} claims on the same spans`);
    // Importing again updates nothing; the annotation ids are remembered.
    expect((await importAs(empty, { format: "web-annotation", content: JSON.stringify(collection), site: SITE })).counts).toMatchObject({ created: 0, updated: 0, refused: 0 });
  });

  it("finds a quote the text has moved, and refuses annotations it cannot anchor or attribute, with the reason", async () => {
    const db = await createTestDb();
    const viewer = commandLineViewer("system:test");
    const text = "Opening words. The minister said the budget was balanced in 2023. Closing words.";
    const source = await createSource(db, viewer, { title: "Speech", url: "https://news.example.com/speech", text, kind: "transcript", language: "en", author: "Minister Example" });
    const target = (selector: unknown) => ({ source: "https://news.example.com/speech", selector });
    const quote = { type: "TextQuoteSelector", exact: "the budget was balanced", prefix: "The minister said ", suffix: " in 2023" };
    const file = [
      { type: "Annotation", id: "https://elsewhere.example/a/1", body: { type: "TextualBody", purpose: "identifying", value: "The budget was balanced in 2023." }, target: target([quote, { type: "TextPositionSelector", start: 3, end: 26 }]) },
      { type: "Annotation", id: "https://elsewhere.example/a/2", bodyValue: "Moved?", target: target({ type: "TextQuoteSelector", exact: "Not in the text at all", prefix: "", suffix: "" }) },
      { type: "Annotation", target: "https://news.example.com/speech" },
      { type: "Annotation", body: { type: "TextualBody", value: "The budget was balanced in 2023." }, target: target(quote) },
      { type: "Annotation", target: target({ type: "TextPositionSelector", start: 70, end: 999 }) },
      { type: "Annotation", target: { source: "https://unknown.example/x", selector: quote } },
      { type: "Note", target: target(quote) },
    ];
    const result = await importAs(db, { format: "web-annotation", content: JSON.stringify(file) });
    const items = byRef(result);
    expect(Object.fromEntries(Object.entries(items).map(([ref, i]) => [ref, i.reason ?? i.outcome]))).toEqual({
      "item 1": "created",
      "item 2": expect.stringMatching(/^its quote “Not in the text at all” cannot be found in the source's text/),
      "item 3": "its target has no TextQuoteSelector or TextPositionSelector: nothing to anchor",
      "item 4": "the same claim as item 1 of this file",
      "item 5": "its TextPositionSelector 70–999 is not a span of the source's text (80 code points)",
      "item 6": "its target https://unknown.example/x is not a source here (import or add the source first)",
      "item 7": "not an Annotation (its type is not “Annotation”)",
    });
    // The position was stale (3–26); the quote and its context found the words at 33–56.
    expect(await spans(db, source.id)).toEqual([{ text: "The budget was balanced in 2023.", speaker: "Minister Example", anchor_exact: "the budget was balanced", anchor_start: 33, anchor_end: 56, verdict: null }]);
  });

  it("refuses a file that is not JSON or has only a link to its pages, writing nothing", async () => {
    const db = await createSeededDb();
    const before = await snapshot(db, ["api_tokens"]);
    await expect(importAs(db, { format: "web-annotation", content: '{"type": "Annotation",\n "target" }' })).rejects.toMatchObject({ fields: { file: expect.stringMatching(/^line 2: not valid JSON/) } });
    await expect(importAs(db, { format: "web-annotation", content: JSON.stringify({ type: "AnnotationCollection", first: "https://x.example/page1" }) })).rejects.toBeInstanceOf(ValidationError);
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
  });
});

const samples = sharedPath("schemas/web-annotation/tools/samples");
describe.skipIf(!samples)(`Web Annotation import: the W3C test suite's samples${samples ? "" : ` (${missingShared("schemas/web-annotation/tools/samples")})`}`, () => {
  /** Imports every sample of a folder into a database holding the one text the samples quote; what happened to each. */
  async function importAll(folder: "correct" | "incorrect") {
    const db = await createTestDb();
    await createSource(db, commandLineViewer("system:test"), {
      title: "The page the samples annotate",
      url: "http://example.org/page1",
      author: "Sample Author",
      text: "Intro: this is an anotation that has some errors. Here is the text before the Selected Text and text after it.",
      kind: "article",
      language: "en",
    });
    const outcome: Record<string, string> = {};
    for (const file of readdirSync(path.join(samples!, folder)).sort()) {
      try {
        const result = await importAs(db, { format: "web-annotation", content: readFileSync(path.join(samples!, folder, file), "utf8") });
        outcome[file] = result.report!.items.map((i) => i.outcome).join(",");
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        outcome[file] = `file refused: ${error.message}`;
      }
    }
    return { db, outcome };
  }

  it("reads every correct sample: the ones quoting a text we hold become claims, every other item is refused with a reason", async () => {
    const { db, outcome } = await importAll("correct");
    expect(Object.keys(outcome).length).toBe(45);
    const created = Object.entries(outcome).filter(([, o]) => o.split(",").includes("created")).map(([f]) => f);
    expect(created).toEqual(["anno26.json", "anno32.json"]);
    // example41 is a collection whose pages are only linked: we do not fetch them, and say so.
    expect(Object.entries(outcome).filter(([, o]) => o.startsWith("file refused"))).toEqual([["example41.json", expect.stringMatching(/the collection's pages are not in the file/)]]);
    expect(await num(db, "SELECT count(*) FROM claims WHERE anchor_state = 'anchored'")).toBe(2);
    console.log(`W3C correct samples: ${Object.keys(outcome).length} files read, ${created.length} made claims, ${Object.values(outcome).reduce((n, o) => n + o.split(",").filter((x) => x === "refused").length, 0)} items refused with a reason`);
  });

  it("never makes a claim from an incorrect sample that quotes nothing we hold", async () => {
    const { outcome } = await importAll("incorrect");
    expect(Object.keys(outcome).length).toBe(39);
    const created = Object.entries(outcome).filter(([, o]) => o.split(",").includes("created")).map(([f]) => f);
    console.log(`W3C incorrect samples: ${Object.keys(outcome).length} files, claims made from: ${created.join(", ") || "none"}`);
    expect(created).toEqual([]);
  });
});
