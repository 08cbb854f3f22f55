import type { Locator, Page } from "@playwright/test";

/**
 * Selects `phrase` inside `container` with a real mouse drag: from the left edge of its first
 * character to the right edge of its last (positions measured with a DOM Range).
 */
export async function dragSelect(page: Page, container: Locator, phrase: string): Promise<void> {
  await container.getByText(phrase, { exact: false }).first().scrollIntoViewIfNeeded();
  const box = await container.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the text`);
    const locate = (offset: number) => {
      let rest = offset;
      for (const node of nodes) {
        if (rest <= node.data.length) return { node, offset: rest };
        rest -= node.data.length;
      }
      throw new Error("offset out of range");
    };
    const rect = (offset: number) => {
      const { node, offset: o } = locate(offset);
      const range = document.createRange();
      range.setStart(node, o);
      range.setEnd(node, o + 1);
      return range.getBoundingClientRect();
    };
    const first = rect(at);
    const last = rect(at + wanted.length - 1);
    return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

/** The viewport point in the middle of the first character of `phrase` inside `container`. */
export async function pointOnText(container: Locator, phrase: string): Promise<{ x: number; y: number }> {
  await container.getByText(phrase, { exact: false }).first().scrollIntoViewIfNeeded();
  return container.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 1);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`"${wanted}" is not in one text node`);
  }, phrase);
}

/**
 * A long-press at `point` on a touch screen, held `holdMs`: Chromium's touch emulation turns a
 * held mouse press into a touch with the long-press gesture, as a finger makes it (the browser
 * selects the word under it and fires `contextmenu`, no click). Playwright's touchscreen can
 * only tap.
 */
export async function longPress(page: Page, point: { x: number; y: number }, holdMs = 1000): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Emulation.setEmitTouchEventsForMouse", { enabled: true, configuration: "mobile" });
    await cdp.send("Input.dispatchMouseEvent", { type: "mouseMoved", x: point.x, y: point.y });
    // The press is only acknowledged once the emulated touch is over: not awaited.
    void cdp.send("Input.dispatchMouseEvent", { type: "mousePressed", x: point.x, y: point.y, button: "left", clickCount: 1 }).catch(() => undefined);
    await page.waitForTimeout(holdMs);
    void cdp.send("Input.dispatchMouseEvent", { type: "mouseReleased", x: point.x, y: point.y, button: "left", clickCount: 1 }).catch(() => undefined);
    await page.waitForTimeout(100);
    await cdp.send("Emulation.setEmitTouchEventsForMouse", { enabled: false });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
