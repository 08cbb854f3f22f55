import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/exports/claims.csv/route";
import { GET as getImportRoute } from "@/app/api/imports/[id]/route";
import { POST as undoRoute } from "@/app/api/imports/[id]/undo/route";
import { GET as listImportsRoute, POST as startImportRoute } from "@/app/api/imports/route";
import type { Db } from "@/db/client";
import type { ImportDTO } from "@/lib/dto";
import { fixture } from "../importers/support";
import { callRaw, SITE, useTestSite } from "../interchange/support";
import { BOOKKEEPING } from "../importers/support";
import { num, seededApi, snapshot, tokenFor } from "../support/db";
import { call } from "../support/http";

let db: Db;
let editor: string;
beforeAll(async () => {
  useTestSite();
  ({ db, editor } = await seededApi("editor"));
});

/** POSTs a file as the request body with its media type. */
async function post(body: string, type: string, query = "", token = editor) {
  const request = new Request(`${SITE.url}/api/imports${query}`, { method: "POST", body, headers: { "content-type": type, authorization: `Bearer ${token}` } });
  const response = await startImportRoute(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as ImportDTO & { error?: { message: string; fields?: Record<string, string> } }, headers: response.headers };
}

/** Polls GET /api/imports/{id} until the import has ended. */
async function finished(id: number): Promise<ImportDTO> {
  for (let i = 0; i < 200; i++) {
    const res = await call(getImportRoute, `/api/imports/${id}`, { params: { id: String(id) }, token: editor });
    expect(res.status).toBe(200);
    if (res.body.state !== "queued" && res.body.state !== "running") return res.body as ImportDTO;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

describe("POST /api/imports and GET /api/imports/{id}", () => {
  it("previews with ?dryRun=1, then imports: 202 with the id, progress, and the report", async () => {
    const before = await snapshot(db, BOOKKEEPING);
    const dry = await post(fixture("claimreview-datafeed.json"), "application/ld+json", "?dryRun=1&filename=feed.json");
    expect(dry.status).toBe(202);
    expect(dry.headers.get("location")).toBe(`/api/imports/${dry.body.id}`);
    const preview = await finished(dry.body.id);
    expect(preview).toMatchObject({ format: "claimreview", dryRun: true, state: "done", filename: "feed.json", total: 2, processed: 2, counts: { created: 2, refused: 0 } });
    expect(await snapshot(db, BOOKKEEPING)).toEqual(before);

    const real = await post(fixture("claimreview-datafeed.json"), "application/ld+json; charset=utf-8");
    const done = await finished(real.body.id);
    expect(done.counts).toEqual(preview.counts);
    expect(done.report!.items.map((i) => i.outcome)).toEqual(["created", "created"]);
    const list = await call(listImportsRoute, "/api/imports", { token: editor });
    expect(list.body.items.map((i: ImportDTO) => i.id)).toEqual(expect.arrayContaining([dry.body.id, real.body.id]));

    const undone = await call(undoRoute, `/api/imports/${real.body.id}/undo`, { method: "POST", params: { id: String(real.body.id) }, token: editor });
    expect(undone.status).toBe(200);
    expect(undone.body.state).toBe("undone");
    expect(await snapshot(db, BOOKKEEPING)).toEqual(before);
  });

  it("picks the importer by media type: CSV, LIAR TSV, an HTML page, Web Annotation JSON-LD", async () => {
    const csv = await finished((await post("text,speaker\nA CSV claim.,Csv Person\n", "text/csv")).body.id);
    expect(csv).toMatchObject({ format: "csv", counts: { created: 1 } });
    const tsv = await finished((await post(["x1.json", "true", "A LIAR claim.", "tax", "liar-person", "", "", "", "0", "0", "0", "0", "0", ""].join("\t"), "text/tab-separated-values")).body.id);
    expect(tsv).toMatchObject({ format: "liar", counts: { created: 1 } });
    const html = await finished((await post(fixture("claimreview-page.html"), "text/html")).body.id);
    expect(html).toMatchObject({ format: "claimreview", counts: { created: 2 } });
    const anno = await post(JSON.stringify({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", target: "https://nowhere.example/x" }), "application/ld+json");
    expect((await finished(anno.body.id)).format).toBe("web-annotation");
  });

  it("refuses what it cannot import with a 4xx naming the field, writing nothing", async () => {
    const before = await snapshot(db, ["api_tokens"]);
    const broken = await post(fixture("claimreview-broken.json"), "application/ld+json");
    expect(broken.status).toBe(400);
    expect(broken.body.error!.fields).toEqual({ file: expect.stringMatching(/^line 6: not valid JSON/) });
    expect((await post("%PDF-1.4", "application/pdf")).body.error!.fields).toEqual({ "content-type": "unsupported media type" });
    expect((await post("", "text/csv")).status).toBe(400);
    expect((await post("text,speaker\nx,y\n", "text/csv", "?dryRun=maybe")).body.error!.fields).toEqual({ dryRun: "must be 1 or 0" });
    expect((await post("text,speaker\nx,y\n", "text/csv", "?map=nonsense")).body.error!.fields).toEqual({ "map.0": "must be LABEL:rating-key" });
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
    const missing = await call(getImportRoute, "/api/imports/999999", { params: { id: "999999" }, token: editor });
    expect(missing.status).toBe(404);
  });

  it("is for editors and admins: fact-checkers get 403, readers 401", async () => {
    const factchecker = await tokenFor(db, "factchecker");
    expect((await post("text,speaker\nx,y\n", "text/csv", "", factchecker)).status).toBe(403);
    expect((await call(listImportsRoute, "/api/imports")).status).toBe(401);
    expect(await num(db, "SELECT count(*) FROM claims WHERE text = 'x'")).toBe(0);
  });
});

describe("GET /api/exports/claims.csv", () => {
  it("sends the CSV readers may see, filtered, and refuses a bad filter naming it", async () => {
    const res = await callRaw(exportCsv, "/api/exports/claims.csv?status=published&verdict=false");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const lines = res.text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,external_id,text,/);
    expect(lines.length).toBe(1 + (await num(db, "SELECT count(*) FROM claims c JOIN ratings r ON r.id = c.rating_id WHERE c.status = 'published' AND r.key = 'false'")));
    const bad = await call(exportCsv, "/api/exports/claims.csv?from=yesterday");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["from"]);
  });
});
