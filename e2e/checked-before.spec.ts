import { expect, type Page, test } from "@playwright/test";
import { dragSelect } from "./support/selection";
import { storageStatePath, unique } from "./support/users";

// "Checked before?" in the browser: a reader pastes a post and sees the published checks it
// repeats, with verdict, date and why; figures that differ are flagged; drafts stay hidden.

async function check(page: Page, text: string) {
  await page.getByLabel("Text to check").fill(text);
  await page.getByRole("button", { name: "Find earlier checks" }).click();
}

const AMNESTY = /^Match: Amnesty International identified 53 scam centers in Cambodia/;

test("a reader pastes a post from the nav and sees the check it repeats, with verdict, date and why", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Checked before?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Checked before?" })).toBeVisible();
  await check(page, "@amnesty 53 scam centres found in Cambodia?! https://t.co/xyz pic.twitter.com/abc — A Reader (@reader) June 30, 2025");
  await expect(page).toHaveURL(/\/checked-before\?text=/);
  await expect(page.getByRole("heading", { level: 2, name: /Earlier checks this may repeat/ })).toBeVisible();
  const first = page.getByRole("list", { name: "Earlier checks" }).getByRole("listitem").first();
  await expect(first).toHaveAccessibleName(AMNESTY);
  await expect(first.getByText("Same figures")).toBeVisible();
  await expect(first.getByText("53", { exact: true })).toBeVisible();
  await expect(first.getByText("Shared names")).toBeVisible();
  await expect(first.getByText(/checked \d{1,2} \w+ \d{4}/)).toBeVisible();
  await expect(first.getByText(/match$/)).toBeVisible();
  // The handle and the link are not evidence: they appear nowhere in the reasons.
  await expect(first.getByText("amnesty", { exact: true })).toHaveCount(0);
});

test("a figure that differs is flagged and never a strong match", async ({ page }) => {
  await page.goto("/checked-before");
  await check(page, "Amnesty International identified 35 scam centers in Cambodia, plus dozens more suspected sites");
  const item = page.getByRole("list", { name: "Earlier checks" }).getByRole("listitem", { name: AMNESTY });
  await expect(item.getByText("Figures differ")).toBeVisible();
  await expect(item.getByText("35 here, 53 in the claim")).toBeVisible();
  await expect(item.getByText("Strong match")).toHaveCount(0);
});

test("a draft never shows to a reader, and shows to staff", async ({ page, browser, baseURL }) => {
  const staff = await (await browser.newContext({ storageState: storageStatePath("factchecker") })).newPage();
  const speakers = await (await staff.request.get("/api/speakers?q=Pen%20Bona")).json();
  const text = unique("Rottnest island quokka census counted 4210 quokkas");
  const created = await staff.request.post("/api/claims", { headers: { origin: baseURL! }, data: { text, speakerId: speakers.items[0].id } });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto(`/checked-before?text=${encodeURIComponent(text)}`);
  await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
  await expect(page.getByRole("listitem", { name: `Match: ${text}` })).toHaveCount(0);

  await staff.goto(`/checked-before?text=${encodeURIComponent(text)}`);
  const mine = staff.getByRole("listitem", { name: `Match: ${text}` });
  await expect(mine).toBeVisible();
  await expect(mine.getByText("Draft", { exact: true })).toBeVisible();
  await staff.context().close();
});

test("a fact-checker writing a claim sees the check it repeats, with why, and saves it as a repetition in one click", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: storageStatePath("factchecker") })).newPage();
  const title = unique("Scam centres interview");
  await page.goto("/sources/new");
  await page.getByLabel("Text", { exact: true }).fill("In an interview on Monday, a researcher repeated that Amnesty had found 53 scam centers across Cambodia.");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Publication date").fill("2025-07-07");
  await page.getByRole("button", { name: "Save and annotate" }).click();
  await expect(page).toHaveURL(/\/sources\/\d+\/annotate$/);

  await dragSelect(page, page.getByTestId("annotator-text"), "Amnesty had found 53 scam centers across Cambodia");
  const form = page.getByRole("form", { name: "New claim" });
  await form.getByLabel("Claim, in normalised words").fill("Amnesty International found 53 scam centers in Cambodia");
  await form.getByRole("combobox", { name: "Speaker" }).fill("Pen Bona");
  await form.getByRole("option", { name: /^Pen Bona/ }).first().click();

  const existing = form.getByRole("list", { name: "Existing claims this may repeat" }).getByRole("listitem", { name: AMNESTY });
  await expect(existing).toBeVisible();
  await expect(existing.getByText("Same figures")).toBeVisible();
  await existing.getByRole("button", { name: "Save as a repetition of this claim" }).click();

  const panel = page.getByRole("region", { name: "Selected claim" });
  await expect(panel.getByRole("heading", { name: "Amnesty International found 53 scam centers in Cambodia" })).toBeVisible();
  await expect(panel.getByText(/same as Amnesty International: Amnesty International identified 53 scam centers/)).toBeVisible();
  await page.context().close();
});

