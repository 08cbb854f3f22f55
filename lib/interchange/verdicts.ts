/**
 * A verdict from elsewhere mapped onto our rating scale — or not, when no rule says which of our
 * verdicts it is: an unmapped verdict is listed for a person to map, never guessed. Pure.
 *
 * In order: the person's own mapping for that label (given with the import), the label itself
 * (a rating's key or label, ignoring case, spaces, hyphens and punctuation), PolitiFact's two
 * labels that are not ours (the mapping the LIAR import has always used), and — only when the
 * review gives no label — its numeric rating, when the review's scale has exactly as many steps
 * as ours and the value lands on exactly one of our verdicts.
 */
import type { IncomingVerdict } from "./incoming";

export interface ScaleEntry {
  key: string;
  label: string;
  value: number | null;
}

export interface ReviewRating {
  alternateName?: string | null;
  ratingValue?: number | null;
  bestRating?: number | null;
  worstRating?: number | null;
}

/** "Pants on Fire!" → "pants on fire". */
export function normaliseLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[-_/]+/g, " ")
    .replace(/[^\p{L}\p{N} ]+/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Labels of other scales with a documented meaning on ours (PolitiFact's Truth-O-Meter). */
const SYNONYMS: Record<string, string> = {
  "pants on fire": "false",
  "pants fire": "false",
  "barely true": "mostly-false",
};

export function mapVerdict(scale: readonly ScaleEntry[], rating: ReviewRating, overrides: Readonly<Record<string, string>> = {}): IncomingVerdict | null {
  const keys = new Set(scale.map((r) => r.key));
  const label = rating.alternateName?.trim();
  if (label) {
    const norm = normaliseLabel(label);
    for (const [from, to] of Object.entries(overrides)) if (normaliseLabel(from) === norm && keys.has(to)) return { key: to, via: "your mapping" };
    const own = scale.find((r) => normaliseLabel(r.key) === norm || normaliseLabel(r.label) === norm);
    if (own) return { key: own.key, via: "label" };
    const synonym = SYNONYMS[norm];
    if (synonym && keys.has(synonym)) return { key: synonym, via: "label" };
    return { unmapped: label };
  }
  const value = rating.ratingValue;
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const worst = rating.worstRating ?? 1; // schema.org's defaults
  const best = rating.bestRating ?? 5;
  const ours = [...new Set(scale.map((r) => r.value).filter((v): v is number => v !== null))].sort((a, b) => a - b);
  const described = `${value} on a scale of ${worst} to ${best}`;
  if (ours.length < 2 || best === worst || !Number.isInteger(value) || !Number.isInteger(worst) || !Number.isInteger(best) || Math.abs(best - worst) + 1 !== ours.length) {
    return { unmapped: described };
  }
  const step = (value - worst) / (best - worst);
  if (step < 0 || step > 1) return { unmapped: described };
  const target = ours[Math.round(step * (ours.length - 1))]!;
  const matches = scale.filter((r) => r.value === target);
  return matches.length === 1 ? { key: matches[0]!.key, via: "numeric rating" } : { unmapped: described };
}
