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
  await expect(form.getByLabel("Claim, in normalised words")).toHaveValue(BONA);
  await expect(form.getByTestId("chosen-speaker")).toHaveText("Pen Bona");
  await form.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByRole("region", { name: "Selected claim" }).getByRole("heading", { name: BONA })).toBeVisible();
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
  expect(claims.items.map((c) => [c.text, c.speaker.name, c.anchor.exact])).toEqual([[BONA, "Pen Bona", BONA]]);

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
