import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { missingShared, sharedPath } from "@/scripts/shared-dir";
import { undoImport } from "@/server/importers";
import { all, createSeededDb, num, run, snapshot, viewerFor } from "../support/db";
import { BOOKKEEPING, byRef, fixture, importAs, storedClaim } from "./support";

let db: Db;
beforeAll(async () => {
  db = await createSeededDb();
});

describe("ClaimReview import: the quirks real markup has", () => {
  it("maps what it can, keeps unmappable verdicts as drafts listed for a person, and refuses what it cannot read, with the item and the reason", async () => {
    const result = await importAs(db, { format: "claimreview", content: fixture("claimreview-quirks.json") });
    expect(result.state).toBe("done");
    const items = byRef(result);
    expect(result.counts).toEqual({ created: 4, updated: 0, unchanged: 0, refused: 3 });

    const bridge = await storedClaim(db, items["item 1"]!.claimId!);
    expect(bridge).toMatchObject({ text: "The bridge cost £3 billion.", speaker: "Alex Mayor", verdict: "mostly-false", status: "published", stated_on: "2024-02-28", published_at: "2024-03-02T09:30:00.000Z" });
    expect(items["item 1"]!.notes).toContain("HTML removed from the claim's text");

    // author as an array: the first named one; the rating only numeric, on a 1–5 scale like ours.
    const rates = await storedClaim(db, items["item 2"]!.claimId!);
    expect(rates).toMatchObject({ speaker: "Jo Treasurer", verdict: "false", status: "published", stated_on: null });
    expect(items["item 2"]!.notes).toEqual(expect.arrayContaining(["no date for the claim", "no review date: the date of the import is used"]));

    // A label not on our scale is never guessed from its numbers: a draft, listed for mapping.
    const pinocchios = await storedClaim(db, items["item 3"]!.claimId!);
    expect(pinocchios).toMatchObject({ speaker: "Alex Mayor", verdict: null, status: "draft" });
    expect(items["item 3"]!.notes).toContain("legacy CreativeWork itemReviewed read as a Claim");
    // 2 of 1–5 lands on two of our verdicts (Mostly false, Misleading): unmapped too.
    expect(await storedClaim(db, items["item 4"]!.claimId!)).toMatchObject({ speaker: "Ministry of Work", verdict: null, status: "draft" });
    expect(result.report!.unmappedVerdicts).toEqual([
      { label: "Four Pinocchios", count: 1, refs: ["item 3"] },
      { label: "2 on a scale of 1 to 5", count: 1, refs: ["item 4"] },
    ]);
    expect(items["item 5"]).toMatchObject({ outcome: "refused", reason: "itemReviewed.author has no name: a claim needs a speaker" });
    expect(items["item 6"]).toMatchObject({ outcome: "refused", reason: expect.stringMatching(/^no itemReviewed/) });
    expect(items["item 7"]).toMatchObject({ outcome: "refused", reason: expect.stringMatching(/^no claimReviewed/) });
    // The two Alex Mayor claims share one new speaker.
    expect(await num(db, "SELECT count(*) FROM speakers WHERE name = 'Alex Mayor'")).toBe(1);
  });

  it("reads an @graph with @id references, a DataFeed, and the ld+json blocks of an HTML page; speakers merge by name, ignoring case", async () => {
    const graph = byRef(await importAs(db, { format: "claimreview", content: fixture("claimreview-graph.jsonld") }));
    expect(Object.keys(graph)).toEqual(["item 1"]);
    const wind = await storedClaim(db, graph["item 1"]!.claimId!);
    expect(wind).toMatchObject({ speaker: "Sam Senator", verdict: "mostly-false", stated_on: "2024-05-01", source_url: "https://news.example.com/wind-interview" });
    expect(wind.rationale).toMatch(/^Official figures put it at a quarter\.\n\nImported from Example Checks's ClaimReview at https:\/\/checks\.example\.net\/2024\/wind/);

    const feed = await importAs(db, { format: "claimreview", content: fixture("claimreview-datafeed.json") });
    expect(feed.counts.created).toBe(2);
    const [trains, schools] = [byRef(feed)["item 1"]!, byRef(feed)["item 2"]!];
    expect(await storedClaim(db, trains.claimId!)).toMatchObject({ speaker: "Sam Senator", verdict: "false", source_url: "https://news.example.com/trains" });
    expect(await storedClaim(db, schools.claimId!)).toMatchObject({ speaker: "Sam Senator", verdict: "half-true" });
    expect(await num(db, "SELECT count(*) FROM speakers WHERE lower(name) = 'sam senator'")).toBe(1);

    const page = await importAs(db, { format: "claimreview", content: fixture("claimreview-page.html") });
    expect(page.report!.items.map((i) => [i.ref, i.outcome])).toEqual([
      ["script 1, item 1", "created"],
      ["script 2, item 1", "created"],
    ]);
  });

  it("updates on a second import instead of duplicating, and says what changed", async () => {
    const content = fixture("claimreview-datafeed.json");
    const again = await importAs(db, { format: "claimreview", content });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 0 });
    const changed = await importAs(db, { format: "claimreview", content: content.replace('"Half True"', '"Mostly True"') });
    expect(changed.counts).toEqual({ created: 0, updated: 1, unchanged: 1, refused: 0 });
    expect(await storedClaim(db, byRef(changed)["item 2"]!.claimId!)).toMatchObject({ verdict: "mostly-true" });
    expect(await num(db, "SELECT count(*) FROM claims WHERE text = 'Every school got a new roof.'")).toBe(1);
  });

  it("takes a person's mapping for a verdict the scale lacks, and publishes the draft it made", async () => {
    const content = fixture("claimreview-quirks.json");
    const mapped = await importAs(db, { format: "claimreview", content, ratingMap: { "Four Pinocchios": "false" } });
    const item = byRef(mapped)["item 3"]!;
    expect(item.outcome).toBe("updated");
    expect(await storedClaim(db, item.claimId!)).toMatchObject({ verdict: "false", status: "published" });
  });

  it("refuses a file that is not JSON, naming the line, and writes nothing", async () => {
    const before = await snapshot(db, ["api_tokens"]);
    await expect(importAs(db, { format: "claimreview", content: fixture("claimreview-broken.json") })).rejects.toMatchObject({ status: 400, fields: { file: expect.stringMatching(/^line 6: not valid JSON/) } });
    await expect(importAs(db, { format: "claimreview", content: '{"@type":"Article","headline":"x"}' })).rejects.toMatchObject({ fields: { file: expect.stringMatching(/no ClaimReview/) } });
    await expect(importAs(db, { format: "claimreview", content: "<html><body>no markup</body></html>" })).rejects.toMatchObject({ fields: { file: expect.stringMatching(/ld\+json/) } });
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
  });

  it("previews in a dry run exactly what the import then does, writing nothing", async () => {
    const fresh = await createSeededDb();
    const content = fixture("claimreview-quirks.json");
    const before = await snapshot(fresh, BOOKKEEPING);
    const preview = await importAs(fresh, { format: "claimreview", content, dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, state: "done" });
    expect(await snapshot(fresh, BOOKKEEPING)).toEqual(before);
    const real = await importAs(fresh, { format: "claimreview", content });
    expect(real.counts).toEqual(preview.counts);
    expect(real.report!.items.map((i) => [i.ref, i.outcome, i.reason])).toEqual(preview.report!.items.map((i) => [i.ref, i.outcome, i.reason]));
    expect(real.report!.made).toEqual(preview.report!.made);
  });

  it("is in the audit log with who ran it, and undoes as a whole — unless someone has built on it since", async () => {
    const fresh = await createSeededDb();
    const editor = await viewerFor(fresh, "editor");
    const before = await snapshot(fresh, BOOKKEEPING);
    const result = await importAs(fresh, { format: "claimreview", content: fixture("claimreview-graph.jsonld"), batchSize: 1 });
    const logged = await all<{ actor: string; entity_type: string }>(fresh, "SELECT actor, entity_type FROM events WHERE comment = ? ORDER BY id", `Import #${result.id} (ClaimReview)`);
    expect(logged.map((e) => e.entity_type)).toEqual(["speaker", "source", "claim"]);
    expect(new Set(logged.map((e) => e.actor))).toEqual(new Set([editor.id]));

    const claimId = byRef(result)["item 1"]!.claimId!;
    await run(fresh, "INSERT INTO comments (claim_id, author_id, body) VALUES (?, ?, 'Check the figures')", claimId, editor.id);
    await expect(undoImport(fresh, editor, result.id)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/1 comment\(s\) on its claims/) });
    await run(fresh, "DELETE FROM comments WHERE claim_id = ?", claimId);

    const undone = await undoImport(fresh, editor, result.id);
    expect(undone).toMatchObject({ state: "undone", undoneBy: editor.id });
    expect(await snapshot(fresh, BOOKKEEPING)).toEqual(before);
    await expect(undoImport(fresh, editor, result.id)).rejects.toMatchObject({ status: 409 });
    expect(await num(fresh, "SELECT count(*) FROM events WHERE comment = ?", `Undo of import #${result.id}`)).toBe(3);
  });
});

