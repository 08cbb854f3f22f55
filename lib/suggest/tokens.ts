/**
 * Tokenizer. Offsets here are UTF-16 indices into the text (what JavaScript regexes give);
 * the engine converts to code points only at its output boundary.
 */

import { abbreviationKind, runOnStop } from "../sentences";

export type TokenKind = "word" | "num" | "punct" | "quote";

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Index of the paragraph (a run of text between line breaks). */
  para: number;
  /** For quote marks: does it open or close a quotation? */
  qdir: "open" | "close" | null;
  /** Index of the quotation this token is inside (marks included), or -1. Set by segmentation. */
  quote: number;
  /** Index of the sentence. Set by segmentation. */
  sent: number;
}

// A word: letters/digits/marks, joined by apostrophes, hyphens, periods, ampersands or slashes
// ("don't", "front-runner", "U.S", "AT&T", "9/11"), or a number with separators ("1,528", "12.5").
const TOKEN_RE =
  /(\d+(?:[.,]\d+)*(?:[-–][\p{L}\p{N}]+)*)|([\p{L}\p{M}\p{N}]+(?:['’\-.&/][\p{L}\p{M}\p{N}]+)*)|(''|``|[“”„«»"])|(\n)|([^\s])/gu;

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}

/** Decide whether a straight quote (or '' pair) opens or closes, from its neighbours. */
function straightDirection(text: string, start: number, end: number): "open" | "close" | null {
  const before = text[start - 1];
  const after = text[end];
  const openBefore = isSpace(before) || (before !== undefined && /[([{\u2014\u2013\-/—:]/.test(before));
  const closeAfter = isSpace(after) || (after !== undefined && /[.,;:!?)\]}\u2014\u2013\-—]/.test(after));
  if (openBefore && !isSpace(after)) return "open";
  if (closeAfter && !isSpace(before)) return "close";
  if (openBefore) return "open";
  if (closeAfter) return "close";
  return null;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let para = 0;
  let m: RegExpExecArray | null;
  TOKEN_RE.lastIndex = 0;
  while ((m = TOKEN_RE.exec(text))) {
    const start = m.index;
    let end = start + m[0].length;
    let kind: TokenKind;
    if (m[4] !== undefined) {
      // A line break ends the paragraph (blank lines are just more of the same).
      if (tokens.length > 0 && tokens[tokens.length - 1]!.para === para) para++;
      continue;
    }
    if (m[1] !== undefined) kind = "num";
    else if (m[2] !== undefined) {
      kind = "word";
      // Words run together at a lost sentence break ("said.Trump") are two words.
      for (let p = m[2].indexOf("."); p >= 0; p = m[2].indexOf(".", p + 1)) {
        if (runOnStop(text, start + p)) {
          end = start + p;
          TOKEN_RE.lastIndex = end;
          break;
        }
      }
      // Keep an abbreviation's period with it: "Mr.", "U.S.", "Jan.", "No. 2", initials "W.".
      if (text[end] === "." && abbreviationKind(text.slice(start, end), text.slice(end + 1, end + 9))) {
        end++;
        TOKEN_RE.lastIndex = end;
      }
    } else if (m[3] !== undefined) kind = "quote";
    else kind = "punct";
    const tokText = text.slice(start, end);
    let qdir: "open" | "close" | null = null;
    if (kind === "quote") {
      if (tokText === "“" || tokText === "„" || tokText === "«" || tokText === "``") qdir = "open";
      else if (tokText === "”" || tokText === "»") qdir = "close";
      else qdir = straightDirection(text, start, end);
      // A curly mark typed the wrong way round (“…,“ said X / ”This …): trust its neighbours.
      if (tokText === "“" || tokText === "”") {
        const neighbours = straightDirection(text, start, end);
        if (neighbours && neighbours !== qdir && isSpace(text[neighbours === "close" ? end : start - 1])) qdir = neighbours;
      }
    }
    tokens.push({
      start,
      end,
      text: tokText,
      lower: tokText.toLowerCase(),
      kind,
      cap: /^\p{Lu}/u.test(tokText),
      para,
      qdir,
      quote: -1,
      sent: -1,
    });
  }
  return tokens;
}
