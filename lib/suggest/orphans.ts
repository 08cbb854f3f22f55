/**
 * Quotations left without a cue: a quoted paragraph before the paragraph that names its speaker,
 * or a quoted sentence after one that did. News style attributes them to the nearest speaker
 * around them, so they are claims of that speaker (PolNeAR annotates them so as well).
 */
import { chainEnd, type Ctx, type RawAttribution } from "./context";
import type { Range } from "./np";

const MIN_WORDS = 5;

/** Add a direct quotation for each substantial quotation that no accepted attribution touches. */
export function orphanQuotes(ctx: Ctx, accepted: RawAttribution[], used: Uint8Array): RawAttribution[] {
  const { tokens, quotes } = ctx;
  const out: RawAttribution[] = [];
  const byStart = [...accepted].sort((a, b) => a.content[0] - b.content[0]);
  for (let q = 0; q < quotes.length; q++) {
    const quote = quotes[q]!;
    if (quote.prev >= 0 || quote.words < MIN_WORDS) continue;
    const end = chainEnd(ctx, q);
    let free = true;
    for (let i = quote.open; i <= end && free; i++) if (used[i]) free = false;
    if (!free) continue;
    // Only a quotation that opens its sentence (a quoted phrase inside a clause is the writer's).
    const before = tokens[quote.open - 1];
    if (before && before.para === tokens[quote.open]!.para && before.sent === tokens[quote.open]!.sent && before.text !== ":") continue;
    // It must be all of its sentence, up to a closing full stop: the writer adds nothing.
    const s = ctx.sentences[tokens[end]!.sent]!;
    let tail = end + 1;
    while (tail <= s.last && tokens[tail]!.kind === "punct") tail++;
    if (tail <= s.last) continue;
    out.push({ kind: "direct-quote", content: [quote.open, end], source: nearestSource(ctx, byStart, quote.open), cue: null, priority: 9 });
    for (let i = quote.open; i <= end; i++) used[i] = 1;
  }
  return out;
}

/** The source of the nearest attribution in the same or an adjacent paragraph, preferring the one after. */
function nearestSource(ctx: Ctx, sorted: RawAttribution[], at: number): Range | null {
  const para = ctx.tokens[at]!.para;
  let best: Range | null = null;
  let bestDist = Infinity;
  for (const a of sorted) {
    if (!a.source) continue;
    const p = ctx.tokens[a.content[0]]!.para;
    const dist = Math.abs(p - para) + (p < para ? 0.5 : 0);
    if (dist <= 1.5 && dist < bestDist) {
      best = a.source;
      bestDist = dist;
    }
  }
  return best;
}
