import { expect, type Page, test } from "@playwright/test";
import { storageStatePath, unique } from "./support/users";

test.use({ storageState: storageStatePath("factchecker") });

/** An article written for this test: three attributed sentences, one by a speaker the demo has. */
const ARTICLE = [
  "Government spokesman Pen Bona said on Friday that police had closed 14 scam compounds since January.",
  "Tomas Lindqvist, who leads the dock workers’ union, said the port authority was ignoring safety complaints from night crews.",
  "According to the city audit office, the harbour expansion cost 340 million euros, twice the original estimate.",
].join("\n\n");

const BONA = "that police had closed 14 scam compounds since January";
const UNION = "the port authority was ignoring safety complaints from night crews";
const AUDIT = "the harbour expansion cost 340 million euros, twice the original estimate";
const BONA_CLAIM = "Police had closed 14 scam compounds since January";

/** A source made through the API, as the fact-checker. */
async function createSource(page: Page, baseURL: string, title: string, text: string): Promise<number> {
  const res = await page.request.post("/api/sources", { headers: { origin: baseURL }, data: { title, text, publishedOn: "2025-07-04" } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

test("a fact-checker asks for suggestions, accepts one as a claim, rejects another, and the rejection is remembered", async ({ page, baseURL }) => {
  const id = await createSource(page, baseURL!, unique("Port and compounds round-up"), ARTICLE);
  await page.goto(`/sources/${id}/annotate`);
  const text = page.getByTestId("annotator-text");
  const count = page.getByTestId("suggestion-count");

  await page.getByRole("button", { name: "Suggest claims" }).click();
  await expect(count).toHaveText("3 suggestions · 0 rejected");
  await expect(text.locator("mark.suggestion")).toHaveText([BONA, UNION, AUDIT]);
  await expect(text.locator("mark.span")).toHaveCount(0);

  // Open the spokesman's suggestion: matched to the existing speaker, with its figure.
  await text.locator("mark.suggestion", { hasText: BONA }).click();
  const panel = page.getByRole("region", { name: "Suggested claim" });
  await expect(panel.getByTestId("suggestion-content")).toHaveText(BONA);
  await expect(panel.getByTestId("suggestion-speaker")).toContainText("Pen Bona (existing speaker)");
  await expect(panel).toContainText("14 scam compounds");
  await expect(panel.getByTestId("suggestion-score")).toHaveText(/^\d+%$/);

  // Accept: the claim form, prefilled; saving makes the dashed highlight a claim highlight.
  await panel.getByRole("button", { name: "Accept" }).click();
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.getByTestId("form-quote")).toHaveText(BONA);
  // The claim text is the normalised statement (no "that", capitalised); the quote stays verbatim.
  await expect(form.getByLabel("Claim, in normalised words")).toHaveValue(BONA_CLAIM);
  await expect(form.getByTestId("chosen-speaker")).toHaveText("Pen Bona");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByRole("region", { name: "Selected claim" }).getByRole("heading", { name: BONA_CLAIM })).toBeVisible();
  await expect(text.locator("mark.span")).toHaveText([BONA]);
  await expect(text.locator("mark.suggestion")).toHaveText([UNION, AUDIT]);
  await expect(count).toHaveText("2 suggestions · 0 rejected");

  // Reject the union leader's: proposed as a new speaker; the highlight goes.
  await text.locator("mark.suggestion", { hasText: UNION }).click();
  await expect(panel.getByTestId("suggestion-speaker")).toContainText("new: Tomas Lindqvist (person)");
  await panel.getByRole("button", { name: "Reject" }).click();
  await expect(text.locator("mark.suggestion")).toHaveText([AUDIT]);
  await expect(count).toHaveText("1 suggestion · 1 rejected");

  // Stored: the claim with the existing speaker.
  const claims = (await (await page.request.get(`/api/sources/${id}/claims`)).json()) as { items: { text: string; speaker: { name: string }; anchor: { exact: string } }[] };
  expect(claims.items.map((c) => [c.text, c.speaker.name, c.anchor.exact])).toEqual([[BONA_CLAIM, "Pen Bona", BONA]]);

  // After a reload, asking again: the rejected one does not come back, the claim is not proposed.
  await page.reload();
  await page.getByRole("button", { name: "Suggest claims" }).click();
  await expect(count).toHaveText("1 suggestion · 1 rejected");
  await expect(text.locator("mark.suggestion")).toHaveText([AUDIT]);
  await expect(text.locator("mark.span")).toHaveText([BONA]);

  // Keyboard: } opens the next suggestion; the suggestions can be hidden.
  await text.focus();
  await page.keyboard.press("}");
  await expect(panel.getByTestId("suggestion-content")).toHaveText(AUDIT);
  await page.getByRole("button", { name: "Hide suggestions" }).click();
  await expect(text.locator("mark.suggestion")).toHaveCount(0);
  await page.getByRole("button", { name: "Show suggestions" }).click();
  await expect(text.locator("mark.suggestion")).toHaveText([AUDIT]);
});

/** Four attributions the engine is not equally sure of: two named speakers, a description, an unsourced "reportedly". */
const GROUPED = [
  "“We will cut the port fees by 20 percent next year,” said harbour master Ines Moreau.",
  "Tomas Lindqvist, who leads the dock workers’ union, said the port authority was ignoring safety complaints from night crews.",
  "The ferry company reportedly plans to raise ticket prices by a third next year.",
  "The city audit office found that the harbour expansion is likely to cost 340 million euros.",
].join("\n\n");
const MOREAU = "“We will cut the port fees by 20 percent next year,”";
const FERRY = "The ferry company reportedly plans to raise ticket prices by a third next year";
const AUDIT_2 = "that the harbour expansion is likely to cost 340 million euros";

test("suggestions come ranked in confidence groups; a whole group is accepted with normalised claim texts, another rejected", async ({ page, baseURL }) => {
  const id = await createSource(page, baseURL!, unique("Harbour fees and ferries"), GROUPED);
  await page.goto(`/sources/${id}/annotate`);
  const text = page.getByTestId("annotator-text");
  await page.getByRole("button", { name: "Suggest claims" }).click();
  await expect(page.getByTestId("suggestion-count")).toHaveText("4 suggestions · 0 rejected");

  // Ranked and grouped: the named quotation first, the unsourced "reportedly" last, alone.
  const high = page.getByRole("region", { name: "High confidence suggestions" });
  const medium = page.getByRole("region", { name: "Medium confidence suggestions" });
  const low = page.getByRole("region", { name: "Low confidence suggestions" });
  await expect(high.getByTestId("suggestion-item")).toHaveText([
    "Ines Moreau: Ines Moreau will cut the port fees by 20 percent next year",
    "Tomas Lindqvist: The port authority was ignoring safety complaints from night crews",
  ]);
  await expect(medium.getByTestId("suggestion-item")).toHaveText(["City audit office: The harbour expansion is likely to cost 340 million euros"]);
  await expect(low.getByTestId("suggestion-item")).toHaveText([`No speaker: ${FERRY}`]);
  await page.screenshot({ path: "/tmp/suggest-groups.png", fullPage: true });

  // } opens the most confident one first, not the first in the text.
  await text.focus();
  await page.keyboard.press("}");
  const panel = page.getByRole("region", { name: "Suggested claim" });
  await expect(panel.getByTestId("suggestion-content")).toHaveText(MOREAU);
  await expect(panel.getByTestId("suggestion-confidence")).toContainText("high");
  await expect(panel.getByTestId("suggestion-statement")).toHaveText("Ines Moreau will cut the port fees by 20 percent next year");
  await panel.getByRole("button", { name: "Close the suggestion" }).click();

  // Reject the low group: confirmed first, then gone for good.
  await low.getByRole("button", { name: "Reject all" }).click();
  await low.getByRole("button", { name: "Reject 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rejected 1 suggestion." })).toBeVisible();
  await expect(low).toHaveCount(0);
  await expect(text.locator("mark.suggestion", { hasText: FERRY })).toHaveCount(0);

  // Accept the high group: one claim each, the statement as claim text, the span verbatim — in one request.
  const writes: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/api/")) writes.push(new URL(r.url()).pathname);
  });
  await high.getByRole("button", { name: "Accept all" }).click();
  await expect(high.getByRole("group", { name: "Confirm" })).toContainText("Save 2 claims as drafts");
  await high.getByRole("button", { name: "Save 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved 2 claims as drafts." })).toBeVisible();
  expect(writes.filter((w) => !w.endsWith("/suggestions"))).toEqual([`/api/sources/${id}/suggestions/accept`]);
  await expect(high).toHaveCount(0);
  await expect(text.locator("mark.span")).toHaveCount(2);
  await expect(text.locator("mark.suggestion")).toHaveText([AUDIT_2]);
  await expect(page.getByTestId("suggestion-count")).toHaveText("1 suggestion · 1 rejected");

  const claims = (await (await page.request.get(`/api/sources/${id}/claims`)).json()) as { items: { text: string; speaker: { name: string }; anchor: { exact: string } }[] };
  expect(claims.items.map((c) => [c.text, c.speaker.name, c.anchor.exact])).toEqual([
    ["Ines Moreau will cut the port fees by 20 percent next year", "Ines Moreau", MOREAU],
    ["The port authority was ignoring safety complaints from night crews", "Tomas Lindqvist", "the port authority was ignoring safety complaints from night crews"],
  ]);

  // After a reload the rejected group stays rejected and the claims are not proposed again.
  await page.reload();
  await page.getByRole("button", { name: "Suggest claims" }).click();
  await expect(page.getByTestId("suggestion-count")).toHaveText("1 suggestion · 1 rejected");
  await expect(medium.getByTestId("suggestion-item")).toHaveCount(1);
});

