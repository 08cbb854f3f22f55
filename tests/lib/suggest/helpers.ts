import { codePointSlice } from "@/lib/codepoints";
import { suggestClaims, type Span, type Suggestion, type SuggestOptions } from "@/lib/suggest";

/** Text of a code-point span. */
export function at(text: string, span: Span | null): string | null {
  return span ? codePointSlice(text, span.start, span.end) : null;
}

/** Suggestions with their spans read back as strings, for readable assertions. */
export function readable(text: string, options?: SuggestOptions) {
  return suggestClaims(text, options).map((s: Suggestion) => ({
    suggestion: s,
    content: at(text, s.content)!,
    source: at(text, s.source),
    cue: at(text, s.cue),
    speaker: s.speaker?.name ?? null,
    kind: s.kind,
  }));
}

/** The one suggestion whose content contains `needle`. */
export function claimWith(text: string, needle: string, options?: SuggestOptions) {
  const found = readable(text, options).filter((s) => s.content.includes(needle));
  if (found.length !== 1) throw new Error(`expected one suggestion containing ${JSON.stringify(needle)}, got ${found.length}: ${JSON.stringify(readable(text, options).map((s) => s.content))}`);
  return found[0]!;
}
