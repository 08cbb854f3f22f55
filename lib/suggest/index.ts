/**
 * Claim suggestion ("who said what"): for a news article's text, the assertions worth checking,
 * who made them and the figures in them. Pure TypeScript, no Node APIs, no network: it runs in
 * the browser bundle as well as on the server.
 *
 * Pipeline: tokenize → quotations and sentences → cues → attribution patterns (made univocal)
 * → named mentions and speaker resolution → quantities → check-worthiness score. Internally
 * everything is UTF-16 indices; offsets are converted to code points here, at the boundary.
 */
import { CodePointIndex } from "../codepoints";
import { analyse } from "./attribution";
import { findMentions } from "./mentions";
import type { Range } from "./np";
import { findQuantities } from "./quantities";
import { confidenceOf } from "./rank";
import { scoreClaim } from "./score";
import { SpeakerResolver } from "./speakers";
import { tokenize } from "./tokens";
import type { Span, Suggestion, SuggestOptions } from "./types";

export type * from "./types";
export { confidenceOf, CONFIDENCE_GROUPS, groupOf, groupSuggestions, isFragment, rankSuggestions, type ConfidenceGroup } from "./rank";
export { normaliseStatement, tidyQuote } from "./normalise";

export function suggestClaims(text: string, options: SuggestOptions = {}): Suggestion[] {
  const tokens = tokenize(text);
  const { attributions } = analyse(tokens, text);
  const mentions = findMentions(tokens);
  const resolver = new SpeakerResolver(tokens, mentions, options.knownSpeakers ?? []);
  const cp = new CodePointIndex(text);
  const toSpan = (start: number, end: number): Span => ({ start: cp.toCodePoint(start), end: cp.toCodePoint(end) });
  const span = (r: Range | null) => (r ? toSpan(tokens[r[0]]!.start, tokens[r[1]]!.end) : null);

  // Attributions come sorted by content; resolve speakers in order of their sources so that
  // pronouns find the speakers before them.
  const speakers = new Map<number, ReturnType<SpeakerResolver["resolve"]>>();
  const order = attributions.map((a, i) => [a.source ? a.source[0] : a.content[0], i] as const).sort((x, y) => x[0] - y[0]);
  for (const [, i] of order) speakers.set(i, resolver.resolve(attributions[i]!.source));

  return attributions.map((a, i) => {
    const start = tokens[a.content[0]]!.start;
    const end = tokens[a.content[1]]!.end;
    const quantities = findQuantities(text, start, end).map((q) => ({ ...q, ...toSpan(q.start, q.end) }));
    const resolved = speakers.get(i) ?? null;
    let named = 0;
    for (let k = a.content[0] + 1; k <= a.content[1]; k++) {
      const t = tokens[k]!;
      if (t.kind === "word" && t.cap && tokens[k - 1]!.sent === t.sent && !(tokens[k - 1]!.cap && tokens[k - 1]!.kind === "word")) named++;
    }
    const { score, parts } = scoreClaim({
      text: text.slice(start, end),
      quantities: quantities.length,
      namedEntities: named,
      kind: a.kind,
      speaker: !a.source ? "none" : !resolved ? "unresolved" : resolved.via === "name" ? "named" : resolved.via === "antecedent" ? "resolved" : "unresolved",
    });
    return {
      content: toSpan(start, end),
      source: span(a.source),
      cue: span(a.cue),
      speaker: resolved
        ? {
            name: resolved.name,
            kind: resolved.kind,
            mention: resolved.mention ? span([resolved.mention.first, resolved.mention.last]) : null,
            speakerId: resolved.speakerId,
          }
        : null,
      quantities,
      score,
      scoreParts: parts,
      kind: a.kind,
      confidence: confidenceOf({ kind: a.kind, via: !a.source ? "none" : (resolved?.via ?? "unresolved"), words: text.slice(start, end).split(/\s+/).filter(Boolean).length }),
    };
  });
}
