/**
 * Named rules of the engine that can be switched off one at a time, only so that the eval can
 * measure what each adds (`npm run eval:attribution -- --ablate NAME`). Everything is on in the
 * product; nothing but the eval calls `disableRules`.
 */
export const RULES = ["headline-colon", "noun-cues", "stance-adjectives", "orphan-quotes", "quote-carry-on"] as const;
export type RuleName = (typeof RULES)[number];

const disabled = new Set<RuleName>();

export function disableRules(names: readonly RuleName[]): void {
  disabled.clear();
  for (const n of names) disabled.add(n);
}

export const ruleOn = (name: RuleName) => !disabled.has(name);
