import { beforeAll, describe, expect, it } from "vitest";
import { GET as getLinksRoute } from "@/app/api/claims/[id]/links/route";
import { GET as getClaimRoute } from "@/app/api/claims/[id]/route";
import type { Db } from "@/db/client";
import { claimLinks, claims } from "@/db/schema";
import { withTx } from "@/db/tx";
import type { ClaimDetailDTO, LinkDTO } from "@/lib/dto";
import { LINKS_SHOWN } from "@/server/claims";
import { idOf, seededApi } from "../support/db";
import { call } from "../support/http";

/**
 * A claim's links are paged: its detail (and page) carries the first LINKS_SHOWN of each group
 * with each group's total; the rest come a page at a time from GET /api/claims/{id}/links.
 * Readers neither see nor count links to drafts.
 */

const DISPUTES = 1_040;
const DRAFT_DISPUTES = 25;
const RELATED = 60;

let db: Db;
let token: string;
let claimId: number;

beforeAll(async () => {
  ({ db, editor: token } = await seededApi("editor"));
  const speakerId = await idOf(db, "speakers", "name", "Pen Bona");
  await withTx(db, async (tx) => {
    const [claim] = await tx.insert(claims).values({ text: "The claim everyone argues with.", speakerId, status: "published", publishedAt: "2024-01-01T00:00:00.000Z" }).returning({ id: claims.id });
    claimId = claim!.id;
    const make = async (n: number, status: "published" | "draft", kind: "disputes" | "supports", label: string) => {
      for (let i = 0; i < n; i += 200) {
        const batch = Array.from({ length: Math.min(200, n - i) }, (_, k) => ({ text: `${label} ${i + k + 1}.`, speakerId, status, publishedAt: status === "published" ? "2024-01-02T00:00:00.000Z" : null }));
        const made = await tx.insert(claims).values(batch).returning({ id: claims.id });
        // Half point at the claim, half from it; the creation times tie in runs, as bulk writes do.
        await tx.insert(claimLinks).values(
          made.map((m, k) => ({ fromClaimId: k % 2 ? m.id : claimId, toClaimId: k % 2 ? claimId : m.id, kind, createdAt: `2024-02-01T00:00:${String(Math.floor((i + k) / 100) % 60).padStart(2, "0")}.000Z` })),
        );
      }
    };
    await make(DISPUTES, "published", "disputes", "Counter-claim");
    await make(DRAFT_DISPUTES, "draft", "disputes", "Draft counter-claim");
    await make(RELATED, "published", "supports", "Support");
  });
}, 120_000);

const getClaim = (as?: string) => call(getClaimRoute, `/api/claims/${claimId}`, { params: { id: String(claimId) }, token: as });
const getLinks = (query: string, as?: string) => call(getLinksRoute, `/api/claims/${claimId}/links?${query}`, { params: { id: String(claimId) }, token: as });

async function allPages(group: string, limit: number, as?: string): Promise<{ items: LinkDTO[]; pages: number; totals: number[] }> {
  const items: LinkDTO[] = [];
  const totals: number[] = [];
  let cursor = "";
  let pages = 0;
  for (;;) {
    const res = await getLinks(`group=${group}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, as);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pages++;
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    totals.push(res.body.total);
    if (!res.body.nextCursor) break;
    cursor = res.body.nextCursor;
  }
  return { items, pages, totals };
}

describe("a claim with over a thousand links", () => {
  it("carries the first few of each group and the totals, in a small answer", async () => {
    const res = await getClaim();
    expect(res.status).toBe(200);
    const claim = res.body as ClaimDetailDTO;
    expect(claim.linkCounts).toEqual({ disputes: DISPUTES, related: RELATED });
    expect(claim.links.filter((l) => l.kind === "disputes")).toHaveLength(LINKS_SHOWN);
    expect(claim.links.filter((l) => l.kind !== "disputes")).toHaveLength(LINKS_SHOWN);
    expect(claim.links.every((l) => l.claim.status === "published")).toBe(true);
    expect(JSON.stringify(res.body).length).toBeLessThan(100_000);
  });

  it("counts links to drafts for staff, not for readers", async () => {
    expect(((await getClaim(token)).body as ClaimDetailDTO).linkCounts.disputes).toBe(DISPUTES + DRAFT_DISPUTES);
    expect((await getLinks("group=disputes&limit=5", token)).body.total).toBe(DISPUTES + DRAFT_DISPUTES);
  });

  it("pages through every link of a group once, oldest first", async () => {
    const { items, pages, totals } = await allPages("disputes", 100);
    expect(pages).toBe(Math.ceil(DISPUTES / 100));
    expect(new Set(totals)).toEqual(new Set([DISPUTES]));
    expect(items).toHaveLength(DISPUTES);
    expect(new Set(items.map((l) => l.id)).size).toBe(DISPUTES);
    expect(items.every((l) => l.kind === "disputes" && l.claim.status === "published")).toBe(true);
    const keys = items.map((l) => [l.createdAt, l.id] as const);
    for (let i = 1; i < keys.length; i++) expect(keys[i]![0] > keys[i - 1]![0] || (keys[i]![0] === keys[i - 1]![0] && keys[i]![1] > keys[i - 1]![1])).toBe(true);
    // Both directions: the claim disputes some, others dispute it.
    expect(new Set(items.map((l) => l.direction))).toEqual(new Set(["incoming", "outgoing"]));
    // The first page starts where the claim's own list does.
    const detail = (await getClaim()).body as ClaimDetailDTO;
    expect(items.slice(0, LINKS_SHOWN).map((l) => l.id)).toEqual(detail.links.filter((l) => l.kind === "disputes").map((l) => l.id));

    const related = await allPages("related", 25);
    expect(related.items).toHaveLength(RELATED);
    expect(related.items.every((l) => l.kind === "supports")).toBe(true);
  });

  it("refuses a bad group, limit or cursor with a 400 naming the field, and an unknown claim with a 404", async () => {
    expect((await getLinks("group=friends")).body.error.fields.group).toBeDefined();
    expect((await getLinks("limit=1000")).body.error.fields.limit).toBeDefined();
    const bad = await getLinks("cursor=nonsense");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.cursor).toBeDefined();
    const missing = await call(getLinksRoute, "/api/claims/999999/links", { params: { id: "999999" } });
    expect(missing.status).toBe(404);
  });
});
