import { type APIRequestContext, type Browser, expect, test } from "@playwright/test";
import { storageStatePath, unique } from "./support/users";

async function staff(browser: Browser, role: "factchecker" | "editor") {
  return browser.newContext({ storageState: storageStatePath(role) });
}

async function send(request: APIRequestContext, baseURL: string, method: "post" | "patch", path: string, data: unknown, status = 201) {
  const res = await request[method](path, { headers: { origin: baseURL }, data });
  expect(res.status(), await res.text()).toBe(status);
  return res.json();
}

const shots = process.env.E2E_SCREENSHOTS;

test("a revision that edits a published quote: readers keep the verified words, an editor compares and accepts; readers see a non-publishable source only through its claim", async ({ browser, baseURL }) => {
  const editor = await staff(browser, "editor");
  const speaker = unique("Minister Quorvath");
  const quote = "the harbour tunnel will reopen in April after the repairs";
  const text = `A preamble about the Fennimore accounts that no claim quotes.\n\nOn Tuesday the minister said ${quote}, to general surprise.\n\nA closing paragraph.`;
  const source = await send(editor.request, baseURL!, "post", "/api/sources", { title: unique("Harbour bulletin"), text });
  const start = [...text.slice(0, text.indexOf(quote))].length;
  const claim = await send(editor.request, baseURL!, "post", "/api/claims", {
    text: "The harbour tunnel will reopen in April",
    sourceId: source.id,
    anchor: { start, end: start + [...quote].length, exact: quote },
    speaker: { name: speaker, kind: "person" },
  });
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  // A draft-only speaker is nowhere for readers.
  expect((await readerPage.goto(`/speakers/${claim.speaker.id}`))!.status()).toBe(404);

  const version = async () => (await (await editor.request.get(`/api/claims/${claim.id}`)).json()).version;
  const checker = await staff(browser, "factchecker");
  await send(checker.request, baseURL!, "post", `/api/claims/${claim.id}/reviews`, { rating: "false", rationale: "The tunnel stays shut until 2027.", submit: true, version: await version() });
  await checker.close();
  await send(editor.request, baseURL!, "post", `/api/claims/${claim.id}/decision`, { action: "approve", version: await version() });

  // The reader sees the source only through the claim, in context.
  await readerPage.goto(`/sources/${source.id}`);
  await expect(readerPage.getByTestId("claims-in-context")).toContainText(quote);
  await expect(readerPage.locator("body")).not.toContainText("Fennimore");
  if (shots) await readerPage.screenshot({ path: `${shots}/reader-non-publishable-source.png`, fullPage: true });

  // A revision changes one word inside the quote.
  const current = await (await editor.request.get(`/api/sources/${source.id}`)).json();
  const edited = quote.replace("repairs", "renovation");
  const saved = await send(editor.request, baseURL!, "patch", `/api/sources/${source.id}`, { text: text.replace(quote, edited), version: current.version }, 200);
  expect(saved.reanchor.quoteChanged).toEqual([expect.objectContaining({ claimId: claim.id, quote, proposed: edited })]);

  await readerPage.goto(`/claims/${claim.id}`);
  await expect(readerPage.locator("mark.span")).toHaveText(quote);

  const page = await editor.newPage();
  await page.goto(`/claims/${claim.id}`);
  const review = page.getByTestId("quote-change");
  await expect(review).toContainText("Quote changed in source");
  await expect(review.getByTestId("quote-old")).toHaveText(quote);
  await expect(review.getByTestId("quote-new")).toHaveText(edited);
  if (shots) await page.screenshot({ path: `${shots}/quote-changed-review.png`, fullPage: true });
  await page.goto(`/review?filter=quote_changed`);
  await expect(page.getByText(claim.text).first()).toBeVisible();

  await page.goto(`/claims/${claim.id}`);
  await page.getByRole("button", { name: "Accept the new words" }).click();
  await expect(page.getByTestId("quote-change")).toHaveCount(0);
  await readerPage.goto(`/claims/${claim.id}`);
  await expect(readerPage.locator("mark.span")).toHaveText(edited);
  await reader.close();
  await editor.close();
});
