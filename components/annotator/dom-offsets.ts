import { codePointLength } from "@/lib/codepoints";

/**
 * Maps a DOM selection (or a caret: offsetOf) inside the annotated text to code-point offsets of the source text.
 * Every rendered piece of text sits in an element carrying `data-cp`, the code-point offset
 * where its text starts, and holds that text as its only text node.
 */
export function offsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const holder = node.parentElement?.closest<HTMLElement>("[data-cp]");
    if (!holder || !container.contains(holder)) return null;
    return Number(holder.dataset.cp) + codePointLength((node as Text).data.slice(0, offset));
  }
  // An element boundary: the offset of the next text after it (or the end of the previous one).
  const element = node as Element;
  const after = element.childNodes[offset];
  if (after) {
    const first = after.nodeType === Node.TEXT_NODE ? after : firstText(after);
    if (first) return offsetOf(container, first, 0);
  }
  const before = offset > 0 ? element.childNodes[offset - 1] : null;
  const last = before ? (before.nodeType === Node.TEXT_NODE ? before : lastText(before)) : null;
  if (last) return offsetOf(container, last, (last as Text).data.length);
  return null;
}

function firstText(node: Node): Node | null {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  return walker.nextNode();
}

function lastText(node: Node): Node | null {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let last: Node | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
  return last;
}

/** The selected span in code points, trimmed of surrounding whitespace, or null. */
export function selectionOffsets(container: HTMLElement, text: { slice(start: number, end: number): string }): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let start = offsetOf(container, range.startContainer, range.startOffset);
  let end = offsetOf(container, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  const selected = [...text.slice(start, end)];
  let lead = 0;
  while (lead < selected.length && /\s/.test(selected[lead]!)) lead++;
  let trail = 0;
  while (trail < selected.length - lead && /\s/.test(selected[selected.length - 1 - trail]!)) trail++;
  start += lead;
  end -= trail;
  return end > start ? { start, end } : null;
}
