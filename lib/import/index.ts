/**
 * Importing a source's document: pasted text, or an uploaded `.txt`, `.md` or `.html` file,
 * becomes the plain text a source stores (paragraphs separated by "\n\n", "\n" a line break
 * inside a paragraph) plus whatever metadata the document carries.
 *
 * - Plain text is stored exactly as given apart from line endings (CRLF/CR → LF) and a leading
 *   byte-order mark (an encoding artefact, which `TextDecoder` drops too).
 * - Markdown and HTML are converted (see markdown-to-text.ts and html-to-text/); their result's
 *   line endings are LF by construction.
 *
 * Errors are `ImportError`s: a `ValidationError` (400 through server/http.ts) naming the field
 * ("file" for an upload, "text" for pasted text) with a message meant for the person importing.
 */
import { ValidationError } from "@/lib/errors";
import { htmlToText } from "./html-to-text";
import { markdownToText } from "./markdown-to-text";
import { detectKind, normalizeSourceText, type DocumentKind } from "./normalize";

export { htmlToText, type HtmlToTextResult } from "./html-to-text";
export { markdownToText, type MarkdownToTextResult } from "./markdown-to-text";
export { detectKind, normalizeSourceText, type DocumentKind } from "./normalize";

/**
 * The largest text a source may store: 5 MiB of UTF-8 (measured with `utf8ByteLength`). The app
 * refuses a larger text (400/413); `importDocument` refuses a conversion whose result is larger.
 */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

/**
 * The largest document `importDocument` will convert: 20 MiB of UTF-8. An HTML page is mostly
 * markup, so its text is far smaller than the page; the route should cap the upload body at this.
 */
export const MAX_IMPORT_BYTES = 4 * MAX_SOURCE_BYTES;

export type ImportFailure = "unsupported_type" | "not_text" | "empty" | "too_large";

export class ImportError extends ValidationError {
  /** The request field at fault: "file" for an upload, "text" for pasted text. */
  readonly field: string;
  /** Why, for callers that map it (e.g. "too_large" → 413). */
  readonly reason: ImportFailure;
  constructor(field: string, reason: ImportFailure, message: string) {
    super(message, { [field]: message });
    this.field = field;
    this.reason = reason;
  }
}

export interface ImportInput {
  /** The uploaded file's name; absent for pasted text. */
  filename?: string;
  /** The upload's MIME type, if the client sent one. */
  contentType?: string;
  /** The document, already decoded from UTF-8. */
  content: string;
}

export interface ImportedDocument {
  text: string;
  title: string | null;
  byline: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string | null;
  language: string | null;
  /** Absolute http(s) URL of the original, when the document names it. */
  url: string | null;
  format: DocumentKind;
}

/** Number of bytes `s` takes in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Converts a pasted text or an uploaded document to a source's text and metadata. Pasted text
 * (no file name and no content type) is plain text. Throws `ImportError` for an unsupported file
 * type, content that is not UTF-8 text, a document with no readable text, or one too large.
 */
export function importDocument(input: ImportInput): ImportedDocument {
  const { filename, contentType } = input;
  const isUpload = (filename !== undefined && filename.trim() !== "") || (contentType !== undefined && contentType.trim() !== "");
  const field = isUpload ? "file" : "text";
  const what = filename?.trim() ? `“${filename.trim().split(/[\\/]/).pop()}”` : isUpload ? "The file" : "The text";

  const format: DocumentKind | null = isUpload ? detectKind(filename ?? "", contentType) : "text";
  if (format === null) {
    throw new ImportError(
      field,
      "unsupported_type",
      `${what} is not a type that can be imported. Upload a plain text (.txt), Markdown (.md) or HTML (.html) file, or paste the text; for a PDF or Word document, copy its text and paste it.`,
    );
  }

  let content = input.content;
  // NUL never occurs in text; U+FFFD is what decoding leaves for bytes that are not UTF-8.
  if (content.includes("\u0000") || content.includes("\uFFFD")) {
    throw new ImportError(
      field,
      "not_text",
      `${what} is not UTF-8 text: it looks like a binary file or a text in another encoding. Save it as UTF-8 text, or paste the text.`,
    );
  }
  const inputBytes = utf8ByteLength(content);
  if (inputBytes > MAX_IMPORT_BYTES) {
    throw new ImportError(field, "too_large", `${what} is too large to import (${formatBytes(inputBytes)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}).`);
  }
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  content = normalizeSourceText(content);

  let result: Omit<ImportedDocument, "format">;
  switch (format) {
    case "html":
      result = htmlToText(content);
      break;
    case "markdown":
      result = { ...markdownToText(content), byline: null, publishedOn: null, language: null, url: null };
      break;
    case "text":
      result = { text: content, title: null, byline: null, publishedOn: null, language: null, url: null };
      break;
  }
  // The converters emit LF only; normalising again costs nothing and guards the invariant.
  const text = normalizeSourceText(result.text);

  if (text.trim() === "") {
    throw new ImportError(field, "empty", `${what} has no readable text.`);
  }
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_SOURCE_BYTES) {
    throw new ImportError(
      field,
      "too_large",
      `${what} has too much text for one source (${formatBytes(bytes)} of text; the limit is ${formatBytes(MAX_SOURCE_BYTES)}). Split it into several sources.`,
    );
  }
  return { ...result, text, format };
}
