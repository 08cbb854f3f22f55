/**
 * Stance and mental-state cues that are not verbs: adjectives after a copula ("X was critical
 * of Y", "X is confident that …", "X is eager to …") and passive evidentials with no source
 * ("Y is widely seen as …", "Y is believed to …"). The word lists are general English classes
 * of attitude, emotion and cognition adjectives, not taken from any annotated text.
 */
import { contentEnd, objectEnd } from "./boundaries";
import { trim, type Ctx, type RawAttribution } from "./context";
import { subjectBefore } from "./np";
import type { Sentence } from "./segment";

// adjective:complements — "that" and "to" (an infinitive) are clause complements, the rest
// prepositions whose object is the content.
const ADJECTIVES = `critical:of supportive:of skeptical:of,about,that sceptical:of,about,that optimistic:about,that
pessimistic:about,that confident:that,about,in,of concerned:about,that,with,by,over worried:about,that,by,over
afraid:of,that fearful:of,that hopeful:that,about proud:of,that happy:with,that,about unhappy:with,about,that
angry:about,at,with,that,over upset:about,with,that,by,over frustrated:with,by,that,about disappointed:in,by,with,that
satisfied:with,that pleased:with,by,that aware:of,that unaware:of,that sure:that,of,about certain:that,of
convinced:that,of eager:to,for willing:to unwilling:to reluctant:to determined:to,that committed:to opposed:to
wary:of,about suspicious:of enthusiastic:about excited:about,by,that,to nervous:about,that anxious:about,that
alarmed:by,at,that outraged:by,at,over,that furious:at,about,over,with,that grateful:for,to,that thankful:for,that
surprised:by,at,that shocked:by,at,that doubtful:that,of,about dismissive:of contemptuous:of fond:of keen:to,on
adamant:that,about insistent:that uncertain:about,whether unsure:about,whether,of undecided:about,on,whether
comfortable:with uncomfortable:with impressed:by,with appalled:by,at disgusted:by,with troubled:by,that
embarrassed:by,about,that sympathetic:to,toward,towards hostile:to,toward,towards favorable:to,toward
interested:in uninterested:in cautious:about,of dissatisfied:with disillusioned:with fed:up hesitant:to,about
ready:to intent:on bent:on open:to resistant:to receptive:to amenable:to appreciative:of envious:of jealous:of
ashamed:of,that sorry:for,that glad:that,to sad:that,about,to disturbed:by,that encouraged:by,that heartened:by
relieved:that,by bullish:on,about bearish:on,about vocal:about,in outspoken:about,in clear:that,about`;

const ADJ = new Map<string, Set<string>>(
  ADJECTIVES.split(/\s+/)
    .filter(Boolean)
    .map((e) => {
      const [w, c] = e.split(":") as [string, string];
      return [w, new Set(c.split(","))];
    }),
);

const COPULAS = new Set(
  "is are was were be been being 's ’s 're ’re 'm ’m am remain remains remained seem seems seemed appear appears appeared become becomes became grow grew grown sound sounds sounded feel feels felt look looks looked stay stays stayed".split(" "),
);
const DEGREE = new Set("more most less least very so too not also still deeply increasingly highly openly publicly often sharply fairly quite rather particularly especially equally somewhat extremely never always now n't ever already".split(" "));

/** Walk left from `k` over degree words and -ly adverbs; returns the copula's index or -1. */
function copulaBefore(ctx: Ctx, k: number, first: number): number {
  const { tokens } = ctx;
  while (k >= first && tokens[k]!.kind === "word" && (DEGREE.has(tokens[k]!.lower) || /ly$/.test(tokens[k]!.lower))) k--;
  return k >= first && COPULAS.has(tokens[k]!.lower) ? k : -1;
}

/** "X was critical of Y", "X is confident that …": the adjective is the cue, the copula's subject the source. */
export function adjectiveCues(ctx: Ctx, s: Sentence): RawAttribution[] {
  const { tokens } = ctx;
  const out: RawAttribution[] = [];
  for (let i = s.first + 1; i < s.last; i++) {
    const t = tokens[i]!;
    if (t.quote >= 0 || t.kind !== "word") continue;
    const comps = ADJ.get(t.lower);
    if (!comps) continue;
    const next = tokens[i + 1]!;
    if (!comps.has(next.lower)) continue;
    const cop = copulaBefore(ctx, i - 1, s.first);
    if (cop < 0) continue;
    const source = subjectBefore(tokens, cop, s.first);
    const clause = next.lower === "that" || next.lower === "to" || next.lower === "whether";
    const from = clause ? i + 1 : i + 2;
    if (from > s.last) continue;
    let end = contentEnd(ctx, s, from, false);
    if (!clause) end = objectEnd(ctx, from, end, t.lower);
    const content = trim(tokens, [from, end]);
    if (!content) continue;
    out.push({ kind: "indirect", content, source, cue: [i, clause ? i : i + 1], priority: 3 });
  }
  return out;
}

/** Participles that make a sourceless evidential in the passive: "is widely seen as …", "is believed to …". */
const PASSIVE_EVIDENTIALS = new Set(
  "seen viewed regarded considered expected believed thought known said reported rumored rumoured projected predicted estimated perceived deemed understood presumed alleged assumed described".split(" "),
);

/** "Twitter is increasingly seen as a source of news": the whole clause is the content. */
export function passiveEvidentials(ctx: Ctx, s: Sentence): RawAttribution[] {
  const { tokens } = ctx;
  const out: RawAttribution[] = [];
  for (let i = s.first + 1; i < s.last; i++) {
    const t = tokens[i]!;
    if (t.quote >= 0 || !PASSIVE_EVIDENTIALS.has(t.lower)) continue;
    const next = tokens[i + 1]!.lower;
    if (next !== "to" && next !== "as") continue;
    const cop = copulaBefore(ctx, i - 1, s.first);
    if (cop < 0 || !/^(is|are|was|were|be|been|being)$/.test(tokens[cop]!.lower)) continue;
    const subject = subjectBefore(tokens, cop, s.first);
    if (!subject) continue;
    // "…, which is seen as X, responded …": a relative clause ends at its comma.
    const relative = /^(which|who|that)$/.test(tokens[subject[0]]!.lower);
    const content = trim(tokens, [subject[0], contentEnd(ctx, s, i + 2, relative)]);
    if (!content) continue;
    out.push({ kind: "other", content, source: null, cue: [i, i + 1], priority: 4 });
  }
  return out;
}

