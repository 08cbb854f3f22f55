/**
 * CSV as spreadsheets write it (RFC 4180): fields separated by `,` or `;` (detected from the
 * header line), quoted with `"` when they hold a separator, a quote (doubled) or a line break;
 * records end with LF or CRLF; a UTF-8 byte-order mark at the start is dropped. Pure: safe anywhere.
 */

export interface CsvRecord {
  /** The 1-based line on which the record starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

export type CsvSeparator = "," | ";" | "\t";

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * The separator of a file: the one of `,` and `;` that occurs more often outside quotes on the
 * first line (a header names its columns; Excel in many European locales writes `;`). A tie,
 * including a one-column header, is `,`.
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c === ",") commas++;
    else if (!quoted && c === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Every record of a CSV text, lazily, with the line it starts on. Blank lines are skipped. A
 * quote inside an unquoted field is kept as text (as spreadsheets read it); a quoted field
 * followed by anything but a separator or the end of the record, or left open at the end of the
 * file, is a CsvSyntaxError naming its line.
 */
export function* parseCsv(text: string, separator: CsvSeparator = detectSeparator(text)): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = "";
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(opened, "a quoted field is never closed");
          const q = text.indexOf('"', i);
          if (q === -1) throw new CsvSyntaxError(opened, "a quoted field is never closed");
          const chunk = text.slice(i, q);
          for (let k = chunk.indexOf("\n"); k !== -1; k = chunk.indexOf("\n", k + 1)) line++;
          field += chunk;
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        const next = text[i];
        if (i < n && next !== separator && next !== "\n" && next !== "\r") throw new CsvSyntaxError(line, "a closing quote must be followed by a separator or the end of the line");
      } else {
        let j = i;
        while (j < n && text[j] !== separator && text[j] !== "\n" && text[j] !== "\r") j++;
        field += text.slice(i, j);
        i = j;
      }
      if (i >= n) endOfRecord = true;
      else if (text[i] === separator) i++;
      else {
        // CRLF, LF or a lone CR ends the record.
        i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        endOfRecord = true;
      }
      fields.push(field);
      field = "";
    }
    if (fields.length === 1 && fields[0] === "") continue;
    yield { line: start, fields };
  }
}

/** One field, quoted when it must be (a separator, a quote, a line break, or spaces at either end). */
export function csvField(value: string | number | null | undefined, separator: CsvSeparator = ","): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return s.includes(separator) || /["\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, CRLF-terminated (RFC 4180). */
export function csvRecord(values: readonly (string | number | null | undefined)[], separator: CsvSeparator = ","): string {
  return `${values.map((v) => csvField(v, separator)).join(separator)}\r\n`;
}
