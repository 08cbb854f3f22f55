/**
 * Sentence and quotation segmentation over tokens. Quotations are found independently of
 * sentences because a quotation often spans several sentences ("“A. B,” he said.") and a
 * quoted paragraph may continue in the next one (the newspaper convention of reopening the
 * quote mark without closing it: “A …\n\n“B …,” she said.).
 */
import { sentenceSpans } from "../sentences";
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

/**
 * Split tokens into sentences, as the shared segmenter cuts the text (abbreviations, initials,
 * line breaks …); sets `sent` on every token.
 */
export function findSentences(tokens: Token[], text: string): Sentence[] {
  const spans = sentenceSpans(text);
  const sentences: Sentence[] = [];
  let span = 0;
  let current = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const before = span;
    while (span < spans.length - 1 && spans[span]!.end <= t.start) span++;
    if (current < 0 || span !== before) {
      current = sentences.length;
      sentences.push({ index: current, first: i, last: i, para: t.para });
    } else sentences[current]!.last = i;
    t.sent = current;
  }
  return sentences;
}
