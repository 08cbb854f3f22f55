import { readFile } from "node:fs/promises";
import { type Browser, expect, test } from "@playwright/test";
import { storageStatePath, unique } from "./support/users";

async function as(browser: Browser, role: "factchecker" | "editor") {
  const context = await browser.newContext({ storageState: storageStatePath(role), acceptDownloads: true });
  return { context, page: await context.newPage() };
}

/** A ClaimReview feed written for this test: one mapped verdict, one the scale lacks, one unreadable review. */
function feed(tag: string) {
  const review = (slug: string, text: string, rating: Record<string, unknown>, author: unknown = { "@type": "Person", name: `Speaker ${tag}` }) => ({
    "@type": "ClaimReview",
    url: `https://checks.example.net/${encodeURIComponent(tag)}/${slug}`,
    datePublished: "2024-06-01",
    claimReviewed: text,
    itemReviewed: { "@type": "Claim", author },
    reviewRating: { "@type": "Rating", ...rating },
  });
  return JSON.stringify({
    "@context": "https://schema.org",
    "@type": "DataFeed",
    dataFeedElement: [
      review("one", `Bridges were rebuilt ${tag}`, { alternateName: "False" }),
      review("two", `Trains ran on time ${tag}`, { alternateName: "Four Pinocchios" }),
      review("three", `Nobody said this ${tag}`, { alternateName: "True" }, null),
    ],
  });
}

test("an editor previews a ClaimReview file, imports it with a progress bar, downloads the report, and undoes it", async ({ browser }) => {
  const tag = unique("import");
  const { page } = await as(browser, "editor");
  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
  await page.getByLabel("File").setInputFiles({ name: "feed.json", mimeType: "application/json", buffer: Buffer.from(feed(tag)) });
  await page.getByRole("button", { name: "Preview (dry run)" }).click();

  const dry = page.getByRole("region", { name: /^Dry run #\d+/ });
  await expect(dry.getByRole("status")).toHaveText("Nothing was written. This import would give: 2 created, 0 updated, 0 unchanged, 1 refused.");
  await expect(dry.getByRole("row", { name: /item 3/ })).toContainText("itemReviewed.author has no name");
  await expect(dry).toContainText("“Four Pinocchios”: 1 claim(s) (item 2)");
  const search = async () => (await (await page.request.get(`/api/claims?q=${encodeURIComponent(tag)}&limit=10`)).json()).items as { text: string; status: string }[];
  expect(await search()).toEqual([]);

  await dry.getByRole("button", { name: "Import for real" }).click();
  const run = page.getByRole("region", { name: /^Import #\d+/ });
  await expect(run.getByRole("progressbar")).toBeVisible();
  await expect(run.getByText("Imported 3 of 3 item(s)")).toBeVisible();
  await expect(run.getByRole("status")).toHaveText("Done: 2 created, 0 updated, 0 unchanged, 1 refused.");
  const stored = await search();
  expect(stored.map((c) => [c.text, c.status]).sort()).toEqual([
    [`Bridges were rebuilt ${tag}`, "published"],
    [`Trains ran on time ${tag}`, "draft"],
  ]);

  const [download] = await Promise.all([page.waitForEvent("download"), run.getByRole("link", { name: "Download the report (CSV)" }).click()]);
  const report = await readFile((await download.path())!, "utf8");
  expect(report.split("\r\n")[0]).toBe("item,outcome,claim_id,reason,notes");
  expect(report).toContain("item 3,refused,,itemReviewed.author has no name: a claim needs a speaker,");

  const id = (await run.getByRole("heading", { level: 2 }).textContent())!.match(/#(\d+)/)![1]!;
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Undo import ${id}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(`^${id} `) })).toContainText("undone");
  expect(await search()).toEqual([]);
});

test("a fact-checker is told that only editors and admins import", async ({ browser }) => {
  const { page } = await as(browser, "factchecker");
  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { name: "Only editors and admins can import" })).toBeVisible();
});

test("a fact-checker asking for a source from a private address is told why, and nothing is made", async ({ browser, baseURL }) => {
  const { page } = await as(browser, "factchecker");
  await page.goto("/sources/new");
  const form = page.getByRole("form", { name: "Import from a web address" });
  await form.getByLabel("Web address").fill(`${baseURL}/api/stories`);
  await form.getByRole("button", { name: "Fetch and annotate" }).click();
  await expect(form.getByRole("alert")).toHaveText("points at 127.0.0.1, a private or local address");
  await expect(page).toHaveURL(/\/sources\/new$/);
});

test("a published claim's page links its share card and the verdict feed; the card is a PNG", async ({ page, request }) => {
  const claims = (await (await request.get("/api/claims?status=published&limit=1")).json()).items as { id: number }[];
  await page.goto(`/claims/${claims[0]!.id}`);
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(new RegExp(`/claims/${claims[0]!.id}/card\\.png$`));
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
  const card = await request.get(new URL(image!).pathname);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
});