const google = sharedPath("schemas/claimreview/google-search-central");
const schemaorg = sharedPath("schemas/claimreview/schemaorg");
describe.skipIf(!google || !schemaorg)(`ClaimReview import: the published examples${google && schemaorg ? "" : ` (${missingShared("schemas/claimreview")})`}`, () => {
  it("imports Google's examples and schema.org's ClaimReview examples, and refuses the MediaReview with a reason", async () => {
    const fresh = await createSeededDb();
    const files = [...readdirSync(google!).map((f) => path.join(google!, f)), ...readdirSync(schemaorg!).filter((f) => /^example-.*\.jsonld$/.test(f)).map((f) => path.join(schemaorg!, f))].sort();
    const outcomes: Record<string, string> = {};
    for (const file of files) {
      const result = await importAs(fresh, { format: "claimreview", content: readFileSync(file, "utf8") });
      outcomes[path.basename(file)] = result.report!.items.map((i) => `${i.outcome}${i.reason ? `: ${i.reason}` : ""}`).join(", ");
    }
    expect(outcomes).toEqual({
      "example-eg-0324.jsonld": "created",
      "example-eg-0325.jsonld": "created",
      "example-eg-0467.jsonld": "refused: a MediaReview, not a ClaimReview: only ClaimReviews are imported",
      // Google's two examples are the same review (same URL) in the current and the legacy form.
      "factcheck-example-claim.jsonld": "created",
      "factcheck-example-legacy-creativework.jsonld": "updated",
    });
    const flat = await all<{ text: string; speaker: string; verdict: string | null; status: string }>(
      fresh,
      "SELECT c.text, s.name AS speaker, r.key AS verdict, c.status FROM claims c JOIN speakers s ON s.id = c.speaker_id LEFT JOIN ratings r ON r.id = c.rating_id JOIN import_keys k ON k.claim_id = c.id ORDER BY c.id",
    );
    expect(flat).toEqual([
      { text: "The world is flat", speaker: "Square World Society", verdict: "false", status: "published" },
      // PolitiFact's example says ratingValue 1 of 6 but alternateName "True": the label decides.
      { text: "More than 3,000 homicides were committed by \"illegal aliens\" over the past six years.", speaker: "Rich Perry", verdict: "true", status: "published" },
      // A Clip of a speech with no reviewRating: kept as a draft for a person to rate.
      { text: expect.stringMatching(/^In the middle of the Cold War/), speaker: "Barack Obama", verdict: null, status: "draft" },
    ]);
  });
});
