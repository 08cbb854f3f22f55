/**
 * Where a content that follows its cue ends, without a parser: before a coordinated or
 * participial cue, "according to", a writer's own clause (", however …"), and for stance verbs
 * at the end of their noun-phrase object.
 */
import { skipModifiersLeft, subjectBefore } from "./np";
import type { Sentence } from "./segment";
import { lastContent, type Ctx } from "./context";

const AUXILIARIES = new Set("would will could can should has have had did does may might must then also later".split(" "));

/** Does a coordinated verb phrase start at `k` ("and offered …", "and would not …", "and visiting …")? */
export function startsVerbPhrase(ctx: Ctx, k: number, participles: boolean): boolean {
  const t = ctx.tokens[k];
  if (!t || t.kind !== "word" || t.cap) return false;
  if (AUXILIARIES.has(t.lower)) return true;
  if (/ed$/.test(t.lower) && t.lower.length > 4) return true;
  return participles && /ing$/.test(t.lower) && t.lower.length > 5;
}

/** Words that open a subordinate clause before the main one ("After Obama announced that …, U.S. forces …"). */
const FRONT_SUBORDINATORS = new Set("after before while when whenever as although though because since if once until unless despite by even whereas".split(" "));

/** Is `from` inside a subordinate or participial clause that opens the sentence (no comma yet)? */
function inFrontedClause(ctx: Ctx, s: Sentence, from: number): boolean {
  const { tokens } = ctx;
  let k = s.first;
  while (k < from && tokens[k]!.kind !== "word") k++;
  const t = tokens[k];
  if (!t || k >= from) return false;
  if (!FRONT_SUBORDINATORS.has(t.lower) && !(t.cap && /^(having|being)$|ing$/.test(t.lower) && t.lower.length > 5)) return false;
  for (let i = k; i < from; i++) if (tokens[i]!.text === "," && tokens[i]!.quote < 0) return false;
  return true;
}

/** Where a forward content must stop: before a coordinated or participial cue, or "according to". */
export function contentEnd(ctx: Ctx, s: Sentence, from: number, stopAtComma: boolean): number {
  const { tokens } = ctx;
  let end = lastContent(tokens, s);
  const fronted = inFrontedClause(ctx, s, from);
  for (let i = from; i <= end; i++) {
    const t = tokens[i]!;
    if (t.quote >= 0) continue;
    if (t.text === ";" || ((stopAtComma || fronted) && t.text === ",")) {
      end = i - 1;
      break;
    }
    // ", however …" starts a clause of the writer's own.
    if (t.text === "," && /^(however|although|though|whereas|compared)$/.test(tokens[i + 1]?.lower ?? "")) {
      end = i - 1;
      break;
    }
    if (!ctx.isCue[i] || i === from) continue;
    const next = ctx.cues[s.index]!.find((c) => c.first === i);
    if (!next) continue;
    let k = skipModifiersLeft(tokens, i - 1, from);
    // A quotation may close right before the comma's cue: “… maniacal,” adding …
    if (tokens[k]?.kind === "quote" && tokens[k]!.qdir !== "open" && tokens[k - 1]?.text === "," && k - 1 >= from) k--;
    const before = tokens[k];
    if (!before || k < from) continue;
    if (next.according && (before.text === "," || before.text === "—")) {
      end = k - 1;
      break;
    }
    // ", saying …", "and added that …", "but insisted …": same subject, new attribution.
    if (before.text === "," || before.lower === "and" || before.lower === "but" || before.lower === "while") {
      // "said A and added B" starts another attribution; "said she was tired and wanted B" goes on
      // inside the reported clause.
      if (next.participial || (before.kind === "word" && (next.classes.has("speech") || next.classes.has("evidence")))) {
        end = k - 1;
        if (tokens[end]?.text === ",") end--;
        break;
      }
    }
    // ", and three-quarters said …": a new subject after a conjunction starts a new attribution.
    const subj = subjectBefore(tokens, i, from);
    if (subj && subj[0] - 1 > from) {
      const b = tokens[subj[0] - 1]!;
      const comma = tokens[subj[0] - 2];
      const pronoun = subj[0] === subj[1] && /^(he|she|it|they|we|i|you)$/.test(tokens[subj[0]]!.lower);
      if (((b.lower === "and" || b.lower === "but") && (comma?.text === "," || !pronoun)) || b.text === ";" || (b.text === "," && subj[0] - 2 > from)) {
        end = subj[0] - 2;
        if (tokens[end]?.text === ",") end--;
        break;
      }
    }
  }
  // A quotation opened inside the content runs to its end.
  const t = tokens[end];
  if (t && t.quote >= 0) {
    const q = ctx.quotes[t.quote]!;
    if (q.open >= from && q.close > end && tokens[q.close]!.para === t.para) end = q.close;
  }
  return end;
}


/** Words that end a noun-phrase object ("endorsed Cruz last week", "who support Sanders are"). */
const OBJECT_STOP = new Set(
  "during last yesterday today tonight earlier later after before because when while as since amid despite although though is are was were has have had will would said says told".split(" "),
);
export const CLAUSE_START = new Set(["that", "whether", "if", "how", "why", "what", "who", "when", "where", "which"]);
export const NP_PARTICLES = new Set(["for", "to", "about", "of", "against", "with", "on"]);

/** Verbs that describe their object "as" something: "referred to Rubio as “a bright leader”". */
const AS_VERBS = new Set(["refer", "describe", "see", "view", "regard", "consider", "portray", "characterize", "characterise", "label", "brand", "dub", "cast", "paint", "praise", "criticize", "criticise", "denounce"]);

export function objectEnd(ctx: Ctx, from: number, end: number, lemma: string): number {
  let relative = false;
  for (let i = from + 1; i <= end; i++) {
    const t = ctx.tokens[i]!;
    if (t.quote >= 0) continue;
    // "the protesters who are advocating …": a relative clause runs on to the next comma.
    if (/^(who|that|which|whose)$/.test(t.lower) && ctx.tokens[i - 1]!.kind === "word") relative = true;
    if (relative && t.text !== "," && t.text !== "—" && t.text !== "(") continue;
    if (t.lower === "as" && AS_VERBS.has(lemma)) continue;
    if (t.text === "," || t.text === "—" || t.text === "(" || OBJECT_STOP.has(t.lower)) return i - 1;
    if ((t.lower === "and" || t.lower === "but") && startsVerbPhrase(ctx, i + 1, true)) return i - 1;
    // "on Tuesday", "in March": a time adverbial.
    if ((t.lower === "on" || t.lower === "in") && ctx.tokens[i + 1]?.cap && /day$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(ctx.tokens[i + 1]!.text)) return i - 1;
  }
  return end;
}

