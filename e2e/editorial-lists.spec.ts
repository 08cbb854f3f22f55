import { expect, test } from "@playwright/test";
import { storageStatePath, unique } from "./support/users";

// The staff panel of a claim with more evidence and comments than it shows: the newest 20 of
// each, the totals, and links to all of them a page at a time; the review queue shows a few
// counter-claims of a contested claim and a link to all. And a source of the longest text allowed
// is stored and searchable through the production build (its passages indexed on a worker).
test.describe("long lists in staff pages", () => {
  test("a claim's evidence and discussion show the newest 20 with the totals and a link to every one", async ({ browser, baseURL }) => {
    const editor = await browser.newContext({ storageState: storageStatePath("editor") });
    const request = editor.request;
    const headers = { origin: baseURL! };
    // A speaker of its own: the queue filtered by this speaker then holds this claim alone,
    // whatever other tests running beside it put in the queue.
    const speaker = await request.post("/api/speakers", { headers, data: { name: unique("Lena Longlist"), kind: "person" } });
    expect(speaker.status(), await speaker.text()).toBe(201);
    const speakerId = (await speaker.json()).id;
    const made = await request.post("/api/claims", { headers, data: { text: unique("The claim everyone discusses"), speakerId } });
    expect(made.status(), await made.text()).toBe(201);
    const claim = await made.json();
    for (let i = 1; i <= 23; i++) {
      const comment = await request.post(`/api/claims/${claim.id}/comments`, { headers, data: { body: `Comment number ${i}` } });
      expect(comment.status(), await comment.text()).toBe(201);
    }
    for (let i = 1; i <= 22; i++) {
      const item = await request.post(`/api/claims/${claim.id}/evidence`, { headers, data: { stance: "context", url: `https://example.org/evidence/${i}`, note: `Evidence number ${i}` } });
      expect(item.status(), await item.text()).toBe(201);
    }
    for (let i = 1; i <= 5; i++) {
      const link = await request.post(`/api/claims/${claim.id}/links`, { headers, data: { kind: "disputes", direction: "incoming", targetClaim: { text: unique(`Counter-claim ${i}`), speakerId } } });
      expect(link.status(), await link.text()).toBe(201);
    }

    const page = await editor.newPage();
    expect((await page.goto(`/claims/${claim.id}`))?.status()).toBe(200);
    const comments = page.getByRole("list", { name: "Comments" }).getByRole("listitem");
    await expect(comments).toHaveCount(20);
    // The newest twenty, in the order they were written.
    await expect(comments.first()).toContainText("Comment number 4");
    await expect(comments.last()).toContainText("Comment number 23");
    await expect(page.getByText("Showing the newest 20 of 23.")).toBeVisible();
    await expect(page.getByText("Showing the newest 20 of 22.")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("claim-staff-capped.png"), fullPage: true });

    await page.getByRole("link", { name: "Show all 23 comments →" }).click();
    await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}/editorial\\?list=comments$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Discussion (23)");
    const all = page.getByRole("list", { name: "Comments" }).getByRole("listitem");
    await expect(all).toHaveCount(23);
    await expect(all.first()).toContainText("Comment number 23");
    await expect(all.last()).toContainText("Comment number 1");
    await page.screenshot({ path: test.info().outputPath("claim-comments.png"), fullPage: true });

    await page.getByRole("link", { name: "Evidence →" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Evidence (22)");
    await expect(page.getByRole("list", { name: "Evidence" }).getByRole("listitem")).toHaveCount(22);

    // A reader is sent to sign in.
    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    await readerPage.goto(`/claims/${claim.id}/editorial?list=comments`);
    await expect(readerPage).toHaveURL(/\/sign-in\?next=/);
    await reader.close();

    // The queue: contested (no verdict), so it is there, with three counter-claims and a link to all five.
    await page.goto(`/review?filter=contested&speaker=${speakerId}`);
    const item = page.getByRole("article", { name: `Contested, no verdict: ${claim.text}` });
    await expect(item.getByRole("link", { name: "All 5 counter-claims →" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("review-queue-capped.png"), fullPage: true });
    await editor.close();
  });

  test("a source of the longest text allowed is stored and searchable", async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    const editor = await browser.newContext({ storageState: storageStatePath("editor") });
    const word = `quokkaline${Date.now().toString(36)}`;
    const line = (i: number) => `Line ${i} of the longest hearing transcript records procedural matters of no note.`;
    const lines: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes < 5 * 1024 * 1024 - 200; i++) {
      const l = i === 40_000 ? `The witness named the ${word} affair.` : line(i);
      if (bytes + l.length + 1 > 5 * 1024 * 1024) break;
      lines.push(l);
      bytes += l.length + 1;
    }
    const made = await editor.request.post("/api/sources", { headers: { origin: baseURL! }, data: { title: unique("The longest transcript"), kind: "transcript", text: lines.join("\n") }, timeout: 90_000 });
    expect(made.status(), (await made.text()).slice(0, 300)).toBe(201);
    const source = await made.json();
    const found = await (await editor.request.get(`/api/search?q=${word}&type=source`)).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([source.id]);
    await editor.close();
  });
});
