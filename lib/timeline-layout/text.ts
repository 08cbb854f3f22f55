/** Text measured without font metrics (none on the server): width estimates, cutting and wrapping. */

/** A generous estimate of a text's width in a sans-serif face (no font metrics on the server). */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += /[ilj.,:;'’|!]/.test(ch) ? 0.3 : /[mwMW@]/.test(ch) ? 0.85 : /[A-Z0-9]/.test(ch) ? 0.66 : 0.56;
  return units * fontSize;
}

/** Cuts `text` to fit `width`, ending with "…". */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Word-wraps `text` to `width`, at most `maxLines` lines (the last one cut with "…"). */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= width || !line) {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      line = `${line} ${words.slice(i).join(" ")}`;
      break;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === lines.length - 1 || textWidth(l, fontSize) > width ? fitText(l, width, fontSize) : l));
}
