import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { storageStatePath } from "./support/users";

/** The reader pages, found from the demo data so ids are not hard-coded. */
async function readerPages(page: Page): Promise<Record<string, string>> {
  await page.goto("/");
  // A claim with a published verdict.
  const claim = await page.getByRole("link", { name: /identified 53 scam centers/ }).first().getAttribute("href");
  const source = await page.locator("[data-pair-id] article").first().getByRole("link", { name: /Amnesty accuses Cambodia/ }).getAttribute("href");
  const speaker = await page.locator("[data-pair-id] article").first().locator("a[href^='/speakers/']").first().getAttribute("href");
  const story = await page.getByRole("link", { name: "Cambodia scam compounds" }).first().getAttribute("href");
  return { home: "/", claim: claim!, contested: "/contested", source: source!.split("#")[0]!, speaker: speaker!, timeline: story!, search: "/search?q=scam+centers", checkedBefore: "/checked-before?text=53+scam+centres+in+Cambodia" };
}

test("reader pages have no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(90_000);
  const pages = await readerPages(page);
  const report: string[] = [];
  for (const [name, path] of Object.entries(pages)) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      report.push(`${name} ${path}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    }
  }
  expect(report).toEqual([]);
});

test("staff pages have no serious or critical accessibility violations", async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ storageState: storageStatePath("editor") });
  const page = await context.newPage();
  await page.goto("/review");
  const report: string[] = [];
  const claim = await page.locator("[data-queue-claim]").first().getAttribute("data-queue-claim");
  for (const path of ["/review", `/claims/${claim}`, "/sources/new", "/account", "/admin/imports"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) report.push(`${path}: ${v.id} — ${v.help}`);
  }
  expect(report).toEqual([]);
  await context.close();
});

test("reader pages send caching headers for what they show, and render without client data fetching", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const pages = await readerPages(page);
  const apiCalls: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/")) apiCalls.push(r.url());
  });
  for (const path of Object.values(pages)) {
    const response = await page.goto(path);
    expect(response?.headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
  }
  const claim = await page.goto(pages.claim!, { waitUntil: "load" });
  // Give a client fetch, if there were one, time to start (link prefetches keep the network
  // busy, so "networkidle" is no measure here; prefetches are not /api calls).
  await page.waitForTimeout(1500);
  expect(await claim?.text()).toContain("Verdict:");
  expect(apiCalls).toEqual([]);

  // A signed-in editor's pages may show drafts: never stored.
  const staff = await browser.newContext({ storageState: storageStatePath("editor") });
  const staffPage = await staff.newPage();
  const res = await staffPage.goto(pages.claim!);
  expect(res?.headers()["cache-control"]).toBe("private, no-store");
  expect((await staffPage.request.get("/api/claims?status=draft")).headers()["cache-control"]).toBe("private, no-store");
  await staff.close();
  expect((await page.request.get("/api/claims")).headers()["cache-control"]).toMatch(/^public/);
});

test("security headers are sent on pages and the API", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  const api = await page.request.get("/api/stories");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  // Hydration still works under the CSP: the contested board's filter reacts without a reload.
  await page.goto("/contested");
  await page.getByLabel("Speaker", { exact: true }).selectOption({ label: "Agnes Callamard" });
  await expect(page).toHaveURL(/speaker=/);
});
