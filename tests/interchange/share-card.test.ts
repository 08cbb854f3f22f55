import { beforeAll, describe, expect, it } from "vitest";
import { GET as cardRoute } from "@/app/claims/[id]/card.png/route";
import type { Db } from "@/db/client";
import { createSeededDb, get, installDb } from "@/tests/support/db";
import { useTestSite } from "./support";

let db: Db;
beforeAll(async () => {
  useTestSite();
  db = installDb(await createSeededDb());
});

const call = (id: number | string) => cardRoute(new Request(`http://localhost/claims/${id}/card.png`), { params: Promise.resolve({ id: String(id) }) });

describe("GET /claims/{id}/card.png", () => {
  it("draws a 1200×630 PNG for a published claim, and is a 404 for a draft", async () => {
    const published = (await get<{ id: number }>(db, "SELECT id FROM claims WHERE status = 'published' AND rating_id IS NOT NULL ORDER BY id LIMIT 1"))!.id;
    const res = await call(published);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(png.length).toBeGreaterThan(10_000);
    const draft = (await get<{ id: number }>(db, "SELECT id FROM claims WHERE status = 'draft' ORDER BY id LIMIT 1"))!.id;
    expect((await call(draft)).status).toBe(404);
  }, 60_000);
});