test("a group that cannot be saved whole is not saved at all, and the error names the suggestion", async ({ page, baseURL }) => {
  const id = await createSource(page, baseURL!, unique("Harbour fees, revised meanwhile"), GROUPED);
  await page.goto(`/sources/${id}/annotate`);
  await page.getByRole("button", { name: "Suggest claims" }).click();
  const high = page.getByRole("region", { name: "High confidence suggestions" });
  await expect(high.getByTestId("suggestion-item")).toHaveCount(2);

  // Meanwhile the source is revised: the union's words change, the harbour master's stay where they were.
  const source = (await (await page.request.get(`/api/sources/${id}`)).json()) as { version: number };
  const revised = await page.request.patch(`/api/sources/${id}`, { headers: { origin: baseURL! }, data: { text: GROUPED.replace("from night crews", "from the night shifts"), version: source.version } });
  expect(revised.status(), await revised.text()).toBe(200);

  await high.getByRole("button", { name: "Accept all" }).click();
  await high.getByRole("button", { name: "Save 2" }).click();
  const error = page.getByTestId("suggestion-groups").getByRole("alert");
  await expect(error).toContainText("Suggestion 2 of 2 (“the port authority was ignoring safety complaints");
  await expect(error).toContainText("cannot be saved, so none was");
  await expect(error).toContainText("items.1.anchor.exact");
  await page.screenshot({ path: "/tmp/suggest-group-refused.png", fullPage: true });
  // Nothing was made, not even the harbour master’s claim that came first.
  const claims = (await (await page.request.get(`/api/sources/${id}/claims`)).json()) as { items: unknown[] };
  expect(claims.items).toEqual([]);
  await expect(high.getByTestId("suggestion-item")).toHaveCount(2);
});

