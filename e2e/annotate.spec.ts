import { expect, test } from "@playwright/test";
import { dragSelect } from "./support/selection";
import { storageStatePath, unique } from "./support/users";

test.use({ storageState: storageStatePath("factchecker") });

/** An article written for this test. */
const ARTICLE = [
  "The Riverside Harbour Council voted on Tuesday to build a flood barrier along the old docks.",
  "Mayor Elena Ruiz said the barrier would be finished by 2027 and would cost no more than 40 million euros.",
  "Engineers hired by the council have warned that storms are growing stronger every decade.",
].join("\n\n");

test("a fact-checker pastes an article, makes a claim with a new speaker, and links it as a counter-claim", async ({ page }) => {
  const title = unique("Harbour barrier vote");
  const speaker = unique("Elena Ruiz");
  await page.goto("/sources/new");
  await page.getByLabel("Text", { exact: true }).fill(ARTICLE);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Publication date").fill("2025-06-30");
  await page.getByRole("button", { name: "Save and annotate" }).click();
  await expect(page).toHaveURL(/\/sources\/\d+\/annotate$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const text = page.getByTestId("annotator-text");
  const quote = "the barrier would be finished by 2027";
  await dragSelect(page, text, quote);
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.getByTestId("form-quote")).toHaveText(quote);
  await form.getByLabel("Claim, in normalised words").fill("The harbour flood barrier will be finished by 2027");
  await form.getByRole("combobox", { name: "Speaker" }).fill(speaker);
  await form.getByRole("option", { name: `Create new speaker “${speaker}”` }).click();
  await form.getByLabel("Kind").selectOption("person");
  await expect(form.getByLabel("Stated on")).toHaveValue("2025-06-30");
  await form.getByRole("button", { name: "Save claim" }).click();

  // The highlight appears at once, without a reload.
  const panel = page.getByRole("region", { name: "Selected claim" });
  await expect(panel.getByRole("heading", { name: "The harbour flood barrier will be finished by 2027" })).toBeVisible();
  await expect(text.locator("mark.span")).toHaveText([quote]);

  // Link it as a counter-claim to a demo claim.
  await panel.getByRole("button", { name: "Link to another claim" }).click();
  const link = page.getByRole("form", { name: "Link to another claim" });
  await link.getByLabel("This claim…").selectOption("disputes");
  await link.getByRole("combobox", { name: "Find the other claim" }).fill("53 scam centers");
  await link.getByRole("option", { name: /Amnesty International identified 53 scam centers/ }).click();
  await link.getByRole("button", { name: "Add link" }).click();
  await expect(panel.getByText("disputes Amnesty International: Amnesty International identified 53 scam centers")).toBeVisible();

  // The contested board shows the pair side by side (staff see drafts).
  await page.goto("/contested");
  const pair = page.locator("[data-pair-id]", { hasText: "The harbour flood barrier will be finished by 2027" });
  await expect(pair).toHaveCount(1);
  await expect(pair.locator("article").first()).toContainText("Amnesty International identified 53 scam centers");
  await expect(pair.locator("article").nth(1)).toContainText(speaker);
  await expect(pair.locator("article").nth(1)).toContainText(quote);
});

test("a second person editing the same claim gets the conflict, sees what changed, and re-applies", async ({ page, browser, baseURL }) => {
  // A claim of our own, made through the API as the fact-checker.
  const speakers = await (await page.request.get("/api/speakers?q=Pen%20Bona")).json();
  const created = await page.request.post("/api/claims", {
    headers: { origin: baseURL! },
    data: { text: unique("Storms are growing stronger every decade"), speakerId: speakers.items[0].id, statedOn: "2025-06-30" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const claim = (await created.json()) as { id: number; text: string };

  const editor = await browser.newContext({ storageState: storageStatePath("editor") });
  const other = await editor.newPage();
  await page.goto(`/claims/${claim.id}`);
  await other.goto(`/claims/${claim.id}`);
  await page.getByRole("button", { name: "Edit claim" }).click();
  await other.getByRole("button", { name: "Edit claim" }).click();

  await other.getByRole("form", { name: "Edit claim" }).getByLabel("Claim").fill("Storms have grown stronger each decade (editor's wording)");
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Storms have grown stronger each decade (editor's wording)");

  const form = page.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Claim").fill("Storms grow stronger every decade, engineers warn");
  await form.getByRole("button", { name: "Save changes" }).click();
  const conflict = page.getByRole("alertdialog", { name: "Someone else changed this claim while you were editing" });
  await expect(conflict).toBeVisible();
  const row = conflict.locator("[data-conflict-field=text]");
  await expect(row).toContainText("Storms have grown stronger each decade (editor's wording)");
  await expect(row).toContainText("Storms grow stronger every decade, engineers warn");
  await conflict.getByRole("button", { name: "Re-apply my changes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Storms grow stronger every decade, engineers warn");
  await editor.close();
});
