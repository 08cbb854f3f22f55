/**
 * Normalising a source's text and recognising the kind of an uploaded file.
 *
 * The stored text is what claims are anchored to (Unicode code-point offsets), so it is changed as
 * little as possible: only line endings are normalised (CRLF and lone CR become LF). Nothing is
 * trimmed, no whitespace is collapsed, no Unicode normalisation (NFC/NFKC) is applied, so a quote
 * copied from the original still matches character for character.
 */

export type DocumentKind = "text" | "markdown" | "html";

/** CRLF and CR → LF; everything else exactly as given. */
export function normalizeSourceText(text: string): string {
  return text.indexOf("\r") === -1 ? text : text.replace(/\r\n?/g, "\n");
}

const BY_EXTENSION = new Map<string, DocumentKind>([
  ["txt", "text"],
  ["text", "text"],
  ["md", "markdown"],
  ["markdown", "markdown"],
  ["htm", "html"],
  ["html", "html"],
  ["xhtml", "html"],
]);

const BY_MIME = new Map<string, DocumentKind>([
  ["text/plain", "text"],
  ["text/markdown", "markdown"],
  ["text/x-markdown", "markdown"],
  ["text/html", "html"],
  ["application/xhtml+xml", "html"],
]);

/**
 * The kind of an uploaded file, or null when it is not one we can read (pdf, docx, images…).
 *
 * The file name's extension decides when there is one (case-insensitive; a path is reduced to its
 * last segment): a known extension wins over the MIME type, which browsers often get wrong for
 * Markdown (`text/plain`, `application/octet-stream`), and an unknown extension is refused even
 * with a text MIME type (`.csv`, `.json`, `.pdf` sent as `text/plain`). Without an extension the
 * MIME type decides (parameters such as `; charset=utf-8` are ignored).
 */
export function detectKind(filename: string, contentType?: string): DocumentKind | null {
  const base = filename.trim().split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  if (dot >= 0 && dot < base.length - 1) {
    return BY_EXTENSION.get(base.slice(dot + 1).toLowerCase()) ?? null;
  }
  if (contentType === undefined) return null;
  const mime = contentType.split(";")[0]!.trim().toLowerCase();
  return BY_MIME.get(mime) ?? null;
}
