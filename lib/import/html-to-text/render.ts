/**
 * Text assembly: walks the content root and builds the paragraphs — one per block element,
 * `<br>` as "\n", table cells separated by a tab, whitespace collapsed except in preformatted
 * text — skipping what the dropping rules (chrome.ts) leave out.
 */
import { type DomDocument, type DomElement, type DomNode, type DomParent, isElement, isText } from "./dom";
import { isStructurallyDropped, looksLikeNoise, nextInSection, rawTextLength } from "./chrome";
import { ASCII_WHITESPACE, INVISIBLE, NBSP } from "./strings";

/** Elements that start and end a paragraph. */
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "legend",
  "li",
  "listing",
  "main",
  "menu",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
  "xmp",
  "plaintext",
]);

const PREFORMATTED_TAGS = new Set(["pre", "listing", "xmp", "plaintext"]);

class TextBuilder {
  private readonly paragraphs: string[] = [];
  private parts: string[] = [];
  private pre = false;

  /** Appends text from a Text node. */
  text(data: string, preformatted: boolean): void {
    if (data === "") return;
    if (this.parts.length === 0) this.pre = preformatted;
    const clean = data.replace(INVISIBLE, "");
    this.parts.push(preformatted ? clean.replace(/\r\n?/g, "\n") : clean.replace(ASCII_WHITESPACE, " ").replace(NBSP, " "));
  }

  /** Appends a separator that survives whitespace collapsing ("\n" for br, "\t" between cells). */
  raw(sep: "\n" | "\t", preformatted: boolean): void {
    if (this.parts.length === 0) this.pre = preformatted;
    this.parts.push(sep);
  }

  hasContent(): boolean {
    return this.parts.length > 0;
  }

  /** Ends the current paragraph. */
  flush(): void {
    if (this.parts.length === 0) return;
    let p = this.parts.join("");
    this.parts = [];
    if (this.pre) {
      p = p.replace(/^\n/, "").replace(/\s+$/, "");
      // Leading blank lines would read as an empty paragraph.
      p = p.replace(/^(?:[ \t]*\n)+/, "");
    } else {
      p = p
        .replace(/ {2,}/g, " ")
        .replace(/ ?([\n\t]) ?/g, "$1")
        .replace(/\t{2,}/g, "\t")
        .replace(/\n{3,}/g, "\n\n")
        .replace(/^[\s]+|[\s]+$/g, "");
    }
    if (p !== "") this.paragraphs.push(p);
  }

  result(): string {
    this.flush();
    return this.paragraphs.join("\n\n");
  }
}

type Frame = { node: DomNode; inSection: boolean; exit: false } | { el: DomElement; exit: true };

export function renderText(root: DomDocument | DomElement, rootInSection: boolean, rootLen: number): string {
  const out = new TextBuilder();
  let preDepth = 0;
  const stack: Frame[] = [];
  const pushChildren = (parent: DomParent, inSection: boolean) => {
    for (let i = parent.childNodes.length - 1; i >= 0; i--) stack.push({ node: parent.childNodes[i]!, inSection, exit: false });
  };
  pushChildren(root, rootInSection);
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      const el = frame.el;
      if (PREFORMATTED_TAGS.has(el.tagName)) {
        preDepth--;
        if (preDepth === 0) out.flush();
      } else if (preDepth === 0 && BLOCK_TAGS.has(el.tagName)) {
        out.flush();
      }
      continue;
    }
    const node = frame.node;
    if (isText(node)) {
      out.text(node.value, preDepth > 0);
      continue;
    }
    if (!isElement(node)) {
      // Comments, CDATA (parsed as comments in HTML), processing instructions: no text.
      continue;
    }
    const el = node;
    if (isStructurallyDropped(el, frame.inSection)) continue;
    if (looksLikeNoise(el) && !(rootLen > 0 && rawTextLength(el, frame.inSection) * 2 > rootLen)) continue;
    const name = el.tagName;
    if (name === "br") {
      out.raw("\n", preDepth > 0);
      continue;
    }
    if ((name === "td" || name === "th") && preDepth === 0) {
      if (out.hasContent()) out.raw("\t", false);
    }
    if (PREFORMATTED_TAGS.has(name)) {
      if (preDepth === 0) out.flush();
      preDepth++;
    } else if (preDepth === 0 && BLOCK_TAGS.has(name)) {
      out.flush();
    }
    stack.push({ el, exit: true });
    pushChildren(el, nextInSection(el, frame.inSection));
  }
  return out.result();
}
