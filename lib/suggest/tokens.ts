/**
 * Tokenizer. Offsets here are UTF-16 indices into the text (what JavaScript regexes give);
 * the engine converts to code points only at its output boundary.
 */

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

/** Abbreviations whose trailing period belongs to the word (never ends a sentence by itself). */
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gov sen rep reps sens st jr sr gen lt col capt sgt maj adm cmdr rev fr hon pres supt insp " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun " +
    "inc corp co ltd llc bros vs etc no nos vol fig approx est dept univ assn ave blvd mt ft " +
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo"
  ).split(" "),
);

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
      // Keep an abbreviation's period with it: "Mr.", "U.S.", "Jan.", initials "W.".
      if (text[end] === ".") {
        const w = m[2];
        const lw = w.toLowerCase();
        if (ABBREVIATIONS.has(lw) || /^\p{Lu}$/u.test(w) || /\./.test(w)) {
          end++;
          TOKEN_RE.lastIndex = end;
        }
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