test("staff on a claim's page see what it may repeat and link it as the same claim in one click", async ({ browser, baseURL }) => {
  const page = await (await browser.newContext({ storageState: storageStatePath("factchecker") })).newPage();
  const speakers = await (await page.request.get("/api/speakers?q=Pen%20Bona")).json();
  const text = unique("Amnesty International says it identified 53 scam centers in Cambodia");
  const created = await page.request.post("/api/claims", { headers: { origin: baseURL! }, data: { text, speakerId: speakers.items[0].id } });
  expect(created.status(), await created.text()).toBe(201);
  const id = (await created.json()).id as number;

  await page.goto(`/claims/${id}`);
  const section = page.getByRole("region", { name: "Checked before?" });
  const amnesty = section.getByRole("list", { name: "Claims this may repeat" }).getByRole("listitem", { name: AMNESTY });
  await expect(amnesty.getByText("Same figures")).toBeVisible();
  await amnesty.getByRole("button", { name: "Link as the same claim" }).click();

  const related = page.getByRole("region", { name: "Supporting and related claims" });
  await expect(related.getByText("This claim same as")).toBeVisible();
  await expect(related.getByText(/Amnesty International identified 53 scam centers in Cambodia/)).toBeVisible();
  await expect(page.getByRole("listitem", { name: AMNESTY })).toHaveCount(0);
  const stored = await (await page.request.get(`/api/claims/${id}`)).json();
  const sameAs = stored.links.filter((l: { kind: string; claim: { text: string } }) => l.kind === "same-as" && l.claim.text.startsWith("Amnesty International identified 53 scam centers"));
  expect(sameAs).toHaveLength(1);
  await page.context().close();
});

test("an editor sees in the review queue that a claim was checked before", async ({ browser, baseURL }) => {
  const checker = await (await browser.newContext({ storageState: storageStatePath("factchecker") })).newPage();
  const speakers = await (await checker.request.get("/api/speakers?q=Pen%20Bona")).json();
  // A word no other test uses, so the earlier claim is the best match whatever runs beside.
  const lake = unique("Lake").replace(/\s+/g, "");
  const create = async (text: string) => {
    const res = await checker.request.post("/api/claims", { headers: { origin: baseURL! }, data: { text, speakerId: speakers.items[0].id } });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: number; version: number };
  };
  const earlier = await create(`The ${lake} reservoir held 812 million litres of water in March`);
  const claim = await create(`${lake} reservoir holds 812 million litres, officials said`);
  const submitted = await checker.request.post(`/api/claims/${claim.id}/submit`, { headers: { origin: baseURL! }, data: { version: claim.version } });
  expect(submitted.ok(), await submitted.text()).toBe(true);

  const editor = await (await browser.newContext({ storageState: storageStatePath("editor") })).newPage();
  await editor.goto("/review?filter=in_review");
  const hint = editor.locator(`[data-queue-claim="${claim.id}"]`).getByTestId("queue-match-hint");
  await expect(hint).toContainText("Checked before?");
  await expect(hint.getByRole("link", { name: `The ${lake} reservoir held 812 million litres of water in March` })).toHaveAttribute("href", `/claims/${earlier.id}`);
  await expect(hint).toContainText("812");
  await checker.context().close();
  await editor.context().close();
});

test("a reader asking for a check sees the published checks the claim may repeat, with verdict, date and why, before sending", async ({ page, browser, baseURL }) => {
  // A published claim repeating the seeded Amnesty check, imported as ClaimReview by an editor;
  // and a draft saying the same, which a reader must not be shown.
  const tag = unique("request");
  const editor = await (await browser.newContext({ storageState: storageStatePath("editor") })).newPage();
  const review = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `https://checks.example.net/${encodeURIComponent(tag)}`,
    datePublished: "2025-07-01",
    claimReviewed: `Amnesty says 53 scam centers operate across Cambodia (${tag})`,
    itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: `A Blogger ${tag}` } },
    reviewRating: { "@type": "Rating", alternateName: "False" },
  };
  const started = await editor.request.post("/api/imports", { headers: { origin: baseURL!, "content-type": "application/ld+json" }, data: JSON.stringify(review) });
  expect(started.status(), await started.text()).toBe(202);
  let claimId: number | undefined;
  await expect(async () => {
    const state = await (await editor.request.get(`/api/imports/${(await started.json()).id}`)).json();
    expect(state.state).toBe("done");
    claimId = state.report.items[0].claimId;
  }).toPass();
  const speakers = await (await editor.request.get("/api/speakers?q=Pen%20Bona")).json();
  const draft = await editor.request.post("/api/claims", { headers: { origin: baseURL! }, data: { text: `Amnesty identified 53 scam centers in Cambodia, a draft (${tag})`, speakerId: speakers.items[0].id } });
  expect(draft.status(), await draft.text()).toBe(201);
  await editor.context().close();

  await page.goto(`/claims/${claimId}`);
  await page.getByRole("button", { name: "Request a check" }).click();
  const form = page.getByRole("form", { name: "Request a check" });
  await expect(form.getByRole("heading", { name: "Checked before?" })).toBeVisible();
  const list = form.getByRole("list", { name: "Published checks this claim may repeat" });
  // The seeded Amnesty reports are the published checks this claim repeats: the best is shown
  // with its verdict, when it was checked and why it matches.
  const first = list.getByRole("listitem").first();
  await expect(first).toHaveAccessibleName(/^Match: Amnesty International/);
  await expect(first.getByText(/checked \d{1,2} \w+ \d{4}/)).toBeVisible();
  await expect(first.getByText("Shared names")).toBeVisible();
  await expect(first.getByText(/Cambodia/).first()).toBeVisible();
  await expect(first.getByText(/match$/)).toBeVisible();
  await expect(list.getByText("Draft", { exact: true })).toHaveCount(0);
  await expect(list.getByRole("listitem", { name: /a draft/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("request-check.png") });
  // The request still goes out.
  await form.getByLabel("Why should this claim be checked?").fill("I read a different number elsewhere.");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you — your request was sent to the editors.");
});
