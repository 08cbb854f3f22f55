/**
 * Sentence and quotation segmentation over tokens. Quotations are found independently of
 * sentences because a quotation often spans several sentences ("“A. B,” he said.") and a
 * quoted paragraph may continue in the next one (the newspaper convention of reopening the
 * quote mark without closing it: “A …\n\n“B …,” she said.).
 */
import type { Token } from "./tokens";

export interface Quotation {
  /** Token indices of the opening and closing marks (close is the last token of the region). */
  open: number;
  close: number;
  /** False when the paragraph ended before a closing mark. */
  closed: boolean;
  /** Index of the quotation this one continues (previous paragraph), or -1. */
  prev: number;
  /** Number of word tokens inside. */
  words: number;
}

export interface Sentence {
  index: number;
  /** Token range [first, last] inclusive. */
  first: number;
  last: number;
  para: number;
}

const SENTENCE_END = new Set([".", "!", "?", "…"]);

export function findQuotations(tokens: Token[]): Quotation[] {
  const quotes: Quotation[] = [];
  let open = -1;
  // The quotation left unclosed at the end of the previous paragraph, if any.
  let unclosed = -1;
  let openPrev = -1;
  const finish = (close: number, closed: boolean) => {
    let words = 0;
    for (let i = open + 1; i < close; i++) if (tokens[i]!.kind !== "punct") words++;
    quotes.push({ open, close, closed, prev: openPrev, words });
    for (let i = open; i <= close; i++) tokens[i]!.quote = quotes.length - 1;
    open = -1;
    openPrev = -1;
  };
  const begin = (i: number) => {
    open = i;
    const prevTok = tokens[i - 1];
    // A paragraph that starts by reopening the quotation continues the unclosed one.
    openPrev = unclosed >= 0 && (!prevTok || prevTok.para !== tokens[i]!.para) ? unclosed : -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.kind === "quote") {
      const straight = t.text === '"' || t.text === "''";
      if (open >= 0) {
        if (t.qdir === "close" || straight || t.qdir === null) finish(i, true);
        else {
          // A second opening mark before any close: the first quote was left unclosed.
          finish(i - 1, false);
          begin(i);
        }
      } else if (t.qdir === "open" || (straight && t.qdir === null)) {
        begin(i);
      }
      // A stray closing mark with nothing open is ignored.
    }
    if (!next || next.para !== t.para) {
      unclosed = -1;
      if (open >= 0) {
        finish(i, false);
        unclosed = quotes.length - 1;
      }
    }
  }
  return quotes;
}

/** Split tokens into sentences; sets `sent` on every token. */
export function findSentences(tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const push = (last: number) => {
    if (last < first) return;
    sentences.push({ index: sentences.length, first, last, para: tokens[first]!.para });
    for (let i = first; i <= last; i++) tokens[i]!.sent = sentences.length - 1;
    first = last + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) {
      push(i);
      break;
    }
    if (next.para !== t.para) {
      push(i);
      continue;
    }
    if (t.kind === "punct" && SENTENCE_END.has(t.text)) {
      // Closing quotes and brackets after the full stop belong to this sentence.
      let j = i + 1;
      while (j < tokens.length && tokens[j]!.para === t.para && isCloser(tokens[j]!)) j++;
      const after = tokens[j];
      if (!after || after.para !== t.para) {
        push(j - 1);
        i = j - 1;
        continue;
      }
      const bracketed = after.text === "(" && (tokens[j + 1]?.cap || tokens[j + 1]?.kind === "quote");
      if (after.cap || after.kind === "num" || (after.kind === "quote" && after.qdir === "open") || bracketed) {
        push(j - 1);
        i = j - 1;
      }
    }
  }
  return sentences;
}

function isCloser(t: Token): boolean {
  return (t.kind === "quote" && t.qdir !== "open") || t.text === ")" || t.text === "]" || t.text === "’";
}
