import { type APIRequestContext, type Browser, expect, test } from "@playwright/test";
import { storageStatePath, unique } from "./support/users";

/** Makes a draft claim as the fact-checker, through the API. */
async function draftClaim(request: APIRequestContext, baseURL: string, text: string): Promise<{ id: number }> {
  const speakers = await (await request.get("/api/speakers?q=Pen%20Bona")).json();
  const res = await request.post("/api/claims", { headers: { origin: baseURL }, data: { text, speakerId: speakers.items[0].id, statedOn: "2025-06-30" } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

async function as(browser: Browser, role: "factchecker" | "editor" | "admin" | null) {
  const context = await browser.newContext(role ? { storageState: storageStatePath(role) } : {});
  return { context, page: await context.newPage() };
}

test("a fact-checker drafts a verdict with evidence, an editor approves it in the queue, a reader sees it", async ({ browser, baseURL }) => {
  // The approval waits out the queue's undo window.
  test.setTimeout(60_000);
  const checker = await as(browser, "factchecker");
  const text = unique("Cambodia shut down every scam compound");
  const claim = await draftClaim(checker.page.request, baseURL!, text);

  // An anonymous reader who guesses the draft's URL gets a 404.
  const reader = await as(browser, null);
  expect((await reader.page.goto(`/claims/${claim.id}`))?.status()).toBe(404);
  expect((await reader.page.request.get(`/api/claims/${claim.id}`)).status()).toBe(404);

  await checker.page.goto(`/claims/${claim.id}`);
  const form = checker.page.getByRole("form", { name: "Propose a verdict" });
  await form.getByLabel("Verdict").selectOption("false");
  await form.getByLabel("Rationale (Markdown)").fill("Amnesty found that **more than two-thirds** of compounds kept operating.");
  await form.getByRole("button", { name: "Add evidence" }).click();
  await form.getByLabel("Evidence 1 URL").fill("https://www.amnesty.org/en/documents/");
  await form.getByLabel("Evidence 1 note").fill("Amnesty's report");
  await form.getByRole("button", { name: "Propose verdict" }).click();
  const proposed = checker.page.getByRole("region", { name: "Proposed verdict" });
  await expect(proposed).toContainText("False");
  await expect(proposed.getByRole("list", { name: "Evidence" })).toContainText("https://www.amnesty.org/en/documents/");
  await expect(checker.page.getByText("In review", { exact: true }).first()).toBeVisible();

  const editor = await as(browser, "editor");
  await editor.page.goto("/review?filter=in_review");
  const item = editor.page.locator(`[data-queue-claim="${claim.id}"]`);
  await expect(item).toContainText(text);
  await expect(item).toContainText("Verdict proposed by Fatima Checker");
  await item.getByRole("button", { name: "Approve" }).click();
  // Sent once the undo window has passed.
  await expect(editor.page.locator(`[data-queue-claim="${claim.id}"]`)).toHaveCount(0, { timeout: 15_000 });

  const published = await reader.page.goto(`/claims/${claim.id}`);
  expect(published?.status()).toBe(200);
  await expect(reader.page.getByRole("heading", { name: "Verdict: False" })).toBeVisible();
  await expect(reader.page.locator(".rationale strong")).toHaveText("more than two-thirds");
  for (const c of [checker, editor, reader]) await c.context.close();
});

test("a returned claim shows the editor's comment to the fact-checker", async ({ browser, baseURL }) => {
  const checker = await as(browser, "factchecker");
  const claim = await draftClaim(checker.page.request, baseURL!, unique("No survivor ever called the police"));
  await checker.page.goto(`/claims/${claim.id}`);
  await checker.page.getByRole("button", { name: "Submit for review" }).click();
  await expect(checker.page.getByText("In review", { exact: true }).first()).toBeVisible();

  const editor = await as(browser, "editor");
  await editor.page.goto("/review?filter=in_review");
  const item = editor.page.locator(`[data-queue-claim="${claim.id}"]`);
  await item.getByLabel("Comment (required to return)").fill("Say which survivors, and quote the report's page.");
  await item.getByRole("button", { name: "Return" }).click();
  await expect(editor.page.locator(`[data-queue-claim="${claim.id}"]`)).toHaveCount(0);

  await checker.page.reload();
  const notice = checker.page.getByTestId("returned-notice");
  await expect(notice).toContainText("Returned by Eduardo Editor");
  await expect(notice).toContainText("Say which survivors, and quote the report's page.");
  for (const c of [checker, editor]) await c.context.close();
});

test("an editor cannot publish a claim that has no verdict: the claim page says what is missing and nothing changes", async ({ browser, baseURL }) => {
  const checker = await as(browser, "factchecker");
  const claim = await draftClaim(checker.page.request, baseURL!, unique("Every ferry ran on time in June"));
  const submitted = await checker.page.request.post(`/api/claims/${claim.id}/submit`, { headers: { origin: baseURL! }, data: { version: 1 } });
  expect(submitted.status(), await submitted.text()).toBe(201);

  const editor = await as(browser, "editor");
  await editor.page.goto(`/claims/${claim.id}`);
  await editor.page.getByRole("button", { name: "Approve and publish" }).click();
  const error = editor.page.getByRole("alert").filter({ hasText: "no verdict" });
  await expect(error).toContainText("This claim has no verdict: propose a verdict before approving it.");
  await expect(error).toContainText("rating");
  await editor.page.screenshot({ path: "/tmp/approve-without-verdict.png", fullPage: true });
  const now = await (await editor.page.request.get(`/api/claims/${claim.id}`)).json();
  expect(now).toMatchObject({ status: "in_review", verdict: null, publishedAt: null });
  // Readers still find nothing.
  const reader = await as(browser, null);
  expect((await reader.page.request.get(`/api/claims/${claim.id}`)).status()).toBe(404);
  for (const c of [checker, editor, reader]) await c.context.close();
});

test("script in a rationale or a source text stays inert", async ({ browser, baseURL }) => {
  const checker = await as(browser, "factchecker");
  const hostile = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned = 'onerror'\">",
    "[a link](javascript:window.__pwned='link')",
  ].join("\n\n");
  const source = await checker.page.request.post("/api/sources", {
    headers: { origin: baseURL! },
    data: { title: unique("Hostile text"), text: `Plain words first.\n\n${hostile}\n\n<b onmouseover="window.__pwned='hover'">bold?</b>` },
  });
  expect(source.status()).toBe(201);
  const { id: sourceId } = await source.json();
  const claim = await draftClaim(checker.page.request, baseURL!, unique("A claim with a hostile rationale"));
  const review = await checker.page.request.post(`/api/claims/${claim.id}/reviews`, {
    headers: { origin: baseURL! },
    data: { rating: "unproven", rationale: `Checked.\n\n${hostile}`, version: 1 },
  });
  expect(review.status(), await review.text()).toBe(201);
  const editor = await as(browser, "editor");
  const claimNow = await (await editor.page.request.get(`/api/claims/${claim.id}`)).json();
  const approved = await editor.page.request.post(`/api/claims/${claim.id}/decision`, { headers: { origin: baseURL! }, data: { action: "approve", version: claimNow.version } });
  expect(approved.status(), await approved.text()).toBe(201);

  // A reader sees the published claim; the source has no published claim yet, so only staff see its text.
  const reader = await as(browser, null);
  for (const [viewer, path] of [[reader, `/claims/${claim.id}`], [checker, `/sources/${sourceId}`]] as const) {
    await viewer.page.goto(path);
    // Hover and click where an injected handler or link would fire.
    if (path.startsWith("/sources")) await viewer.page.getByText("bold?", { exact: false }).first().hover();
    else await viewer.page.locator(".rationale").getByText("a link").click();
    expect(await viewer.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await viewer.page.locator("a[href^='javascript:']").count()).toBe(0);
    expect(await viewer.page.locator("[onerror], [onmouseover]").count()).toBe(0);
  }
  // The hostile markup is shown as text where it was text (the source).
  await expect(checker.page.getByText("<script>window.__pwned = 'script'</script>")).toBeVisible();
  for (const c of [checker, editor, reader]) await c.context.close();
});
