import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCommentsRoute } from "@/app/api/claims/[id]/comments/route";
import { GET as getEditorialRoute } from "@/app/api/claims/[id]/editorial/route";
import { GET as getEvidenceRoute } from "@/app/api/claims/[id]/evidence/route";
import { GET as getQueueRoute } from "@/app/api/queue/route";
import type { Db } from "@/db/client";
import { checkRequests, claimLinks, claims, comments, evidence, ratings, reviews } from "@/db/schema";
import { withTx } from "@/db/tx";
import type { CommentDTO, EditorialDTO, EvidenceDTO, QueueItemDTO } from "@/lib/dto";
import { OTHER_SIDE_SHOWN } from "@/server/queue";
import { EDITORIAL_SHOWN } from "@/server/reviews";
import { idOf, seededApi, viewerFor } from "../support/db";
import { call } from "../support/http";

/**
 * A claim's review lists are capped in its page: the editorial view carries the newest
 * EDITORIAL_SHOWN reviews, evidence items and comments with their totals (check requests are only
 * counted), and the rest of the evidence and comments come a page at a time, newest first, from
 * GET /api/claims/{id}/evidence and …/comments. The review queue shows a few counter-claims of a
 * contested claim with their total.
 */

const EVIDENCE = 130;
const COMMENTS = 140;
const REVIEWS = 45;
const REQUESTS = 60;
const DISPUTES = 25;

let db: Db;
let token: string;
let claimId: number;

beforeAll(async () => {
  ({ db, editor: token } = await seededApi("editor"));
  const author = (await viewerFor(db, "factchecker")).id;
  const speakerId = await idOf(db, "speakers", "name", "Pen Bona");
  await withTx(db, async (tx) => {
    const [rating] = await tx.select({ id: ratings.id }).from(ratings).limit(1);
    const [claim] = await tx.insert(claims).values({ text: "The claim everyone talks about.", speakerId, status: "draft" }).returning({ id: claims.id });
    claimId = claim!.id;
    // Creation times tie in runs of ten, as bulk writes do: the id breaks the tie.
    const at = (i: number) => `2024-03-01T00:${String(Math.floor(i / 10) % 60).padStart(2, "0")}:00.000Z`;
    await tx.insert(evidence).values(Array.from({ length: EVIDENCE }, (_, i) => ({ claimId, stance: "context" as const, note: `Item ${i + 1}`, url: `https://example.org/${i + 1}`, createdBy: author, createdAt: at(i) })));
    await tx.insert(comments).values(Array.from({ length: COMMENTS }, (_, i) => ({ claimId, authorId: author, body: `Comment ${i + 1}`, createdAt: at(i) })));
    await tx.insert(reviews).values(Array.from({ length: REVIEWS }, (_, i) => ({ claimId, ratingId: rating!.id, rationale: `Proposal ${i + 1}`, authorId: author, state: i === REVIEWS - 1 ? ("pending" as const) : ("withdrawn" as const), createdAt: at(i) })));
    await tx.insert(checkRequests).values(Array.from({ length: REQUESTS }, (_, i) => ({ claimId, reason: `Please check ${i + 1}`, requester: `requester-${i}` })));
    const counters = await tx
      .insert(claims)
      .values(Array.from({ length: DISPUTES }, (_, i) => ({ text: `Counter-claim ${i + 1}.`, speakerId, status: "published" as const, publishedAt: "2024-01-02T00:00:00.000Z" })))
      .returning({ id: claims.id });
    await tx.insert(claimLinks).values(counters.map((c) => ({ fromClaimId: c.id, toClaimId: claimId, kind: "disputes" as const })));
  });
}, 120_000);

const getEditorial = (as?: string) => call(getEditorialRoute, `/api/claims/${claimId}/editorial`, { params: { id: String(claimId) }, token: as });

