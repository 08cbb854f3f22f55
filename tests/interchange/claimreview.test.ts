import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as claimReviewRoute } from "@/app/api/claims/[id]/claimreview/route";
import type { Db } from "@/db/client";
import { buildClaimReview, type ClaimReviewJsonLd, serialiseJsonLd, shortenClaim } from "@/lib/claimreview";
import type { ClaimDTO } from "@/lib/dto";
import { ANONYMOUS } from "@/lib/model";
import { sharedPath, missingShared } from "@/scripts/shared-dir";
import { getClaim } from "@/server/claims";
import { claimReviewFor, getClaimReview } from "@/server/feeds";
import { scaleRatings } from "@/server/ratings";
import { createSeededDb, installDb, tokenFor } from "@/tests/support/db";
import { call } from "@/tests/support/http";
import { compileZenodotus, googleProblems, loadSchemaOrg, propertyPaths, schemaOrgProblems } from "./claimreview-checks";
import { claimRows, publishedWithVerdict, SITE, useTestSite } from "./support";

let db: Db;

beforeAll(async () => {
  useTestSite();
  db = installDb(await createSeededDb());
});

/** A demo claim changed for an edge case (built from a real DTO, so every field is realistic). */
async function variant(id: number, change: (c: ClaimDTO) => ClaimDTO): Promise<ClaimDTO> {
  return change(structuredClone(await getClaim(db, ANONYMOUS, id)));
}

async function reviewOf(claim: ClaimDTO): Promise<ClaimReviewJsonLd> {
  const review = buildClaimReview({ claim, scale: await scaleRatings(db), verdictPublishedAt: "2026-03-04T10:20:30.000Z", site: SITE });
  if (!review) throw new Error(`no ClaimReview for claim ${claim.id}`);
  return review;
}

const numericId = async () => (await publishedWithVerdict(db)).find((c) => ![9, 16].includes(c.id) && c.source_id !== null)!.id;
const sourcedId = async () => (await publishedWithVerdict(db)).find((c) => c.source_id !== null)!.id;

/** The demo's published verdicts, plus the edge cases every check below runs on too. */
async function cases(): Promise<[string, ClaimReviewJsonLd][]> {
  const demo = await Promise.all((await publishedWithVerdict(db)).map(async (c): Promise<[string, ClaimReviewJsonLd]> => [`demo claim ${c.id}`, await getClaimReview(db, c.id, SITE)]));
  const unproven = (await scaleRatings(db)).find((r) => r.key === "unproven")!;
  const long = "The ministry said that the number of registered workers in the special economic zones has risen every single year since the programme began, and that inspections found no abuses at all anywhere";
  return [
    ...demo,
    ["a 200-character claim", await reviewOf(await variant(await numericId(), (c) => ({ ...c, text: long.padEnd(200, " x").slice(0, 200) })))],
    ["a source without a URL", await reviewOf(await variant(await sourcedId(), (c) => ({ ...c, source: c.source && { ...c.source, url: null } })))],
    ["a source with a URL", await reviewOf(await variant(await sourcedId(), (c) => ({ ...c, source: c.source && { ...c.source, url: "https://news.example.com/2025/06/report" } })))],
    ["no source at all", await reviewOf(await variant(await sourcedId(), (c) => ({ ...c, source: null, anchor: null })))],
    ["a verdict without a numeric value", await reviewOf(await variant(await numericId(), (c) => ({ ...c, verdict: { rating: unproven, rationale: null } })))],
    ["an undated claim by a person", await reviewOf(await variant(await numericId(), (c) => ({ ...c, statedOn: null, speaker: { ...c.speaker, kind: "person" } })))],
  ];
}

describe("claimReviewed", () => {
  it("keeps a claim under 75 characters as it is", () => {
    const text = "Amnesty identified 53 scam centres in Cambodia";
    expect(shortenClaim(text)).toBe(text);
    const exactly74 = "a".repeat(10) + " " + "b".repeat(63);
    expect([...exactly74]).toHaveLength(74);
    expect(shortenClaim(exactly74)).toBe(exactly74);
  });

  it("cuts a long claim at a word boundary, under 75 characters, with an ellipsis and never mid-word", () => {
    const words = "Officials said the number of inspections carried out in special economic zones doubled last year according to ministry figures";
    const short = shortenClaim(words);
    expect([...short].length).toBeLessThan(75);
    expect(short.endsWith("…")).toBe(true);
    const kept = short.slice(0, -1);
    expect(words.startsWith(kept)).toBe(true);
    // The character after the kept text in the original is a space: no word was cut.
    expect(words.charAt(kept.length)).toBe(" ");
    expect(short).toBe("Officials said the number of inspections carried out in special economic…");
  });

  it("drops punctuation left dangling before the ellipsis and counts code points, not UTF-16 units", () => {
    expect(shortenClaim(`${"word ".repeat(13)}ended, alongword and more`)).toBe(`${"word ".repeat(13)}ended…`);
    const emoji = `${"🙂".repeat(40)} ${"🙂".repeat(40)}`;
    const short = shortenClaim(emoji);
    expect([...short].length).toBeLessThan(75);
    expect(short).toBe(`${"🙂".repeat(40)}…`);
  });

  it("folds whitespace, and cuts a single over-long word only because nothing else fits", () => {
    expect(shortenClaim("  many\n\n spaces\there  ")).toBe("many spaces here");
    const url = `https://example.org/${"x".repeat(100)}`;
    expect([...shortenClaim(url)].length).toBeLessThan(75);
  });
});

