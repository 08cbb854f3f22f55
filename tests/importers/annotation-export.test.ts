import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/exports/annotations/route";
import { commandLineViewer } from "@/server/importers";
import { createSource } from "@/server/sources-write";
import { all, createSeededDb, createTestDb, installDb, num, tokenFor } from "../support/db";
import { call } from "../support/http";
import { SITE, useTestSite } from "../interchange/support";
import { importAs } from "./support";

describe("GET /api/exports/annotations", () => {
  it("pages every anchored claim of every source; the pages, imported into an empty database with the same sources, give the same claims on the same spans", async () => {
    useTestSite();
    const db = installDb(await createSeededDb());
    const token = await tokenFor(db, "editor");
    const first = await call(exportRoute, "/api/exports/annotations", { token });
    expect(first.status).toBe(200);
    const total = await num(db, "SELECT count(*) FROM claims WHERE anchor_state = 'anchored'");
    expect(first.body).toMatchObject({ type: "AnnotationCollection", total });
    const pages = [first.body.first];
    for (let url: string | undefined = first.body.first.next?.replace(SITE.url, ""); url; ) {
      const page = await call(exportRoute, url, { token });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ type: "AnnotationPage", partOf: `${SITE.url}/api/exports/annotations` });
      pages.push(page.body);
      url = page.body.next?.replace(SITE.url, "");
    }
    expect(pages.length).toBe(Math.ceil(total / 100));
    const ids = pages.flatMap((p) => p.items.map((a: { id: string }) => a.id));
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    expect((await call(exportRoute, "/api/exports/annotations?after=not-a-cursor", { token })).body.error.fields).toEqual({ after: "malformed cursor" });
    // Readers get the published ones only.
    expect((await call(exportRoute, "/api/exports/annotations")).body.total).toBe(await num(db, "SELECT count(*) FROM claims WHERE anchor_state = 'anchored' AND status = 'published'"));

    const sources = await all<{ id: number; title: string; url: string | null; text: string; language: string }>(db, "SELECT id, title, url, text, language FROM sources ORDER BY id");
    const empty = await createTestDb();
    for (const s of sources) await createSource(empty, commandLineViewer("system:test"), { title: s.title, url: s.url ?? `${SITE.url}/sources/${s.id}`, text: s.text, kind: "article", language: s.language });
    const result = await importAs(empty, { format: "web-annotation", content: JSON.stringify(pages) });
    expect(result.counts).toEqual({ created: total, updated: 0, unchanged: 0, refused: 0 });
    const spans = (d: typeof db) => all(d, "SELECT s.title, c.anchor_start, c.anchor_end, c.anchor_exact, c.text FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.anchor_state = 'anchored' ORDER BY s.title, c.anchor_start, c.anchor_end, c.text");
    expect(await spans(empty)).toEqual(await spans(db));
    console.log(`whole-site annotation round trip: ${total} annotations in ${pages.length} page(s) across ${sources.length} sources → ${result.counts.created} claims on the same spans`);
  });
});
