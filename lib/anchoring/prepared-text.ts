/**
 * A text prepared once for many anchoring operations: its code points as an Int32Array (what
 * the matchers and the diff work on) and a CodePointIndex for UTF-16 ↔ code-point conversion.
 * Build one per text revision, never one per anchor.
 */
import { CodePointIndex } from "@/lib/codepoints";

export class PreparedText {
  readonly text: string;
  readonly index: CodePointIndex;
  readonly cps: Int32Array;

  constructor(text: string) {
    this.text = text;
    this.index = new CodePointIndex(text);
    this.cps = toCodePoints(text, this.index.length);
  }

  static from(text: string | PreparedText): PreparedText {
    return typeof text === "string" ? new PreparedText(text) : text;
  }

  get length(): number {
    return this.index.length;
  }

  slice(start: number, end: number): string {
    return this.index.slice(start, end);
  }

  /**
   * Code-point starts of the occurrences of `needle` (non-empty) that lie within code points
   * from..to (default: the whole text), in order.
   */
  occurrences(needle: string, from = 0, to = this.length): number[] {
    const out: number[] = [];
    const u0 = this.index.toUtf16(Math.max(0, from));
    const u1 = this.index.toUtf16(Math.min(to, this.length));
    // Search a slice, so that a range without the needle is not scanned to the end of the text.
    const hay = u0 === 0 && u1 === this.text.length ? this.text : this.text.slice(u0, u1);
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
      const cp = this.index.toCodePoint(u0 + i);
      if (this.index.toUtf16(cp) === u0 + i) out.push(cp); // skip a match that starts inside a surrogate pair
    }
    return out;
  }
}

/** The code points of `text` (a lone surrogate counts as one, as in CodePointIndex). */
export function toCodePoints(text: string, length?: number): Int32Array {
  const out = new Int32Array(length ?? text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[n++] = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    out[n++] = c;
  }
  return length === undefined ? out.subarray(0, n) : out;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function isWordChar(cp: number): boolean {
  return cp >= 0 && WORD.test(String.fromCodePoint(cp));
}

export function isWhitespace(cp: number): boolean {
  return cp >= 0 && /\s/u.test(String.fromCodePoint(cp));
}

/**
 * Whether a word boundary lies between code points `before` and `after` (-1 for the edge of the
 * text). Ideographs and kana are words of their own, since CJK text has no spaces.
 */
export function isWordBoundary(before: number, after: number): boolean {
  if (before < 0 || after < 0) return true;
  if (!isWordChar(before) || !isWordChar(after)) return true;
  return CJK.test(String.fromCodePoint(before)) || CJK.test(String.fromCodePoint(after));
}