describe("buildClaimReview", () => {
  it("maps a published verdict: rating from the scale, speaker, appearance, permalink and organisation", async () => {
    const claim = await variant(await numericId(), (c) => c);
    const review = await reviewOf(claim);
    const scale = (await scaleRatings(db)).filter((r) => r.value !== null);
    expect(review.url).toBe(`${SITE.url}/claims/${claim.id}`);
    expect(review.datePublished).toBe("2026-03-04");
    expect(review.author).toEqual({ "@type": "Organization", name: SITE.orgName, url: SITE.orgUrl });
    expect(review.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: String(claim.verdict!.rating.value),
      bestRating: String(Math.max(...scale.map((r) => r.value!))),
      worstRating: String(Math.min(...scale.map((r) => r.value!))),
      alternateName: claim.verdict!.rating.label,
    });
    expect(review.reviewRating.bestRating).toBe("5");
    expect(review.reviewRating.worstRating).toBe("1");
    expect(review.itemReviewed.author).toEqual({ "@type": claim.speaker.kind === "person" ? "Person" : "Organization", name: claim.speaker.name, sameAs: [`${SITE.url}/speakers/${claim.speaker.id}`] });
    expect(review.itemReviewed.datePublished).toBe(claim.statedOn);
    expect(review.itemReviewed.appearance).toEqual([review.itemReviewed.firstAppearance]);
    expect(review.itemReviewed.firstAppearance?.url).toBe(`${SITE.url}/sources/${claim.source!.id}`);
  });

  it("uses the source's own URL when it has one, and leaves appearances out without a source", async () => {
    const withUrl = await reviewOf(await variant(await sourcedId(), (c) => ({ ...c, source: c.source && { ...c.source, url: "https://news.example.com/a" } })));
    expect(withUrl.itemReviewed.firstAppearance?.url).toBe("https://news.example.com/a");
    const none = await reviewOf(await variant(await sourcedId(), (c) => ({ ...c, source: null, anchor: null })));
    expect(none.itemReviewed).not.toHaveProperty("appearance");
    expect(none.itemReviewed).not.toHaveProperty("firstAppearance");
  });

  it("gives a verdict without a numeric value no numbers, but keeps its label", async () => {
    const published = await Promise.all((await publishedWithVerdict(db)).map((c) => getClaim(db, ANONYMOUS, c.id)));
    const unproven = published.find((c) => c.verdict?.rating.value === null)!;
    const review = await getClaimReview(db, unproven.id, SITE);
    expect(review.reviewRating).toEqual({ "@type": "Rating", alternateName: "Unproven" });
  });

  it("describes government bodies and organisations as Organizations", async () => {
    const published = await Promise.all((await publishedWithVerdict(db)).map((c) => getClaim(db, ANONYMOUS, c.id)));
    const government = published.find((c) => c.speaker.kind === "government")!;
    expect((await getClaimReview(db, government.id, SITE)).itemReviewed.author["@type"]).toBe("Organization");
  });

  it("gives nothing for a draft, a claim in review or an unrated published claim", async () => {
    const rows = await claimRows(db);
    const unrated = rows.find((c) => c.status === "published" && c.rating_id === null)!;
    expect(await claimReviewFor(db, await getClaim(db, ANONYMOUS, unrated.id), SITE)).toBeNull();
    const rated = await variant(await numericId(), (c) => c);
    for (const status of ["draft", "in_review", "returned", "archived"] as const) {
      expect(buildClaimReview({ claim: { ...rated, status }, scale: await scaleRatings(db), verdictPublishedAt: "2026-01-01T00:00:00Z", site: SITE })).toBeNull();
    }
  });
});

describe("serialiseJsonLd", () => {
  it("cannot be broken out of by a quote holding </script>, and parses back to the same value", () => {
    const value = { claimReviewed: 'He said "</script><script>alert(1)</script>" & <!-- more', line: "a\u2028b" };
    const out = serialiseJsonLd(value);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(out).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(out)).toEqual(value);
  });
});

