/**
 * What every importer turns one item of its file into, before anything is written: a claim with
 * its speaker, verdict, story and source, or a refusal naming the item and the reason. The
 * import framework (server/importers/) writes these the same way whatever the format. Pure.
 */
import type { SpeakerKind } from "@/lib/model";

/** "line 12" (CSV, TSV) or "item 3" (JSON-LD), as the report shows it. */
export type ItemRef = string;

export interface IncomingSource {
  url: string | null;
  title: string;
  publisher: string | null;
  author: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string | null;
}

/** The verdict as the file gave it: mapped onto a rating of our scale, or listed for a person to map. */
export type IncomingVerdict = { key: string; via: string } | { unmapped: string };

export interface IncomingClaim {
  ref: ItemRef;
  /** The item's identity where it came from; importing it again updates the claim it made. */
  key: { scheme: string; key: string } | null;
  /** Update this claim of ours (a CSV exported from this site names its claims). */
  claimId?: number;
  text: string;
  quote: string | null;
  speaker: { name: string; kind: SpeakerKind; description: string | null };
  /** YYYY-MM-DD. */
  statedOn: string | null;
  /** A claim whose verdict could not be mapped stays a draft, never published unrated. */
  status: "draft" | "published";
  verdict: IncomingVerdict | null;
  rationale: string | null;
  /** When the verdict was published (ISO timestamp); now when the file does not say. */
  publishedAt: string | null;
  story: string | null;
  source: IncomingSource | null;
  /** A span of an existing source (Web Annotation import), already located in its current text. */
  anchor?: { sourceId: number; revision: number; start: number; end: number; exact: string; prefix: string; suffix: string };
  /** Things the item had that were cleaned up or left out, for the report. */
  notes: string[];
}

export interface Refusal {
  ref: ItemRef;
  reason: string;
}

export type ParsedItem = IncomingClaim | Refusal;

export const isRefusal = (item: ParsedItem): item is Refusal => "reason" in item;

/** A date the database accepts (YYYY-MM-DD, a real day), from the ISO forms files use; else null. */
export function isoDay(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(value);
  if (!m) return null;
  const d = new Date(`${m[1]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m[1] ? m[1]! : null;
}

/** An ISO timestamp from a date or date-time; else null. */
export function isoInstant(value: unknown): string | null {
  if (typeof value !== "string" || !/^\s*\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const day = isoDay(value);
  if (!day) return null;
  const d = new Date(value.trim().length === 10 ? `${day}T00:00:00Z` : value.trim());
  return Number.isNaN(d.getTime()) ? `${day}T00:00:00.000Z` : d.toISOString();
}
