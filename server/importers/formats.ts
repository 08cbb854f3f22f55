import "server-only";
import type { Db } from "@/db/client";
import type { SiteInfo } from "@/lib/claimreview";
import { readClaimReviews } from "@/lib/interchange/claimreview-read";
import { readClaimsCsv } from "@/lib/interchange/claims-csv";
import type { ParsedItem } from "@/lib/interchange/incoming";
import { readLiarTsv } from "@/lib/interchange/liar";
import type { ScaleEntry } from "@/lib/interchange/verdicts";
import type { ImportFormat } from "@/lib/model";
import { readWebAnnotations } from "./web-annotation";

export interface ReadOptions {
  scale: readonly ScaleEntry[];
  ratingMap?: Readonly<Record<string, string>>;
  site: SiteInfo | null;
}

/** Each format's reader: the file → one accepted or refused item per review, row or annotation. */
export async function readItems(db: Db, format: ImportFormat, content: string, options: ReadOptions): Promise<ParsedItem[]> {
  switch (format) {
    case "claimreview":
      return readClaimReviews(content, options);
    case "csv":
      return readClaimsCsv(content, { ...options, siteUrl: options.site?.url ?? null });
    case "liar":
      return readLiarTsv(content);
    case "web-annotation":
      return readWebAnnotations(db, content, { ...options, siteUrl: options.site?.url ?? null });
  }
}

/**
 * The format a request's media type names: `application/ld+json` (or `application/json`) is
 * ClaimReview or Web Annotation, told apart by the document's own context and types; `text/html`
 * is a page whose ld+json blocks hold ClaimReview; `text/csv` is our claims CSV;
 * `text/tab-separated-values` is LIAR. Null for anything else.
 */
export function formatFor(mediaType: string | null, content: string): ImportFormat | null {
  const type = (mediaType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "text/csv") return "csv";
  if (type === "text/tab-separated-values") return "liar";
  if (type === "text/html" || type === "application/xhtml+xml") return "claimreview";
  if (type === "application/ld+json" || type === "application/json" || /profile="?http:\/\/www\.w3\.org\/ns\/anno\.jsonld/.test(mediaType ?? "")) {
    return /"(?:@context|type)"\s*:\s*(?:\[[^\]]*)?"(?:http:\/\/www\.w3\.org\/ns\/anno\.jsonld|Annotation|AnnotationCollection|AnnotationPage)"/.test(content.slice(0, 4096)) ? "web-annotation" : "claimreview";
  }
  return null;
}
