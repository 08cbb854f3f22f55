import { expect, test } from "@playwright/test";
import { storageStatePath, unique } from "./support/users";

// A claim with more counter-claims than its page shows: the first few, the total, and a link to
// all of them, a page at a time. Rendered on the server: no JavaScript needed.
test.describe("a claim's many links", () => {
  test.use({ javaScriptEnabled: false });

  test("the claim page shows the first 20 with the count and a link to every one", async ({ browser, baseURL }) => {
    const editor = await browser.newContext({ storageState: storageStatePath("editor"), javaScriptEnabled: false });
    const request = editor.request;
    const speakers = await (await request.get("/api/speakers?q=Pen%20Bona")).json();
    const speakerId = speakers.items[0].id;
    const made = await request.post("/api/claims", { headers: { origin: baseURL! }, data: { text: unique("The claim everyone disputes"), speakerId } });
    expect(made.status(), await made.text()).toBe(201);
    const claim = await made.json();
    for (let i = 1; i <= 27; i++) {
      const res = await request.post(`/api/claims/${claim.id}/links`, { headers: { origin: baseURL! }, data: { kind: "disputes", targetClaim: { text: `Counter-claim number ${i}`, speakerId } } });
      expect(res.status(), await res.text()).toBe(201);
    }

    const page = await editor.newPage();
    expect((await page.goto(`/claims/${claim.id}`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "The other sides (27)" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Counter-claims" }).locator(":scope > li article")).toHaveCount(20);
    await expect(page.getByText("Showing the first 20 of 27.")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("claim-capped.png"), fullPage: true });

    await page.getByRole("link", { name: "Show all 27 counter-claims →" }).click();
    await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}/links\\?group=disputes$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Counter-claims (27)");
    const all = page.getByRole("list", { name: "Counter-claims" }).getByRole("listitem");
    await expect(all).toHaveCount(27);
    await expect(all.first()).toContainText("Counter-claim number 1");
    await expect(all.last()).toContainText("Counter-claim number 27");
    await page.screenshot({ path: test.info().outputPath("claim-links.png"), fullPage: true });
    await editor.close();
  });
});