test("a long source is read chunk by chunk, with progress", async ({ page, baseURL }) => {
  // About 66,000 code points: four requests of about 20,000.
  const paragraphs = Array.from({ length: 600 }, (_, i) => `Councillor Ana Ruiz said on Tuesday that ${i + 3} schools in Aldwick had closed since March, the most in a decade.`);
  const id = await createSource(page, baseURL!, unique("School closures, all year"), paragraphs.join("\n\n"));
  const chunks: { start?: number; end?: number }[] = [];
  // Slow each chunk down, so the progress can be seen between them.
  await page.route(`**/api/sources/${id}/suggestions`, async (route) => {
    chunks.push(route.request().postDataJSON() as { start?: number; end?: number });
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await page.goto(`/sources/${id}/annotate`);
  await page.getByRole("button", { name: "Suggest claims" }).click();
  await expect(page.getByRole("progressbar", { name: "Reading the text" })).toBeVisible();
  await expect(page.getByText(/Reading the text… [1-9]\d%/)).toBeVisible();
  await expect(page.getByTestId("suggestion-count")).toHaveText("600 suggestions · 0 rejected", { timeout: 15_000 });
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  expect(chunks.length).toBeGreaterThanOrEqual(3);
  expect(chunks[0]).toEqual({ start: 0, end: 20_000 });
  await expect(page.getByTestId("annotator-text").locator("mark.suggestion")).toHaveCount(600);
});
