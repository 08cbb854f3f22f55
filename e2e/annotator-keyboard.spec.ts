import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { pointOnText } from "./support/selection";
import { storageStatePath, unique } from "./support/users";

test.use({ storageState: storageStatePath("factchecker") });

/** Six paragraphs of two sentences each, written for these tests. */
const PARAGRAPHS = [
  ["The port authority met on Monday.", "It discussed the new ferry timetable."],
  ["Ferries will run every twenty minutes from March.", "The old timetable had one an hour."],
  ["Tickets will cost two euros for adults.", "Children under twelve travel free."],
  ["The authority said the change would cut car traffic by a third.", "Residents have asked for this for years."],
  ["A new pier opens in the autumn.", "It was paid for by the region."],
  ["Critics say the ferries are too small.", "The authority disagrees."],
];
const ARTICLE = PARAGRAPHS.map((p) => p.join(" ")).join("\n\n");

async function newSource(request: APIRequestContext, baseURL: string): Promise<number> {
  const res = await request.post("/api/sources", { headers: { origin: baseURL }, data: { title: unique("Ferry timetable"), text: ARTICLE, publishedOn: "2025-03-01" } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

async function newSpeaker(request: APIRequestContext, baseURL: string, name: string, kind = "person"): Promise<number> {
  const res = await request.post("/api/speakers", { headers: { origin: baseURL }, data: { name, kind } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

/** Letters only: a surname no other test (or run) uses. */
const letters = () => Array.from({ length: 7 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

const pending = (page: Page) => page.getByTestId("annotator-text").locator("mark.pending");

test("the shortcuts work as soon as the page opens, ? shows them in a dialog, n continues from where you are", async ({ page, baseURL }) => {
  const id = await newSource(page.request, baseURL!);
  await page.goto(`/sources/${id}/annotate`);
  await expect(page.locator("[data-keys=ready]")).toHaveCount(1);

  // No click first: ? opens the list as a dialog, in view.
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeInViewport();
  await expect(dialog).toContainText("extend the selection by the next sentence");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.keyboard.press("n");
  await expect(pending(page)).toHaveText(PARAGRAPHS[0]![0]!);

  // Click into the fourth paragraph: n selects the sentence there, then the ones after it.
  const at = await pointOnText(page.getByTestId("annotator-text"), "Residents have asked");
  await page.mouse.click(at.x, at.y);
  await page.keyboard.press("n");
  await expect(pending(page)).toHaveText(PARAGRAPHS[3]![1]!);
  await page.keyboard.press("n");
  await expect(pending(page)).toHaveText(PARAGRAPHS[4]![0]!);
  await page.keyboard.press("Shift+N");
  await expect(pending(page)).toHaveText(PARAGRAPHS[4]!.join(" "));
  await page.keyboard.press("p");
  await expect(pending(page)).toHaveText(PARAGRAPHS[3]![1]!);
});

test("Enter before the speaker autocomplete answers picks the existing speaker, and Ctrl+Enter saves after choosing from the autocomplete", async ({ page, baseURL }) => {
  const name = `Stephen ${letters()}`;
  const speakerId = await newSpeaker(page.request, baseURL!, name);
  const id = await newSource(page.request, baseURL!);
  await page.goto(`/sources/${id}/annotate`);
  await expect(page.locator("[data-keys=ready]")).toHaveCount(1);
  await page.keyboard.press("n");
  await page.keyboard.press("n");
  await page.keyboard.press("c");
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.getByTestId("form-quote")).toHaveText(PARAGRAPHS[0]![1]!);

  // Typed in lower case with a title, Enter at once: the existing speaker, not a new one.
  const speakerBox = form.getByRole("combobox", { name: "Speaker" });
  await speakerBox.fill(`rep. ${name.toLowerCase()}`);
  await speakerBox.press("Enter");
  await expect(form.getByTestId("chosen-speaker")).toHaveText(name);

  // A story from the autocomplete, then Ctrl+Enter (focus is no longer in a text field).
  const story = unique("Ferry timetable story");
  await form.getByRole("combobox", { name: "Story (optional)" }).fill(story);
  await form.getByRole("option", { name: `Create new story “${story}”` }).click();
  await page.keyboard.press("Control+Enter");
  const panel = page.getByRole("region", { name: "Selected claim" });
  await expect(panel.getByRole("heading", { name: PARAGRAPHS[0]![1]! })).toBeVisible();
  await expect(panel).toContainText(name);

  const speakers = await (await page.request.get(`/api/speakers?q=${encodeURIComponent(name)}`)).json();
  expect(speakers.items.map((s: { id: number }) => s.id)).toEqual([speakerId]);
});

test("speaker names: a surname with a party tag finds the full name, a near name asks first, a tag alone is not a name, new organisations from the form", async ({ page, baseURL }) => {
  const surname = letters();
  const clarke = `Tom ${surname}`;
  await newSpeaker(page.request, baseURL!, clarke);
  const id = await newSource(page.request, baseURL!);
  await page.goto(`/sources/${id}/annotate`);
  await expect(page.locator("[data-keys=ready]")).toHaveCount(1);
  await page.keyboard.press("n");
  await page.keyboard.press("c");
  const form = page.getByRole("form", { name: "New claim" });
  const speakerBox = form.getByRole("combobox", { name: "Speaker" });

  await speakerBox.fill("R-Utah");
  await expect(form.getByText("is a party/state tag, not a name")).toBeVisible();
  await expect(form.getByRole("option", { name: /Create new speaker/ })).toHaveCount(0);

  await speakerBox.fill(`${surname[0]!.toUpperCase()}${surname.slice(1)}, R-Utah`);
  await expect(form.getByRole("option").first()).toContainText(clarke);
  await speakerBox.press("Enter");
  await expect(form.getByTestId("chosen-speaker")).toHaveText(clarke);

  // A name one letter away from an existing one: asked before creating.
  await form.getByRole("button", { name: "Change speaker" }).click();
  const near = `Tom ${surname.slice(0, -1)}${surname.endsWith("q") ? "z" : "q"}`;
  await speakerBox.fill(near);
  await form.getByRole("option", { name: `Create new speaker “${near}”` }).click();
  const ask = form.getByRole("alertdialog", { name: "A speaker with a close name exists" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: `No, create “${near}”` }).click();
  await expect(form.getByTestId("chosen-speaker")).toContainText(near);

  // Its organisation does not exist yet: made from the form.
  const org = unique("Harbour Residents Union");
  await form.getByRole("combobox", { name: "Affiliated to (optional)" }).fill(org);
  await form.getByRole("option", { name: `Create new speaker “${org}”` }).click();
  await expect(form.getByText(org)).toBeVisible();
  await form.getByRole("button", { name: "Save claim" }).click();
  const panel = page.getByRole("region", { name: "Selected claim" });
  await expect(panel).toContainText(`${near} · ${org}`);
});

test("merge never offers a speaker as its own target", async ({ browser, baseURL }) => {
  const editor = await browser.newContext({ storageState: storageStatePath("editor") });
  const page = await editor.newPage();
  const tag = letters();
  const first = await newSpeaker(page.request, baseURL!, `Merge Alpha ${tag}`);
  await newSpeaker(page.request, baseURL!, `Merge Beta ${tag}`);
  await page.goto(`/speakers/${first}/edit`);
  await page.getByRole("combobox", { name: "Merge into" }).fill(tag);
  await expect(page.getByRole("option", { name: new RegExp(`Merge Beta ${tag}`) })).toBeVisible();
  await expect(page.getByRole("option", { name: new RegExp(`Merge Alpha ${tag}`) })).toHaveCount(0);
  await editor.close();
});
