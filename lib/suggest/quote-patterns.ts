/**
 * Direct-quotation patterns: a quotation followed by its cue (“…,” he said / said X), a cue
 * followed by its quotation (he said: “…”), split quotations and quoted paragraphs that carry on.
 */
import { ruleOn } from "./rules";
import type { Cue } from "./cues";
import { ADVERBIAL_START, DETERMINERS } from "./lexicon";
import { phraseAfter, subjectBefore, type Range } from "./np";
import type { Quotation, Sentence } from "./segment";
import { chainEnd, chainStart, SENTENCE_PUNCT, trim, type Ctx, type RawAttribution } from "./context";

/** Verbs whose first object is the addressee, not the content ("told reporters that …"). */
const ADDRESSEE_VERBS = new Set(["tell", "ask", "urge", "warn", "remind", "assure", "reassure", "inform", "notify", "advise", "instruct", "order", "beg", "implore", "encourage", "invite", "caution", "press", "convince"]);
const MAX_QUOTE_GAP = 14;
const CROSS_PARAGRAPHS = true;

/**
 * Extend a quotation content over what follows in the same paragraph: the second half of a
 * split quote (“A,” he said, “B.”) right after `after`, then further quoted sentences with no
 * cue of their own.
 */
export function extendQuote(ctx: Ctx, end: number, after: number): number {
  const { tokens } = ctx;
  const para = tokens[end]!.para;
  let e = end;
  let k = after;
  // Split quote: a comma or colon, then the quotation resumes.
  while (k < tokens.length && (tokens[k]!.text === "," || tokens[k]!.text === ":") && tokens[k]!.para === para) k++;
  if (!opensQuote(ctx, k, para)) {
    // Otherwise carry on from the end of the cue's sentence.
    const s = ctx.sentences[tokens[after - 1]!.sent];
    if (!s || !ruleOn("quote-carry-on")) return e;
    k = Math.max(s.last + 1, after);
  }
  for (let guard = 0; guard < 20; guard++) {
    // A new paragraph that is a quotation with no cue of its own carries on the same speech.
    const t = tokens[k];
    const nextPara = !!t && t.para === tokens[e]!.para + 1 && CROSS_PARAGRAPHS;
    if (!opensQuote(ctx, k, nextPara ? t.para : tokens[e]!.para)) break;
    const q = ctx.quotes[tokens[k]!.quote]!;
    // Does the sentence that ends this quotation carry a cue of its own? Then it is not ours.
    const s = ctx.sentences[tokens[q.close]!.sent]!;
    let own = false;
    for (let i = q.close + 1; i <= s.last; i++) if (ctx.isCue[i] && tokens[i]!.quote < 0) own = true;
    if (own) break;
    e = chainEnd(ctx, tokens[k]!.quote);
    k = e + 1;
    while (k < tokens.length && tokens[k]!.kind === "punct" && tokens[k]!.para === tokens[e]!.para) k++;
  }
  return e;
}

function opensQuote(ctx: Ctx, k: number, para: number): boolean {
  const t = ctx.tokens[k];
  return !!t && t.para === para && t.kind === "quote" && t.quote >= 0 && ctx.quotes[t.quote]!.open === k;
}

/** Is quotation `q` a short title ("This Week", "Sunday Morning Futures"): every word capitalised? */
function titleCase(ctx: Ctx, q: Quotation): boolean {
  if (q.words > 6) return false;
  for (let i = q.open + 1; i < q.close; i++) {
    const t = ctx.tokens[i]!;
    if (t.kind === "word" && !t.cap && !/^(of|the|a|an|and|in|on|for|to|at)$/.test(t.lower)) return false;
  }
  return true;
}

