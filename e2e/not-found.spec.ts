import { type APIRequestContext, expect, test } from "@playwright/test";
import { storageStatePath, unique } from "./support/users";

/** The text a page shows without running any script: its HTML, scripts and tags removed. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

async function draftClaimId(request: APIRequestContext, baseURL: string): Promise<number> {
  const speakers = await (await request.get("/api/speakers?q=Pen%20Bona")).json();
  const res = await request.post("/api/claims", { headers: { origin: baseURL }, data: { text: unique("A draft nobody may see"), speakerId: speakers.items[0].id } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

test.describe("the 404 page, with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("unknown and draft ids get a server-rendered 404 page with the site around it", async ({ page, browser, baseURL }) => {
    const staff = await browser.newContext({ storageState: storageStatePath("factchecker") });
    const draft = await draftClaimId(staff.request, baseURL!);
    await staff.close();
    const paths = [
      `/claims/${draft}`,
      "/claims/999999",
      "/claims/abc",
      "/sources/999999",
      "/sources/999999/revisions",
      "/speakers/999999",
      "/speakers/999999/timeline",
      "/stories/999999",
      "/no-such-page",
    ];
    for (const path of paths) {
      // What curl gets: a 404 whose HTML itself says so.
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(404);
      expect(visibleText(await res.text()), path).toContain("We can’t find that page");

      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "We can’t find that page" }), path).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to the contested claims" }), path).toBeVisible();
      await expect(page.getByRole("link", { name: "Sources" }).first(), path).toBeVisible();
    }
    await page.screenshot({ path: "test-results/not-found-no-js.png", fullPage: true });
  });
});
