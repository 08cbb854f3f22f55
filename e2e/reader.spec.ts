import { expect, test } from "@playwright/test";

test.describe("a reader", () => {
  test("goes from home to a contested pair, sees both sides, and follows the quote to its source", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Contested claims" })).toBeVisible();
    const pair = page.getByRole("region", { name: "Amnesty International against Pen Bona" }).first();
    await expect(pair).toBeVisible();
    const claimHeading = pair.locator("article").first().getByRole("heading");
    const claimText = (await claimHeading.textContent())!.trim();
    await claimHeading.getByRole("link").click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(claimText);
    const otherSide = page.getByRole("list", { name: "Counter-claims" });
    await expect(otherSide.getByText("Pen Bona", { exact: true }).first()).toBeVisible();
    await expect(otherSide.locator("blockquote").first()).not.toBeEmpty();
    const thisSide = page.locator("article[data-claim-id]").first();
    await expect(thisSide.getByText("Amnesty International", { exact: true })).toBeVisible();
    const quote = (await thisSide.locator("blockquote").textContent())!.trim();

    await page.getByRole("link", { name: "See it in the source →" }).click();
    await expect(page).toHaveURL(/\/sources\/\d+\?claim=\d+#claim-\d+$/);
    const focused = page.locator("mark.span.focused");
    await expect(focused.first()).toBeVisible();
    expect((await focused.allTextContents()).join("")).toBe(quote);
  });

  test("sees a speaker's claims on the speaker page", async ({ page }) => {
    await page.goto("/speakers");
    await page.getByRole("link", { name: "Pen Bona" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pen Bona" })).toBeVisible();
    await expect(page.getByText("Affiliated to")).toContainText("Government of Cambodia");
    const cards = page.locator("article[data-claim-id]");
    await expect(cards.first()).toBeVisible();
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < count; i++) await expect(cards.nth(i).getByText("Pen Bona", { exact: true })).toBeVisible();
  });

  test("reads a story timeline in date order, with the disputes shown", async ({ page }) => {
    await page.goto("/stories");
    await page.getByRole("link", { name: "Cambodia scam compounds" }).click();
    const timeline = page.getByRole("list", { name: "Claims in the order they were stated" });
    await expect(timeline).toBeVisible();
    const headings = await timeline.locator(":scope > li > h2").allTextContents();
    const stamps = await timeline.locator(":scope > li > h2 time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime")));
    const dated = stamps.filter((s): s is string => Boolean(s));
    expect(dated.length).toBeGreaterThanOrEqual(2);
    expect(dated).toEqual([...dated].sort());
    expect(headings[headings.length - 1]).toBe("Date not known");
    await expect(timeline.getByText("Disputed by").first()).toBeVisible();
  });

  test("filters the contested board by speaker and story without reloading the page", async ({ page }) => {
    await page.goto("/contested");
    const pairs = page.locator("[data-pair-id]");
    const all = await pairs.count();
    expect(all).toBeGreaterThanOrEqual(3);
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = "still here"));

    await page.getByLabel("Speaker", { exact: true }).selectOption({ label: "Agnes Callamard" });
    await expect(page).toHaveURL(/[?&]speaker=\d+/);
    await expect(pairs).toHaveCount(1);
    await expect(pairs.first()).toContainText("Agnes Callamard");

    await page.getByLabel("Speaker", { exact: true }).selectOption({ label: "All speakers" });
    await page.getByLabel("Story", { exact: true }).selectOption({ label: "Cambodia scam compounds" });
    await expect(page).toHaveURL(/[?&]story=\d+/);
    await expect(pairs).toHaveCount(all);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("still here");

    // The filtered URL is shareable: loading it fresh shows the same filter.
    await page.getByLabel("Speaker", { exact: true }).selectOption({ label: "Agnes Callamard" });
    await expect(pairs).toHaveCount(1);
    await page.reload();
    await expect(page.getByLabel("Speaker", { exact: true })).toHaveValue(/\d+/);
    await expect(pairs).toHaveCount(1);
  });

  test("gets a 404 page for an unknown claim, source, speaker or story", async ({ page }) => {
    for (const path of ["/claims/999999", "/sources/999999", "/speakers/abc", "/stories/0"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "We can’t find that page" })).toBeVisible();
    }
  });
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("every reader page renders on the server and the board filters with a plain form", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("[data-pair-id]").first()).toBeVisible();
    await page.locator("[data-pair-id] article h3 a").first().click();
    await expect(page.getByRole("list", { name: "Counter-claims" })).toBeVisible();
    await page.getByRole("link", { name: "See it in the source →" }).click();
    await expect(page.locator("mark.span.focused").first()).toBeVisible();

    await page.goto("/contested");
    const all = await page.locator("[data-pair-id]").count();
    await page.getByLabel("Speaker", { exact: true }).selectOption({ label: "Agnes Callamard" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]speaker=\d+/);
    await expect(page.locator("[data-pair-id]")).toHaveCount(1);
    expect(all).toBeGreaterThan(1);

    await page.goto("/stories");
    await page.getByRole("link", { name: "Cambodia scam compounds" }).click();
    await expect(page.getByRole("list", { name: "Claims in the order they were stated" })).toBeVisible();

    // Search is a plain form; results come from the server with the matches marked.
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search claims, sources and speakers" });
    await box.fill("scam centers");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=scam\+centers/);
    await expect(page.locator("main mark").first()).toBeVisible();

    // A speaker's scorecard is drawn on the server.
    await page.goto("/speakers");
    await page.getByRole("link", { name: "Amnesty International" }).click();
    await expect(page.getByRole("heading", { name: "Scorecard" })).toBeVisible();
    await expect(page.locator("svg[role=img]").first()).toBeVisible();
  });

  test("gets misspelt words corrected on /search, and can search as typed instead", async ({ page }) => {
    await page.goto("/search?q=Amnesti+scam+centers");
    const correction = page.getByTestId("search-correction");
    await expect(correction).toContainText("Showing results for Amnesty scam centers — search instead for Amnesti scam centers");
    await expect(page.getByRole("heading", { name: /results for “amnesty scam centers”/ })).toBeVisible();
    await expect(page.locator("main mark", { hasText: /^Amnesty$/i }).first()).toBeVisible();
    await page.screenshot({ path: "/tmp/search-correction.png", fullPage: true });

    await correction.getByRole("link", { name: "Amnesti scam centers" }).click();
    await expect(page).toHaveURL(/spell=off/);
    await expect(page.getByTestId("search-correction")).toHaveCount(0);
    await expect(page.locator("#results-heading")).toContainText("results for “amnesti scam centers”");
  });
});