const google = sharedPath("schemas/claimreview/google-search-central");
describe.skipIf(!google)("against Google's ClaimReview requirements", () => {
  it("has no missing required or recommended property, for every demo verdict and edge case", async () => {
    for (const [name, review] of await cases()) expect({ name, problems: googleProblems(review as unknown as Record<string, unknown>, SITE.url) }).toEqual({ name, problems: [] });
  });

  it("uses every property Google's example uses, but for the ones Counterpoint holds no data for", async () => {
    if (!google) throw new Error(missingShared("schemas/claimreview/google-search-central"));
    const example = JSON.parse(readFileSync(path.join(google, "factcheck-example-claim.jsonld"), "utf8"));
    // No images or logos are stored, nor a source's author in a claim's DTO.
    const absent = new Set(["itemReviewed.appearance.image", "itemReviewed.appearance.author", "itemReviewed.appearance.author.name", "itemReviewed.appearance.publisher.logo", "itemReviewed.appearance.publisher.logo.url"]);
    const ours = propertyPaths(await reviewOf(await variant(await numericId(), (c) => ({ ...c, source: c.source && { ...c.source, url: "https://news.example.com/a" } }))));
    const missing = [...propertyPaths(example)].filter((p) => !absent.has(p) && !ours.has(p));
    expect(missing).toEqual([]);
  });
});

const schemaorg = sharedPath("schemas/claimreview/schemaorg/schemaorg-30.0-claimreview-subset.jsonld");
describe.skipIf(!schemaorg)("against the schema.org 30.0 definitions", () => {
  it("defines every property used for the type it is used on, with values in range", async () => {
    const schema = loadSchemaOrg(schemaorg!);
    for (const [name, review] of await cases()) expect({ name, problems: schemaOrgProblems(schema, review) }).toEqual({ name, problems: [] });
  });

  it("catches a property used on the wrong type (the check can fail)", async () => {
    const schema = loadSchemaOrg(schemaorg!);
    const review = structuredClone((await cases())[0]![1]) as unknown as Record<string, Record<string, unknown>>;
    review.reviewRating!.claimReviewed = "x";
    review.itemReviewed!.author = { "@type": "Claim", name: "not an agent" };
    expect(schemaOrgProblems(schema, review)).toEqual([
      "$.reviewRating.claimReviewed: not defined for Rating",
      "$.itemReviewed.author: a Claim is outside its range Organization/Person",
    ]);
  });
});

const zenodotus = sharedPath("schemas/claimreview/zenodotus-json-schemas/claim-review-schema.json");
describe.skipIf(!zenodotus)("against the strict zenodotus JSON Schema (ajv)", () => {
  it("validates every demo verdict and edge case", async () => {
    const validate = compileZenodotus(zenodotus!);
    const all = await cases();
    expect(all.length).toBeGreaterThanOrEqual((await publishedWithVerdict(db)).length + 6);
    for (const [name, review] of all) {
      validate(review);
      expect({ name, errors: validate.errors ?? [] }).toEqual({ name, errors: [] });
    }
  });

  it("rejects what it should: an http URL, a datetime date, a numeric rating, an unknown property", async () => {
    const validate = compileZenodotus(zenodotus!);
    const base = (await cases())[0]![1];
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, url: base.url.replace("https:", "http:") })).toBe(false);
    expect(validate({ ...base, datePublished: "2026-03-04T10:20:30Z" })).toBe(false);
    expect(validate({ ...base, reviewRating: { ...base.reviewRating, ratingValue: 5 } })).toBe(false);
    expect(validate({ ...base, reviewBody: "x" })).toBe(false);
    // An author with both name and url matches the schema's Person and Organization: oneOf refuses it.
    expect(validate({ ...base, itemReviewed: { ...base.itemReviewed, author: { "@type": "Person", name: "A", url: "https://a.example" } } })).toBe(false);
  });
});

describe("GET /api/claims/{id}/claimreview", () => {
  it("answers a published verdict with its ClaimReview as JSON-LD, publicly cacheable", async () => {
    const id = (await publishedWithVerdict(db))[0]!.id;
    const res = await call(claimReviewRoute, `/api/claims/${id}/claimreview`, { params: { id: String(id) } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/ld+json");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.body).toEqual(JSON.parse(JSON.stringify(await getClaimReview(db, id, SITE))));
    expect(res.body.url).toBe(`${SITE.url}/claims/${id}`);
  });

  it("is a 404 for a draft (even to staff), a published claim without a verdict and an unknown id; a 400 for a bad id", async () => {
    const rows = await claimRows(db);
    const draft = rows.find((c) => c.status === "draft")!.id;
    const unrated = rows.find((c) => c.status === "published" && c.rating_id === null)!.id;
    const token = await tokenFor(db, "editor");
    for (const id of [draft, unrated, 999_999]) {
      const res = await call(claimReviewRoute, `/api/claims/${id}/claimreview`, { params: { id: String(id) }, token });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    const bad = await call(claimReviewRoute, "/api/claims/abc/claimreview", { params: { id: "abc" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("id");
  });
});
