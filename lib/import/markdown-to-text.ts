/**
 * Markdown → the plain text a source stores.
 *
 * Parsed with markdown-it (CommonMark plus GitHub tables and strikethrough; linear time, nesting
 * capped at 100 levels: content nested deeper, which no real document has, is dropped rather than
 * overflowing the stack), then its token stream is flattened to paragraphs separated by "\n\n".
 * (mdast-util-from-markdown/micromark, which react-markdown brings, was measured and rejected: its
 * list handling is quadratic — 190 KB with 8,000 small lists took 25–36 s here.)
 *
 * - Headings, paragraphs, block quotes (the `> ` goes), code blocks (kept as written, without the
 *   fences or indentation) and each list item are paragraphs; a table row is a paragraph with its
 *   cells separated by a tab (as for HTML). Thematic breaks, link reference definitions and
 *   images (alt text included) are dropped.
 * - List items keep a normalised marker: "- " for every bullet (`-`, `*`, `+`) and "N. " for
 *   ordered items, numbered from the list's start as a reader sees them (a `1)` becomes `1. `).
 *   Only an item's first paragraph carries the marker; a nested item is a paragraph of its own
 *   with its own marker, without indentation.
 * - Inline syntax goes: `*emphasis*` → `emphasis`, `` `code` `` → `code`, `~~struck~~` →
 *   `struck`, `[text](url)` and `[text][ref]` → `text`, `<https://…>` autolinks → the URL,
 *   backslash escapes and entities are resolved. A soft line break (a newline inside a
 *   paragraph) becomes a space, as Markdown renders it; a hard break (two trailing spaces, a
 *   backslash, or `<br>`) becomes "\n". Runs of spaces collapse to one.
 * - HTML blocks are converted with htmlToText; inline HTML tags are dropped (their text stays,
 *   except inside script/style-like elements, whose body never reaches the text).
 * - A leading YAML front matter block (`---` … `---`) is dropped; its `title:` is a fallback title.
 * - The title is the text of the first level-1 heading (`# Title` or a `===` underline); the
 *   heading stays in the text too, as an `<h1>` does for HTML.
 */
import MarkdownIt, { type Token } from "markdown-it";
import { htmlToText } from "./html-to-text";

export interface MarkdownToTextResult {
  text: string;
  title: string | null;
}

const parser = new MarkdownIt("default", { html: true, linkify: false, typographer: false });

/** Inline HTML elements whose content is code or chrome, not text. */
const RAW_INLINE_HTML = /^<(script|style|textarea|title|noscript|template|iframe|svg|math|object|select|button)(?=[\s/>])/i;

export function markdownToText(md: string): MarkdownToTextResult {
  const { body, title: frontTitle } = stripFrontMatter(md);
  const tokens = parser.parse(body, {});
  const paragraphs: string[] = [];
  let title: string | null = null;
  let marker = "";
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let row: string[] | null = null;
  let inH1 = false;

  const emit = (p: string) => {
    if (p === "") return;
    paragraphs.push(marker + p);
    marker = "";
  };

  for (const t of tokens) {
    switch (t.type) {
      case "heading_open":
        inH1 = t.tag === "h1";
        break;
      case "heading_close":
        inH1 = false;
        break;
      case "inline": {
        const text = inlineText(t.children ?? []);
        if (row !== null) {
          row.push(text);
        } else {
          if (inH1 && title === null && text !== "") title = text.replace(/\s+/g, " ");
          emit(text);
        }
        break;
      }
      case "fence":
      case "code_block":
        emit(t.content.replace(/^(?:[ \t]*\n)+/, "").trimEnd());
        break;
      case "html_block":
        for (const p of htmlToText(t.content).text.split("\n\n")) emit(p);
        break;
      case "bullet_list_open":
        lists.push({ ordered: false, next: 1 });
        break;
      case "ordered_list_open": {
        const start = Number(t.attrGet("start") ?? "1");
        lists.push({ ordered: true, next: Number.isSafeInteger(start) ? start : 1 });
        break;
      }
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        break;
      case "list_item_open": {
        const list = lists[lists.length - 1];
        if (list?.ordered) marker += `${list.next++}. `;
        else marker += "- ";
        break;
      }
      case "list_item_close":
        marker = ""; // an empty item must not lend its marker to the next paragraph
        break;
      case "tr_open":
        row = [];
        break;
      case "tr_close":
        if (row !== null) emit(row.join("\t").replace(/^\t+|\t+$/g, ""));
        row = null;
        break;
      default:
        // paragraph/blockquote/table open & close, hr: structure only.
        break;
    }
  }

  return { text: paragraphs.join("\n\n"), title: title ?? frontTitle };
}

/** The text of an inline token's children: markup and URLs dropped, soft breaks as spaces, hard breaks as "\n". */
function inlineText(children: readonly Token[]): string {
  const parts: string[] = [];
  let skipUntil: string | null = null; // inside inline <script>…</script> and the like
  for (const t of children) {
    if (skipUntil !== null) {
      if (t.type === "html_inline" && new RegExp(`^</${skipUntil}\\s*>`, "i").test(t.content)) skipUntil = null;
      continue;
    }
    switch (t.type) {
      case "text":
      case "text_special":
      case "code_inline":
        parts.push(t.content);
        break;
      case "softbreak":
        parts.push(" ");
        break;
      case "hardbreak":
        parts.push("\n");
        break;
      case "html_inline": {
        if (/^<br\s*\/?>$/i.test(t.content)) {
          parts.push("\n");
          break;
        }
        const raw = RAW_INLINE_HTML.exec(t.content);
        if (raw && !/\/>$/.test(t.content)) skipUntil = raw[1]!.toLowerCase();
        break;
      }
      default:
        // image (alt text included), link/em/strong/s open & close: no text of their own.
        break;
    }
  }
  return parts
    .join("")
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/^[ \n]+|[ \n]+$/g, "");
}

/** Removes a leading YAML front matter block; returns its `title:` if it has one. */
function stripFrontMatter(md: string): { body: string; title: string | null } {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(md);
  if (!m) return { body: md, title: null };
  const yaml = m[1]!;
  // Only YAML-looking blocks (every non-blank line a `key:` pair, a list entry or indented).
  const lines = yaml.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  if (lines.length === 0 || !lines.every((l) => /^[A-Za-z0-9_-]+\s*:/.test(l) || /^\s/.test(l) || /^- /.test(l))) {
    return { body: md, title: null };
  }
  const t = /^title\s*:\s*(.*)$/m.exec(yaml)?.[1]?.trim();
  const title = t ? t.replace(/^(["'])(.*)\1$/, "$2").trim() || null : null;
  return { body: md.slice(m[0].length), title };
}
