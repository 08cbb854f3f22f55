import { type APIRequestContext, type Browser, expect, test } from "@playwright/test";
import { storageStatePath, unique } from "./support/users";

async function staff(browser: Browser, role: "factchecker" | "editor") {
  return browser.newContext({ storageState: storageStatePath(role) });
}

async function version(request: APIRequestContext, id: number): Promise<number> {
  return (await (await request.get(`/api/claims/${id}`)).json()).version;
}

async function post(request: APIRequestContext, baseURL: string, path: string, data: unknown) {
  const res = await request.post(path, { headers: { origin: baseURL }, data });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

test.describe("a published verdict's record, with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("readers see the evidence, the date and who reviewed it, and nothing still in review", async ({ page, browser, baseURL }) => {
    const checker = await staff(browser, "factchecker");
    const editor = await staff(browser, "editor");
    const speakers = await (await checker.request.get("/api/speakers?q=Pen%20Bona")).json();
    const claim = await post(checker.request, baseURL!, "/api/claims", { text: unique("Every scam compound has closed"), speakerId: speakers.items[0].id, statedOn: "2025-06-30" });
    await post(checker.request, baseURL!, `/api/claims/${claim.id}/reviews`, {
      rating: "false",
      rationale: "Amnesty found most compounds still operating.",
      evidence: [{ stance: "refutes", url: "https://www.amnesty.org/en/documents/", note: "Amnesty's report on the compounds" }],
      submit: true,
      version: await version(checker.request, claim.id),
    });
    await post(editor.request, baseURL!, `/api/claims/${claim.id}/comments`, { body: "Staff only: double-check the count." });
    await post(editor.request, baseURL!, `/api/claims/${claim.id}/decision`, { action: "approve", version: await version(editor.request, claim.id) });
    // A newer proposal, not yet approved: its verdict and evidence stay with the staff.
    await post(checker.request, baseURL!, `/api/claims/${claim.id}/reviews`, {
      rating: "mostly-false",
      rationale: "Some compounds did close.",
      evidence: [{ stance: "supports", url: "https://example.org/closures", note: "Closures reported by a local paper" }],
      version: await version(checker.request, claim.id),
    });

    expect((await page.goto(`/claims/${claim.id}`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Verdict: False" })).toBeVisible();
    const byline = page.getByTestId("verdict-byline");
    await expect(byline).toContainText(/Published \d{1,2} [A-Z][a-z]{2} \d{4}/);
    await expect(byline).toContainText("Checked by Fatima Checker");
    await expect(byline).toContainText("Reviewed and approved by Eduardo Editor");
    const evidence = page.getByRole("list", { name: "Evidence for the verdict" });
    await expect(evidence.getByRole("listitem")).toHaveCount(1);
    await expect(evidence).toContainText("Refutes");
    await expect(evidence.getByRole("link", { name: "www.amnesty.org" })).toHaveAttribute("href", "https://www.amnesty.org/en/documents/");
    await expect(evidence).toContainText("Amnesty's report on the compounds");
    const html = await page.content();
    for (const secret of ["Closures reported by a local paper", "Some compounds did close", "Staff only: double-check"]) expect(html).not.toContain(secret);
    await page.locator("#verdict-heading").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/verdict-record.png" });
    await checker.close();
    await editor.close();
  });
});
