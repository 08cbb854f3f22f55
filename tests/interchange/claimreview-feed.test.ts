import { beforeAll, describe, expect, it } from "vitest";
import { GET as feedRoute } from "@/app/api/claimreview/route";
import type { Db } from "@/db/client";
import { sharedPath } from "@/scripts/shared-dir";
import { claimReviewFeed } from "@/server/claimreview-feed";
import { all, createSeededDb, createTestDb, installDb, num } from "@/tests/support/db";
import { googleProblems, compileZenodotus } from "./claimreview-checks";
import { callRaw, SITE, useTestSite } from "./support";
import { importAs } from "../importers/support";

let db: Db;
beforeAll(async () => {
  useTestSite();
  db = installDb(await createSeededDb());
});

describe("GET /api/claimreview", () => {
  it("pages through every published verdict as a DataFeed, linked by rel=next, each element a valid ClaimReview", async () => {
    const total = await num(db, "SELECT count(*) FROM claims WHERE status = 'published' AND rating_id IS NOT NULL");
    expect(total).toBeGreaterThan(3);
    const seen: string[] = [];
    let url: string | null = "/api/claimreview";
    let pages = 0;
    while (url) {
      const res = await callRaw(feedRoute, url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/ld+json");
      const feed = JSON.parse(res.text) as { "@type": string; dataFeedElement: Record<string, unknown>[]; nextPage?: string };
      expect(feed["@type"]).toBe("DataFeed");
      for (const review of feed.dataFeedElement) {
        expect(googleProblems(review, SITE.url)).toEqual([]);
        seen.push(review.url as string);
      }
      const link = res.headers.get("link");
      expect(link).toBe(feed.nextPage ? `<${feed.nextPage}>; rel="next"` : null);
      url = feed.nextPage ? feed.nextPage.replace(SITE.url, "") : null;
      pages++;
      if (pages > 50) throw new Error("the feed does not end");
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    // Small pages: the same verdicts, in the same order.
    const small: string[] = [];
    for (let after = 0, page = await claimReviewFeed(db, SITE, 0, 2); ; page = await claimReviewFeed(db, SITE, after, 2)) {
      small.push(...page.dataFeedElement.map((r) => r.url));
      if (!page.nextPage) break;
      after = Number(new URL(page.nextPage).searchParams.get("after"));
    }
    expect(small).toEqual(seen);
    expect((await callRaw(feedRoute, "/api/claimreview?after=abc")).status).toBe(400);
  });

  const zenodotus = sharedPath("schemas/claimreview/zenodotus-json-schemas/claim-review-schema.json");
  it.skipIf(!zenodotus)("passes the strict zenodotus JSON Schema, element by element", async () => {
    const validate = compileZenodotus(zenodotus!);
    for (const review of (await claimReviewFeed(db, SITE)).dataFeedElement) {
      validate(review);
      expect(validate.errors ?? []).toEqual([]);
    }
  });

  it("is what the ClaimReview import reads: importing the feed into an empty database makes the same verdicts", async () => {
    const feed = await claimReviewFeed(db, SITE, 0, 1000);
    const n = feed.dataFeedElement.length;
    const fresh = await createTestDb();
    const result = await importAs(fresh, { format: "claimreview", content: JSON.stringify(feed) });
    expect(result.counts).toEqual({ created: n, updated: 0, unchanged: 0, refused: 0 });
    // The full text travels in itemReviewed.text (claimReviewed is shortened), with the verdict.
    const pairs = (d: Db) => all(d, "SELECT c.text, r.key FROM claims c JOIN ratings r ON r.id = c.rating_id WHERE c.status = 'published' ORDER BY c.text");
    expect(await pairs(fresh)).toEqual(await pairs(db));
    expect((await importAs(fresh, { format: "claimreview", content: JSON.stringify(feed) })).counts).toEqual({ created: 0, updated: 0, unchanged: n, refused: 0 });
  });
});