export function quoteBefore(ctx: Ctx, s: Sentence, cue: Cue): RawAttribution | null {
  const { tokens } = ctx;
  const para = tokens[cue.first]!.para;
  // Nearest closing quote mark to the left, within a short gap and no sentence punctuation
  // (the quotation itself may end the previous sentence: “Who are they?” Trump said).
  let k = cue.first - 1;
  while (k >= 0 && tokens[k]!.para === para && cue.first - k <= MAX_QUOTE_GAP) {
    const t = tokens[k]!;
    if (t.kind === "quote") break;
    if (SENTENCE_PUNCT.has(t.text) || t.lower === "that" || ctx.isCue[k]) return null;
    k--;
  }
  const t = tokens[k];
  if (!t || t.para !== para || t.kind !== "quote" || t.quote < 0) return null;
  const q = ctx.quotes[t.quote]!;
  if (q.close !== k) return null;
  // The quotation must open its sentence or follow a colon; a quoted phrase inside a clause
  // (a title, a scare quote) is not what is being attributed.
  const opens = (at: number) => {
    const before = tokens[at - 1];
    return !before || before.para !== tokens[at]!.para || tokens[at]!.sent !== before.sent || before.text === ":" || (before.text === "," && q.words >= 6);
  };
  let start = chainStart(ctx, t.quote);
  // A chain whose first part sits inside a clause was not a reopened paragraph quote after all.
  if (start !== q.open && !opens(start)) start = q.open;
  const opensSentence = opens(start);
  let from = start;
  if (!opensSentence) {
    // A quotation ending a clause of the speaker's own: "The plan is “reckless,” said X."
    const comma = tokens[k - 1]?.text === "," || (/^['’]$/.test(tokens[k - 1]?.text ?? "") && tokens[k - 2]?.text === ",");
    if (!comma || tokens[start]!.sent !== s.index || start - s.first > 40) return null;
    // “This Week,” / “Sunday Morning Futures,”: a title in a fronted adverbial, not speech.
    if (titleCase(ctx, q)) return null;
    for (let i = s.first; i < start; i++) if (ctx.isCue[i] || tokens[i]!.kind === "quote") return null;
    from = s.first;
  }
  // “…,” he said — the quotation ends with a comma (or ?, !, a dash), not with a full stop
  // that closes the writer's sentence.
  const last = tokens[k - 1];
  if (last && last.text === "." && tokens[k + 1]?.text !== ",") return null;
  let source: Range | null = null;
  let after = cue.last + 1;
  const between = trim(tokens, [k + 1, cue.first - 1]);
  if (between) {
    // Only a source may stand between the quotation and its cue, not a clause of its own
    // (“…” Reluctantly, Brafman said he … is not a quotation of Brafman).
    source = subjectBefore(tokens, cue.first, k + 1);
    if (!source || source[0] > between[0]) return null;
  } else {
    source = phraseAfter(tokens, cue.last + 1, s.last, false);
    if (source) after = source[1] + 1;
  }
  const end = extendQuote(ctx, k, after);
  return { kind: "direct-quote", content: [from, end], source, cue: [cue.first, cue.last], priority: 0 };
}

/** Skip an adverbial ("on Tuesday", "in a statement") or an addressee after a cue; returns the next index. */
export function skipAfterCue(ctx: Ctx, s: Sentence, cue: Cue): number {
  const { tokens } = ctx;
  const j = cue.last + 1;
  // "was asked what …", "asked about X": no addressee to skip.
  const addressee = ADDRESSEE_VERBS.has(cue.lemma) && !cue.passive && cue.last === cue.first;
  const limit = Math.min(s.last, j + (addressee ? 16 : 10));
  // "said on Tuesday that …", "told reporters at a rally that …": jump to a near "that".
  for (let i = j; i <= limit; i++) {
    const t = tokens[i]!;
    if (t.kind === "quote" || SENTENCE_PUNCT.has(t.text) || ctx.isCue[i]) break;
    if (t.lower === "that" && i > j) {
      const first = tokens[j]!;
      if (ADVERBIAL_START.has(first.lower) || addressee || first.text === ",") return i;
      break;
    }
  }
  if (addressee) {
    // Skip the addressee: a pronoun, a name, or a short noun phrase ("told parliament", "told the crowd").
    const t = tokens[j];
    if (t && t.kind === "word" && !/^(that|to|about|how|why|what|whether|if|of)$/.test(t.lower)) {
      if (/^(him|her|them|us|me|you|it)$/.test(t.lower)) return j + 1;
      let i = j;
      if (DETERMINERS.has(t.lower)) i++;
      if (tokens[i]?.cap) {
        while (i <= s.last && tokens[i]!.kind === "word" && tokens[i]!.cap && i - j < 6) i++;
      } else if (tokens[i]?.kind === "word") i++;
      return i;
    }
  }
  return j;
}

/**
 * Is quotation `q` a fragment of the writer's clause rather than speech of its own: it starts
 * in lower case, or the sentence goes on with words after it ("''is a perfect example of
 * adapting'' to the changing economics of golf")?
 */
export function quotedFragment(ctx: Ctx, q: number, end: number): boolean {
  const { tokens } = ctx;
  const quote = ctx.quotes[q]!;
  const first = tokens[quote.open + 1];
  if (first && first.kind === "word" && !first.cap) return true;
  for (let i = quote.close + 1; i <= end; i++) if (tokens[i]!.kind === "word" || tokens[i]!.kind === "num") return true;
  return false;
}

export function quoteAfter(ctx: Ctx, s: Sentence, cue: Cue, source: Range | null): RawAttribution | null {
  const { tokens } = ctx;
  let j = skipAfterCue(ctx, s, cue);
  // Only adverbials may separate the cue from the quotation; a stance verb takes it right away.
  const start = j;
  const speech = cue.classes.has("speech") || cue.classes.has("cognition");
  if (!speech && !(tokens[j]?.kind === "quote" || tokens[j]?.text === ":" || tokens[j]?.text === ",")) return null;
  let firstWord = true;
  while (j < tokens.length && j - start < 8 && tokens[j]!.kind !== "quote") {
    const t = tokens[j]!;
    if (SENTENCE_PUNCT.has(t.text) || ctx.isCue[j]) return null;
    if (firstWord && t.kind === "word" && !ADVERBIAL_START.has(t.lower) && !["to", "in", "at", "with", "during", "after", "before", "for", "about", "of"].includes(t.lower)) return null;
    if (t.kind === "word") firstWord = false;
    j++;
  }
  const t = tokens[j];
  if (!t || t.kind !== "quote" || t.quote < 0 || ctx.quotes[t.quote]!.open !== j) return null;
  // A colon may introduce a quotation in the next paragraph ("Cruz continued:\n\n“…”").
  if (t.para !== tokens[cue.last]!.para && tokens[j - 1]?.text !== ":") return null;
  const q = ctx.quotes[t.quote]!;
  if (q.words < 3 && q.closed) return null;
  // "A, she said, ''is a perfect example'' of B": the parenthetical takes the whole sentence.
  const comma = source ? tokens[source[0] - 1] : null;
  if (comma?.text === "," && source![0] - 1 > s.first + 1 && quotedFragment(ctx, t.quote, s.last)) return null;
  const end = extendQuote(ctx, chainEnd(ctx, t.quote), chainEnd(ctx, t.quote) + 1);
  return { kind: "direct-quote", content: [j, end], source, cue: [cue.first, cue.last], priority: 1 };
}


/**
 * A colon introducing a quotation with no reporting verb ("Republican pollster Daron Shaw:
 * “…”", "the following statement:\n\n“…”"). The source is the name right before the colon, or
 * the subject of the sentence's first cue.
 */
export function colonQuote(ctx: Ctx, s: Sentence): RawAttribution | null {
  const { tokens } = ctx;
  for (let i = s.first + 1; i <= s.last; i++) {
    const t = tokens[i]!;
    if (t.text !== ":" || t.quote >= 0) continue;
    const next = tokens[i + 1];
    if (!next || !opensQuote(ctx, i + 1, next.para) || next.para > t.para + 1) continue;
    const q = ctx.quotes[next.quote]!;
    if (q.words < 4) continue;
    let source = subjectBefore(tokens, i, s.first);
    if (source && !tokens.slice(source[0], source[1] + 1).some((x) => x.cap && x.kind === "word")) source = null;
    if (!source) {
      const cue = ctx.cues[s.index]![0];
      if (cue && cue.first < i) source = subjectBefore(tokens, cue.first, s.first);
    }
    const close = chainEnd(ctx, next.quote);
    const end = extendQuote(ctx, close, close + 1);
    return { kind: "direct-quote", content: [i + 1, end], source, cue: [i, i], priority: 1.5 };
  }
  return null;
}

/**
 * Headline attribution: "Mukasey at RNC: Clinton email scandal disqualifies her" — a short
 * name-led phrase, a colon, then the claim.
 */
const PAGE_LABELS = new Set("latest note update updates correction corrections disclosure related clarification editor’s editor's photo photos video videos caption credit".split(" "));
const PAGE_VERBS = new Set("follow watch read click see subscribe sign listen download share".split(" "));

export function headlineColon(ctx: Ctx, s: Sentence): RawAttribution | null {
  const { tokens } = ctx;
  for (let i = s.first + 1; i <= Math.min(s.last, s.first + 8); i++) {
    const t = tokens[i]!;
    if (t.text !== ":" || t.quote >= 0) continue;
    // A name, not just the capital of the first word ("Still to come:", "Caution is warranted:").
    let named = false;
    for (let k = s.first + 1; k < i; k++) if (tokens[k]!.cap && tokens[k]!.kind === "word") named = true;
    // A one-word name ("Graham:"), not an interview's "Q:" or "A:".
    if (i === s.first + 1 && tokens[s.first]!.cap && tokens[s.first]!.text.length > 1) named = true;
    if (!named) return null;
    // Labels of the page itself ("Editor’s note:", "Update:", "Follow X on Twitter:") are not speakers.
    if (PAGE_LABELS.has(tokens[i - 1]!.lower) || PAGE_VERBS.has(tokens[s.first]!.lower)) return null;
    const content = trim(tokens, [i + 1, s.last]);
    if (!content || content[1] - content[0] < 3 || tokens[content[0]]!.kind === "quote") return null;
    // Only a headline: a paragraph of its own without a final full stop, or title case.
    const para = tokens[s.first]!.para;
    const alone = (s.first === 0 || tokens[s.first - 1]!.para !== para) && (!tokens[s.last + 1] || tokens[s.last + 1]!.para !== para);
    if (!alone) return null;
    return { kind: "other", content, source: [s.first, i - 1], cue: [i, i], priority: 2 };
  }
  return null;
}
