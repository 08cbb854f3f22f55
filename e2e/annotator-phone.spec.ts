import { expect, type Page, test } from "@playwright/test";
import { longPress, pointOnText } from "./support/selection";
import { storageStatePath, unique } from "./support/users";

/** A phone: 390 px wide, touch only. */
test.use({ storageState: storageStatePath("factchecker"), viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

const ARTICLE = [
  "The port authority met on Monday. It discussed the new ferry timetable.",
  "Ferries will run every twenty minutes from March. The old timetable had one an hour.",
  "Tickets will cost two euros for adults. Children under twelve travel free.",
  "The authority said the change would cut car traffic by a third. Residents have asked for this for years.",
].join("\n\n");

/** The article as a new source, opened in the annotator once its shortcuts are ready; its id. */
async function annotateArticle(page: Page, baseURL: string, title: string): Promise<number> {
  const res = await page.request.post("/api/sources", { headers: { origin: baseURL }, data: { title: unique(title), text: ARTICLE, publishedOn: "2025-03-01" } });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: number };
  await page.goto(`/sources/${id}/annotate`);
  await expect(page.locator("[data-keys=ready]")).toHaveCount(1);
  return id;
}

test("on a phone: tap a sentence, extend it, make the claim in a bottom sheet, tap the highlight to see it", async ({ page, baseURL }) => {
  await annotateArticle(page, baseURL!, "Ferry fares");
  const text = page.getByTestId("annotator-text");

  const tickets = await pointOnText(text, "Tickets will cost");
  await page.touchscreen.tap(tickets.x + 20, tickets.y);
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.getByTestId("form-quote")).toHaveText("Tickets will cost two euros for adults.");
  // The form is a sheet over the text, in view — not thousands of pixels below it.
  const sheet = page.getByRole("complementary", { name: "Claim panel" });
  await expect(sheet).toHaveAttribute("data-sheet", "open");
  await expect(form.getByTestId("form-quote")).toBeInViewport();
  const box = (await sheet.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
  expect(box.y).toBeGreaterThan(844 * 0.3);
  await page.screenshot({ path: test.info().outputPath("phone-form.png") });

  // Tap-to-extend: a tap on an earlier sentence takes the selection back to it; the button adds the next one.
  const ferries = await pointOnText(text, "Ferries will run");
  await page.touchscreen.tap(ferries.x + 20, ferries.y);
  await expect(form.getByTestId("form-quote")).toHaveText("Ferries will run every twenty minutes from March. The old timetable had one an hour. Tickets will cost two euros for adults.");
  await page.getByRole("button", { name: "Extend by a sentence" }).tap();
  await expect(form.getByTestId("form-quote")).toContainText("Children under twelve travel free.");

  await form.getByLabel("Claim, in normalised words").fill("Ferries will run every twenty minutes and children travel free");
  await form.getByRole("combobox", { name: "Speaker" }).fill("Pen Bona");
  await form.getByRole("option", { name: /Pen Bona/ }).first().tap();
  await form.getByRole("button", { name: "Save claim" }).tap();
  const panel = page.getByRole("region", { name: "Selected claim" });
  await expect(panel.getByRole("heading", { name: "Ferries will run every twenty minutes and children travel free" })).toBeInViewport();
  await panel.getByRole("button", { name: "Close the claim panel" }).tap();
  await expect(panel).toBeHidden();

  // Tapping the highlight shows its claim, in view.
  const mark = await pointOnText(text, "The old timetable");
  await page.touchscreen.tap(mark.x + 10, mark.y);
  await expect(panel.getByRole("heading", { name: "Ferries will run every twenty minutes and children travel free" })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath("phone-claim.png") });
});


test("on a phone: a long-press selects a word and opens the claim form with it; a tap on a later sentence extends the selection to it", async ({ page, baseURL }) => {
  const id = await annotateArticle(page, baseURL!, "Ferry fares, long-pressed");
  const text = page.getByTestId("annotator-text");
  const form = page.getByRole("form", { name: "New claim" });
  const sheet = page.getByRole("complementary", { name: "Claim panel" });

  // Held on "twenty": the browser selects the word, and the form opens with it as the quote.
  const twenty = await pointOnText(text, "twenty minutes");
  await longPress(page, { x: twenty.x + 15, y: twenty.y });
  await expect(form.getByTestId("form-quote")).toHaveText("twenty");
  await expect(sheet).toHaveAttribute("data-sheet", "open");
  await expect(form.getByTestId("form-quote")).toBeInViewport();
  await expect(text.locator("mark.pending")).toHaveText("twenty");
  await page.screenshot({ path: test.info().outputPath("phone-long-press.png") });

  // A tap on a later sentence extends the long-pressed selection to the end of that sentence.
  const tickets = await pointOnText(text, "Tickets will cost");
  await page.touchscreen.tap(tickets.x + 20, tickets.y);
  await expect(form.getByTestId("form-quote")).toHaveText("twenty minutes from March. The old timetable had one an hour. Tickets will cost two euros for adults.");

  // Saved from there, the claim quotes exactly those words.
  await form.getByLabel("Claim, in normalised words").fill("Ferries will run every twenty minutes and tickets cost two euros");
  await form.getByRole("combobox", { name: "Speaker" }).fill("Pen Bona");
  await form.getByRole("option", { name: /Pen Bona/ }).first().tap();
  await form.getByRole("button", { name: "Save claim" }).tap();
  await expect(page.getByRole("region", { name: "Selected claim" }).getByRole("heading", { name: "Ferries will run every twenty minutes and tickets cost two euros" })).toBeInViewport();
  const claims = (await (await page.request.get(`/api/sources/${id}/claims`)).json()) as { items: { quote: string }[] };
  // The quote is the source's words verbatim, paragraph break included.
  expect(claims.items.map((c) => c.quote)).toEqual(["twenty minutes from March. The old timetable had one an hour.\n\nTickets will cost two euros for adults."]);
});