async function allPages<T extends { id: number; createdAt: string }>(route: typeof getEvidenceRoute, name: string, limit: number) {
  const items: T[] = [];
  const totals = new Set<number>();
  let cursor = "";
  let pages = 0;
  for (;;) {
    const res = await call(route, `/api/claims/${claimId}/${name}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { params: { id: String(claimId) }, token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    pages++;
    items.push(...res.body.items);
    totals.add(res.body.total);
    if (!res.body.nextCursor) break;
    cursor = res.body.nextCursor;
  }
  // Newest first: (created_at, id) falls strictly from one item to the next.
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1]!, items[i]!];
    expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)).toBe(true);
  }
  return { items, pages, totals };
}

describe("a claim with hundreds of evidence items, comments and check requests", () => {
  it("carries the newest few of each list with the totals, in a small answer", async () => {
    const res = await getEditorial(token);
    expect(res.status).toBe(200);
    const editorial = res.body as EditorialDTO;
    expect(editorial.evidence).toHaveLength(EDITORIAL_SHOWN);
    expect(editorial.comments).toHaveLength(EDITORIAL_SHOWN);
    expect(editorial.reviews).toHaveLength(EDITORIAL_SHOWN);
    expect(editorial.counts).toEqual({ reviews: REVIEWS, evidence: EVIDENCE, comments: COMMENTS });
    expect(editorial.checkRequests).toBe(REQUESTS);
    expect(editorial.pending?.rationale).toBe(`Proposal ${REVIEWS}`);
    expect(editorial.comments[0]!.body).toBe(`Comment ${COMMENTS}`);
    expect(editorial.evidence[0]!.note).toBe(`Item ${EVIDENCE}`);
    expect(editorial.reviews[0]!.rationale).toBe(`Proposal ${REVIEWS}`);
    expect(JSON.stringify(res.body).length).toBeLessThan(60_000);
  });

  it("pages through every evidence item once, newest first, from where the editorial view starts", async () => {
    const { items, pages, totals } = await allPages<EvidenceDTO>(getEvidenceRoute, "evidence", 17);
    expect(pages).toBe(Math.ceil(EVIDENCE / 17));
    expect(totals).toEqual(new Set([EVIDENCE]));
    expect(items).toHaveLength(EVIDENCE);
    expect(new Set(items.map((e) => e.id)).size).toBe(EVIDENCE);
    expect(new Set(items.map((e) => e.note))).toEqual(new Set(Array.from({ length: EVIDENCE }, (_, i) => `Item ${i + 1}`)));
    const editorial = (await getEditorial(token)).body as EditorialDTO;
    expect(items.slice(0, EDITORIAL_SHOWN).map((e) => e.id)).toEqual(editorial.evidence.map((e) => e.id));
  });

  it("pages through every comment once, newest first", async () => {
    const { items, pages, totals } = await allPages<CommentDTO>(getCommentsRoute, "comments", 50);
    expect(pages).toBe(Math.ceil(COMMENTS / 50));
    expect(totals).toEqual(new Set([COMMENTS]));
    expect(items).toHaveLength(COMMENTS);
    expect(new Set(items.map((c) => c.id)).size).toBe(COMMENTS);
    expect(items[0]!.body).toBe(`Comment ${COMMENTS}`);
    expect(items.at(-1)!.body).toBe("Comment 1");
  });

  it("is for staff only, and refuses a bad cursor or limit with a 400 naming the field, an unknown claim with a 404", async () => {
    const url = `/api/claims/${claimId}/comments`;
    expect((await call(getCommentsRoute, url, { params: { id: String(claimId) } })).status).toBe(401);
    const bad = await call(getCommentsRoute, `${url}?cursor=nonsense`, { params: { id: String(claimId) }, token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.cursor).toBeDefined();
    expect((await call(getEvidenceRoute, `/api/claims/${claimId}/evidence?limit=1000`, { params: { id: String(claimId) }, token })).body.error.fields.limit).toBeDefined();
    expect((await call(getEvidenceRoute, "/api/claims/999999/evidence", { params: { id: "999999" }, token })).status).toBe(404);
  });
});

describe("the review queue", () => {
  it("shows a few counter-claims of a contested claim, with how many there are", async () => {
    // The most check requests come first: the claim is on the first page.
    const res = await call(getQueueRoute, "/api/queue?filter=contested&limit=5", { token });
    expect(res.status).toBe(200);
    const item = (res.body.items as QueueItemDTO[]).find((i) => i.claim.id === claimId)!;
    expect(item).toBeDefined();
    expect(item.requests).toBe(REQUESTS);
    expect(item.otherSide).toHaveLength(OTHER_SIDE_SHOWN);
    expect(item.otherSideCount).toBe(DISPUTES);
    expect(item.pending?.rationale).toBe(`Proposal ${REVIEWS}`);
  });
});
