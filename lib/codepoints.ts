/**
 * Offsets in Counterpoint are Unicode code points, as the W3C Web Annotation model defines
 * TextPositionSelector. JavaScript strings index UTF-16 code units, so an emoji or a rare CJK
 * character (outside the Basic Multilingual Plane) takes two units but one code point. These
 * helpers convert between the two; everything stored or sent over the API is in code points.
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low surrogate is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * A reusable map between code-point offsets and UTF-16 indices of one text. Building it is
 * O(n) once; each conversion is then O(1) (or O(log n) from UTF-16 to code points). Use it when
 * converting many offsets of the same text, e.g. re-anchoring a thousand claims.
 */
export class CodePointIndex {
  readonly text: string;
  readonly length: number;
  /** utf16[cp] = UTF-16 index of code point cp; utf16[length] = text.length. Null when the text is all BMP. */
  private readonly utf16: Uint32Array | null;

  constructor(text: string) {
    this.text = text;
    let astral = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        astral = true;
        break;
      }
    }
    if (!astral) {
      this.utf16 = null;
      this.length = text.length;
      return;
    }
    const map = new Uint32Array(text.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      map[cp++] = i;
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    map[cp] = text.length;
    this.length = cp;
    this.utf16 = map.subarray(0, cp + 1);
  }

  /** UTF-16 index of code-point offset `cp` (0 ≤ cp ≤ length). */
  toUtf16(cp: number): number {
    if (cp < 0 || cp > this.length) throw new RangeError(`code point offset ${cp} is outside 0..${this.length}`);
    return this.utf16 ? this.utf16[cp]! : cp;
  }

  /**
   * Code-point offset of UTF-16 index `i`. An index that falls between the two halves of a
   * surrogate pair is rounded down to the start of that code point.
   */
  toCodePoint(i: number): number {
    if (i < 0 || i > this.text.length) throw new RangeError(`UTF-16 index ${i} is outside 0..${this.text.length}`);
    const map = this.utf16;
    if (!map) return i;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (map[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text between code-point offsets start and end. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** The text between code-point offsets start and end (one-off; use CodePointIndex for many). */
export function codePointSlice(text: string, start: number, end: number): string {
  return new CodePointIndex(text).slice(start, end);
}
