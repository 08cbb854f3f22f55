import { type APIRequestContext, expect, test } from "@playwright/test";
import { storageStatePath, unique } from "./support/users";

/** A claim in review as the fact-checker makes it: with a proposed verdict, or submitted without one. */
async function claimInReview(request: APIRequestContext, baseURL: string, text: string, story: { storyId: number } | { story: { title: string } }, rationale: string | null) {
  const speakers = await (await request.get("/api/speakers?q=Pen%20Bona")).json();
  const made = await request.post("/api/claims", { headers: { origin: baseURL }, data: { text, speakerId: speakers.items[0].id, statedOn: "2025-06-30", ...story } });
  expect(made.status(), await made.text()).toBe(201);
  const claim = (await made.json()) as { id: number; version: number; story: { id: number } };
  const step = rationale
    ? await request.post(`/api/claims/${claim.id}/reviews`, { headers: { origin: baseURL }, data: { rating: "false", rationale, version: claim.version } })
    : await request.post(`/api/claims/${claim.id}/submit`, { headers: { origin: baseURL }, data: { version: claim.version } });
  expect(step.status(), await step.text()).toBeLessThan(300);
  return claim;
}

test("the review queue works from the keyboard: j/k select, a approves the selected claim after an undo window, r returns it with a comment", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const checker = await browser.newContext({ storageState: storageStatePath("factchecker") });
  const request = (await checker.newPage()).request;
  const a = await claimInReview(request, baseURL!, unique("Queue claim A"), { story: { title: unique("Queue story") } }, "The ministry's own figures show **the opposite**.");
  const storyId = a.story.id;
  const b = await claimInReview(request, baseURL!, unique("Queue claim B, no verdict"), { storyId }, null);
  const c = await claimInReview(request, baseURL!, unique("Queue claim C"), { storyId }, "Contradicted by *two* audits.");

  const editor = await browser.newContext({ storageState: storageStatePath("editor") });
  const page = await editor.newPage();
  await page.goto(`/review?filter=in_review&story=${storyId}`);
  await expect(page.locator("[data-keys=ready]")).toHaveCount(1);
  const card = (id: number) => page.locator(`[data-queue-claim="${id}"]`);
  await expect(card(a.id)).toBeVisible();
  await expect(page.locator("[data-queue-claim]")).toHaveCount(3);
  // The rationale is Markdown here too.
  await expect(card(a.id).locator(".rationale strong")).toHaveText("the opposite");
  await expect(card(c.id).locator(".rationale em")).toHaveText("two");

  // Without clicking anything: the first item is selected; j selects the next.
  await expect(card(a.id)).toHaveAttribute("data-selected", "");
  await page.keyboard.press("j");
  await expect(card(b.id)).toHaveAttribute("data-selected", "");
  await expect(card(b.id)).toBeFocused();

  // A claim with no verdict cannot be approved: it says so.
  await page.keyboard.press("a");
  await expect(card(b.id).getByRole("alert")).toContainText("no verdict yet");

  // j then a approves the selected claim — after an undo window; focus moves on.
  await page.keyboard.press("j");
  await expect(card(c.id)).toHaveAttribute("data-selected", "");
  await page.keyboard.press("a");
  await expect(card(c.id).getByRole("status")).toContainText("Approving in");
  await expect(card(b.id)).toBeFocused();
  await card(c.id).getByRole("button", { name: "Undo" }).click();
  await expect(card(c.id).getByRole("button", { name: "Approve" })).toBeVisible();
  await expect(card(c.id)).toBeFocused();

  await page.keyboard.press("k");
  await expect(card(b.id)).toBeFocused();
  await page.keyboard.press("k");
  await expect(card(a.id)).toBeFocused();
  await page.keyboard.press("a");
  await expect(card(a.id).getByRole("status")).toContainText("Approving in");
  await expect(card(b.id)).toBeFocused();
  await expect(card(a.id)).toHaveCount(0, { timeout: 15_000 });
  expect((await (await request.get(`/api/claims/${a.id}`)).json()).status).toBe("published");
  expect((await (await request.get(`/api/claims/${c.id}`)).json()).status).toBe("in_review");

  // r goes to the comment box; Tab reaches Return before Approve; Enter sends it.
  await page.keyboard.press("r");
  const comment = card(b.id).getByLabel("Comment (required to return)");
  await expect(comment).toBeFocused();
  await page.keyboard.type("Propose a verdict first.");
  await page.keyboard.press("Tab");
  await expect(card(b.id).getByRole("button", { name: "Return" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(card(b.id)).toHaveCount(0);
  await expect(card(c.id)).toBeFocused();
  const returned = await (await request.get(`/api/claims/${b.id}`)).json();
  expect(returned.status).toBe("returned");

  // Enter in the comment box sends the return too.
  await page.keyboard.press("r");
  await page.keyboard.type("Cite the audits.");
  await page.keyboard.press("Enter");
  await expect(card(c.id)).toHaveCount(0);
  expect((await (await request.get(`/api/claims/${c.id}`)).json()).status).toBe("returned");
  await page.screenshot({ path: test.info().outputPath("review-queue.png"), fullPage: true });
  await checker.close();
  await editor.close();
});
