/**
 * Noun cues: "Trump's claim that …", "his support for Cruz", "their refusal to …", "expressed
 * concern about …". The source is the possessor, or the subject of a light verb that governs
 * the noun ("voiced support for"); with a bare determiner only that-clauses count ("the belief
 * that …"). The nouns are general English classes of communication, cognition and attitude.
 */
import { contentEnd, objectEnd } from "./boundaries";
import { trim, type Ctx, type RawAttribution } from "./context";
import { subjectBefore, type Range } from "./np";
import type { Sentence } from "./segment";

const THAT_NOUNS = new Set(
  `claim claims assertion allegation allegations argument arguments belief beliefs view views warning warnings
promise promises pledge suggestion statement insistence contention fear fears hope hopes concern concerns charge
charges accusation accusations announcement prediction predictions remarks comments conclusion assessment estimate
finding findings admission denial complaint complaints assurance assurances message assumption expectation
expectations perception impression reports rumor rumors speculation indication indications theory worry worries
doubt doubts suspicion suspicions realization recognition acknowledgment acknowledgement confirmation declaration
vow threat reminder signal decision position stance opinion feeling conviction confidence consensus criticism
explanation notion idea sense argument case point`.split(/\s+/),
);

const TO_NOUNS = new Set(
  `plan plans decision refusal willingness unwillingness desire promise promises pledge vow threat commitment intention
determination eagerness reluctance call calls push demand demands offer request proposal readiness ambition
ambitions wish plea appeal`.split(/\s+/),
);

// noun:prepositions whose object is the content.
const PP = `support:for,of criticism:of criticisms:of critique:of opposition:to praise:for,of endorsement:of
endorsements:of attack:on attacks:on concern:about,over concerns:about,over fear:of,about fears:of,about,over
worries:about,over complaint:about complaints:about questions:about view:of,on views:on,about position:on
positions:on stance:on comments:about,on remarks:about,on call:for calls:for demand:for demands:for push:for
backing:of,for rejection:of condemnation:of denunciation:of defense:of defence:of embrace:of dismissal:of
skepticism:of,about scepticism:of,about doubts:about hostility:to,toward,towards admiration:for disdain:for
contempt:for distrust:of mistrust:of hatred:of dislike:of disapproval:of approval:of passion:for enthusiasm:for
warning:of,about warnings:of,about description:of characterization:of assessment:of account:of reaction:to
response:to answer:to reference:to references:to preference:for allegations:of accusations:of claims:of
charges:of insistence:on objection:to objections:to commitment:to sympathy:for opinion:of,on opinions:on
thoughts:on verdict:on frustration:with anger:at,over,about outrage:over,at disappointment:with,in,over
dissatisfaction:with discontent:with suspicion:of respect:for affection:for loyalty:to appreciation:for,of
gratitude:for interest:in faith:in confidence:in belief:in trust:in denial:of acknowledgment:of recognition:of
vote:for,against votes:for,against attacks:against criticism:for`;

const PP_NOUNS = new Map<string, Set<string>>(
  PP.split(/\s+/)
    .filter(Boolean)
    .map((e) => {
      const [w, c] = e.split(":") as [string, string];
      return [w, new Set(c.split(","))];
    }),
);

/** Verbs that take a noun cue as their object and lend it their subject ("voiced support for"). */
const LIGHT_VERBS = new Set(
  `express expressed expresses expressing voice voiced voices voicing offer offered offers offering give gave given gives
giving raise raised raises raising reiterate reiterated reiterates signal signaled signalled signals show showed shown
shows make made makes making has have had register registered state stated announce announced declare declared
repeat repeated renew renewed share shared shares issue issued issues air aired airs`.split(/\s+/),
);

const POSSESSIVE_PRONOUNS = /^(his|her|their|its|our|my|your)$/;
const ARTICLES = /^(the|a|an|this|that|these|those|such|some|any|no|new|strong|growing|deep|serious|repeated|public|sharp|full|fresh|early|continued|renewed|broad|vocal|open|own|firm|unwavering)$/;

/** The source of a noun cue at `i`: possessor, light-verb subject, or null; `false` when it is not a cue use. */
function nounSource(ctx: Ctx, s: Sentence, i: number, bare: boolean): Range | null | false {
  const { tokens } = ctx;
  let k = i - 1;
  // Up to three modifiers: "his early and vocal support", "the growing concern".
  for (let n = 0; n < 3 && k > s.first && tokens[k]!.kind === "word" && ARTICLES.test(tokens[k]!.lower); n++) k--;
  const prev = tokens[k];
  if (!prev || k < s.first) return false;
  if (POSSESSIVE_PRONOUNS.test(prev.lower)) {
    const before = tokens[k - 1];
    if (before && k - 1 >= s.first && LIGHT_VERBS.has(before.lower)) return subjectBefore(tokens, k - 1, s.first) ?? [k, k];
    return [k, k];
  }
  if (/['’]s?$/.test(prev.text) && prev.kind === "word" && prev.lower.length > 2) return subjectBefore(tokens, k + 1, s.first) ?? false;
  if (LIGHT_VERBS.has(prev.lower)) return subjectBefore(tokens, k, s.first);
  const article = tokens[i - 1]!;
  if (bare && /^(the|a|an)$/.test(article.lower)) return null;
  return false;
}

/** Noun cues of one sentence. */
export function nounCues(ctx: Ctx, s: Sentence): RawAttribution[] {
  const { tokens } = ctx;
  const out: RawAttribution[] = [];
  for (let i = s.first + 1; i < s.last; i++) {
    const t = tokens[i]!;
    if (t.quote >= 0 || t.kind !== "word" || t.cap) continue;
    const next = tokens[i + 1]!.lower;
    let from = -1;
    let object = false;
    if (next === "that" && THAT_NOUNS.has(t.lower)) from = i + 1;
    else if (next === "to" && TO_NOUNS.has(t.lower) && tokens[i + 2]?.kind === "word" && !tokens[i + 2]!.cap) from = i + 1;
    else if (PP_NOUNS.get(t.lower)?.has(next)) {
      from = i + 2;
      object = true;
    }
    if (from < 0 || from > s.last) continue;
    const source = nounSource(ctx, s, i, next === "that");
    if (source === false) continue;
    let end = contentEnd(ctx, s, from, false);
    if (object) end = objectEnd(ctx, from, end, t.lower);
    const content = trim(tokens, [from, end]);
    if (!content) continue;
    if (next === "that" && content[1] - content[0] < 3) continue;
    out.push({ kind: "indirect", content, source, cue: [i, object ? i + 1 : i], priority: 3 });
  }
  return out;
}
