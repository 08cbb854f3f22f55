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
    const pages = [];
    for (let url: string | undefined = "/api/exports/annotations?page=0"; url; ) {
      const page = await call(exportRoute, url, { token });
      expect(page.status).toBe(200);
      pages.push(page.body);
      url = page.body.next?.replace(SITE.url, "");
    }
    expect(pages.flatMap((p) => p.items).length).toBe(total);
    expect((await call(exportRoute, `/api/exports/annotations?page=${pages.length}`, { token })).status).toBe(400);
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
