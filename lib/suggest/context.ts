/** Shared state of one analysis and small helpers used by the attribution patterns. */
import { findCues, type Cue } from "./cues";
import type { Range } from "./np";
import type { Quotation, Sentence } from "./segment";
import type { SuggestionKind } from "./types";
import type { Token } from "./tokens";

export interface RawAttribution {
  kind: SuggestionKind;
  content: Range;
  source: Range | null;
  cue: Range | null;
  /** Lower wins when two candidates collide. */
  priority: number;
}

export interface Ctx {
  tokens: Token[];
  sentences: Sentence[];
  quotes: Quotation[];
  /** Continuations: quotes[nextQuote[q]].prev === q, else -1. */
  nextQuote: Int32Array;
  /** Per token: 1 when part of a cue. */
  isCue: Uint8Array;
  /** Cues of each sentence. */
  cues: Cue[][];
}

export const SENTENCE_PUNCT = new Set([".", "!", "?", ";", "…"]);

export function buildCtx(tokens: Token[], sentences: Sentence[], quotes: Quotation[]): Ctx {
  const nextQuote = new Int32Array(quotes.length).fill(-1);
  quotes.forEach((q, i) => {
    if (q.prev >= 0) nextQuote[q.prev] = i;
  });
  const isCue = new Uint8Array(tokens.length);
  const cues = sentences.map((s) => {
    const found = findCues(tokens, s.first, s.last);
    for (const c of found) for (let i = c.first; i <= c.last; i++) isCue[i] = 1;
    return found;
  });
  return { tokens, sentences, quotes, nextQuote, isCue, cues };
}

/** First token of the chain of quotations (across paragraphs) that `q` belongs to. */
export function chainStart(ctx: Ctx, q: number): number {
  let cur = q;
  for (let guard = 0; guard < 50 && ctx.quotes[cur]!.prev >= 0; guard++) cur = ctx.quotes[cur]!.prev;
  return ctx.quotes[cur]!.open;
}

/** Last token of the chain of quotations that `q` starts or belongs to. */
export function chainEnd(ctx: Ctx, q: number): number {
  let cur = q;
  for (let guard = 0; guard < 50 && ctx.nextQuote[cur]! >= 0; guard++) cur = ctx.nextQuote[cur]!;
  return ctx.quotes[cur]!.close;
}

/** Last token of a sentence that belongs to content (drops the final full stop, keeps a closing quote). */
export function lastContent(tokens: Token[], s: Sentence): number {
  let k = s.last;
  while (k > s.first && tokens[k]!.kind === "punct" && tokens[k]!.text !== ")") k--;
  return k;
}

/** Trim punctuation (not quote marks or brackets) from both ends of a range. */
export function trim(tokens: Token[], r: Range): Range | null {
  let [a, b] = r;
  while (a <= b && tokens[a]!.kind === "punct" && tokens[a]!.text !== "(") a++;
  while (b >= a && tokens[b]!.kind === "punct" && tokens[b]!.text !== ")") b--;
  return a <= b ? [a, b] : null;
}
