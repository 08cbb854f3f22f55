/**
 * Attribution finder: runs the patterns for every cue of every sentence, then makes the result
 * univocal — every token in at most one attribution — as PolNeAR counts them and as a reader
 * would: a quotation beats an indirect reading, and an attribution nested in another's content
 * ("Trump said Clinton believes …") is part of the outer claim, not a claim of its own.
 */
import { accordingTo, askedQuestion, evidential, forward, postPosed } from "./clause-patterns";
import { nounCues } from "./nominal";
import { orphanQuotes } from "./orphans";
import { buildCtx, type Ctx, type RawAttribution } from "./context";
import { clauseSubject, skipModifiersLeft, subjectBefore, type Range } from "./np";
import { colonQuote, headlineColon, quoteAfter, quoteBefore } from "./quote-patterns";
import { findQuotations, findSentences } from "./segment";
import { ruleOn } from "./rules";
import { adjectiveCues, passiveEvidentials } from "./stance";
import type { Token } from "./tokens";

export function analyse(tokens: Token[], text: string): { ctx: Ctx; attributions: RawAttribution[] } {
  const quotes = findQuotations(tokens);
  const sentences = findSentences(tokens, text);
  const ctx = buildCtx(tokens, sentences, quotes);
  return { ctx, attributions: findAttributions(ctx) };
}

/** Attributions for a prepared context (exposed so that a cue filter can be tried on `ctx.cues`). */
export function findAttributions(ctx: Ctx): RawAttribution[] {
  return resolve(ctx, candidates(ctx));
}

function candidates(ctx: Ctx): RawAttribution[] {
  const out: RawAttribution[] = [];
  const { tokens } = ctx;
  for (const s of ctx.sentences) {
    let mainSubject: Range | null = null;
    let lastContent: Range | null = null;
    for (const cue of ctx.cues[s.index]!) {
      let a: RawAttribution | null = null;
      if (cue.according) a = accordingTo(ctx, s, cue);
      else if (cue.classes.has("evidential") || (cue.passive && cue.lemma === "expect" && tokens[cue.last + 1]?.lower === "to")) a = evidential(ctx, s, cue);
      else if (cue.lemma === "ask" && (a = askedQuestion(ctx, s, cue))) {
        // done
      } else if (cue.passive && cue.lemma === "ask") {
        // "He was asked what happened to the black vote": the question, asked by someone unnamed.
        a = forward(ctx, s, cue, null);
      } else if (!cue.passive) {
        a = quoteBefore(ctx, s, cue);
        let subject = cue.participial ? null : subjectBefore(tokens, cue.first, s.first);
        // "Massie used to support Paul", "she wants to endorse him": the subject of the verb
        // that governs the infinitive.
        if (!subject && !cue.participial) subject = infinitiveSubject(tokens, cue.first, s.first);
        // A verb coordinated with an earlier one shares its subject ("called X and said Y").
        const k = skipModifiersLeft(tokens, cue.first - 1, s.first);
        const shared = cue.participial || (!subject && k > s.first && /^(and|but|or|then)$/.test(tokens[k]!.lower));
        if (shared) subject = mainSubject ?? clauseSubject(tokens, s.first, cue.first);
        a ??= quoteAfter(ctx, s, cue, subject);
        if (!shared) a ??= postPosed(ctx, s, cue, subject);
        if (!a && (subject || shared)) a = forward(ctx, s, cue, subject);
      }
      if (!a) continue;
      // A cue inside the previous content is nested ("said the country rejected …"): it does
      // not become the subject that later participles share.
      const nested = !!lastContent && cue.first >= lastContent[0] && cue.first <= lastContent[1];
      out.push(a);
      if (a.source && !cue.according && !nested) mainSubject = a.source;
      if (!nested) lastContent = a.content;
    }
    const colon = colonQuote(ctx, s) ?? (ruleOn("headline-colon") ? headlineColon(ctx, s) : null);
    if (colon) out.push(colon);
    if (ruleOn("noun-cues")) out.push(...nounCues(ctx, s));
    if (ruleOn("stance-adjectives")) out.push(...adjectiveCues(ctx, s), ...passiveEvidentials(ctx, s));
  }
  return out;
}

/** Is range `inner` inside range `outer`? */
const within = (inner: Range, outer: Range) => inner[0] >= outer[0] && inner[1] <= outer[1];

function resolve(ctx: Ctx, cands: RawAttribution[]): RawAttribution[] {
  // An attribution whose cue sits inside another's content is nested: the outer one is the claim.
  const outer = cands.filter((a) => !cands.some((o) => o !== a && a.cue && within(a.cue, o.content) && !(o.cue && within(o.cue, a.content))));
  const sorted = outer.sort((a, b) => a.priority - b.priority || a.content[0] - b.content[0]);
  const used = new Uint8Array(ctx.tokens.length);
  const accepted: RawAttribution[] = [];
  const taken = (r: Range | null) => {
    if (!r) return false;
    for (let i = r[0]; i <= r[1]; i++) if (used[i]) return true;
    return false;
  };
  for (const a of sorted) {
    if (taken(a.cue) || taken(a.content)) continue;
    accepted.push(a);
    for (let i = a.content[0]; i <= a.content[1]; i++) used[i] = 1;
  }
  // Substantial quotations no pattern claimed belong to the speaker around them.
  if (ruleOn("orphan-quotes")) accepted.push(...orphanQuotes(ctx, accepted, used));
  return accepted.sort((a, b) => a.content[0] - b.content[0]);
}

/** Verbs that take an infinitive sharing their subject ("used to", "wants to", "refused to"). */
const CONTROL_VERBS = /^(used|use|want|wants|wanted|plan|plans|planned|hope|hopes|hoped|decide|decides|decided|refuse|refuses|refused|try|tries|tried|continue|continues|continued|begin|begins|began|start|starts|started|seem|seems|seemed|appear|appears|appeared|need|needs|needed|promise|promises|promised|vow|vows|vowed|declined|declines|decline|intend|intends|intended|expect|expects|expected|went|go|goes|going|came|come|comes|moved|rushed|sought|seeks|seek|threatened|threatens|agreed|agrees|agree|chose|chooses|choose|managed|failed|fails|fail|has|have|had|ought)$/;

/** The subject of "X used to SUPPORT", "X refused to ENDORSE": before the controlling verb. */
function infinitiveSubject(tokens: Token[], cue: number, first: number): Range | null {
  const to = tokens[cue - 1];
  const verb = tokens[cue - 2];
  if (!to || !verb || to.lower !== "to" || cue - 2 <= first || !CONTROL_VERBS.test(verb.lower)) return null;
  return subjectBefore(tokens, cue - 2, first);
}

