import { beforeAll, describe, expect, it } from "vitest";
import { GET as sourceAnnotationsRoute } from "@/app/api/sources/[id]/annotations/route";
import type { Db } from "@/db/client";
import { ANNO_CONTEXT, type AnnotationCollection, pageAnnotationCollection, type WebAnnotation } from "@/lib/web-annotation";
import { commandLineViewer } from "@/server/importers";
import { createSource } from "@/server/sources-write";
import { createTestDb, installDb, run } from "@/tests/support/db";
import { call } from "@/tests/support/http";
import { importAs } from "../importers/support";
import { SITE, useTestSite } from "./support";

const item = (i: number) => ({ id: `${SITE.url}/api/claims/${i}/annotation`, type: "Annotation" }) as unknown as WebAnnotation;
const whole = (n: number): AnnotationCollection => ({
  "@context": ANNO_CONTEXT,
  id: `${SITE.url}/api/sources/1/annotations`,
  type: "AnnotationCollection",
  label: "Claims",
  total: n,
  ...(n > 0 ? { first: { id: `${SITE.url}/api/sources/1/annotations?page=0`, type: "AnnotationPage" as const, startIndex: 0, items: Array.from({ length: n }, (_, i) => item(i + 1)) } } : {}),
});

describe("annotation collections in pages", () => {
  it("embeds the first page, names the last, and links pages by next and prev", () => {
    const paged = pageAnnotationCollection(whole(250), 100);
    expect(paged.pages).toBe(3);
    expect(paged.collection).toMatchObject({ total: 250, last: `${SITE.url}/api/sources/1/annotations?page=2`, first: { startIndex: 0, next: `${SITE.url}/api/sources/1/annotations?page=1` } });
    expect(paged.collection.first!.items).toHaveLength(100);
    const middle = paged.page(1);
    expect(middle).toMatchObject({ "@context": ANNO_CONTEXT, type: "AnnotationPage", startIndex: 100, prev: `${SITE.url}/api/sources/1/annotations?page=0`, next: `${SITE.url}/api/sources/1/annotations?page=2`, partOf: { type: "AnnotationCollection", total: 250 } });
    expect(paged.page(2).items.map((a) => a.id)).toEqual(Array.from({ length: 50 }, (_, i) => item(201 + i).id));
    expect(paged.page(2).next).toBeUndefined();
    expect(pageAnnotationCollection(whole(0)).pages).toBe(0);
  });
});

describe("GET /api/sources/{id}/annotations?page=", () => {
  let db: Db;
  beforeAll(async () => {
    useTestSite();
    db = installDb(await createTestDb());
  });

  it("serves a 230-claim source in three pages, and importing the pages as one array gives the claims back", async () => {
    const words = Array.from({ length: 230 }, (_, i) => `Sentence number ${i} says that figure ${i * 7} rose.`);
    const source = await createSource(db, commandLineViewer("system:test"), { title: "Long", url: "https://news.example.com/long", author: "Long Speaker", text: words.join(" "), kind: "article", language: "en" });
    const annotations = words.map((w, i) => {
      const start = words.slice(0, i).join(" ").length + (i > 0 ? 1 : 0);
      return { type: "Annotation", id: `https://elsewhere.example/a/${i}`, bodyValue: w, target: { source: "https://news.example.com/long", selector: { type: "TextPositionSelector", start, end: start + w.length } } };
    });
    expect((await importAs(db, { format: "web-annotation", content: JSON.stringify(annotations) })).counts.created).toBe(230);
    // Imported without a verdict, the claims are drafts: readers see none of them, nor the source.
    const get = (q = "") => call(sourceAnnotationsRoute, `/api/sources/${source.id}/annotations${q}`, { params: { id: String(source.id) } });
    expect((await get()).status).toBe(404);
    // Published: readers see them.
    await run(db, "UPDATE claims SET status = 'published', published_at = '2024-01-01T00:00:00.000Z'");
    const pages = [];
    const first = (await get()).body;
    expect(first).toMatchObject({ total: 230, last: `${SITE.url}/api/sources/${source.id}/annotations?page=2` });
    for (let n = 0; n < 3; n++) pages.push((await get(`?page=${n}`)).body);
    expect(pages.map((p) => p.items.length)).toEqual([100, 100, 30]);
    expect((await get("?page=3")).body.error.fields).toEqual({ page: "must be at most 2" });
    // The collection alone holds only its first page: refused as a file, saying so.
    await expect(importAs(db, { format: "web-annotation", content: JSON.stringify(first) })).rejects.toMatchObject({ fields: { file: expect.stringMatching(/has 230 annotations but the file holds 100/) } });
    const again = await importAs(db, { format: "web-annotation", content: JSON.stringify(pages) });
    expect(again.counts).toMatchObject({ created: 0, refused: 0 });
    expect(again.total).toBe(230);
  });
});
