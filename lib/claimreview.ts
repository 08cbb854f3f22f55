/**
 * schema.org ClaimReview for a published verdict, as Google's fact-check markup and the strict
 * third-party JSON Schemas read it, plus the site's permalinks every interchange format shares.
 * Pure: safe anywhere.
 */
import type { ClaimDTO, RatingDTO, SpeakerRef } from "./dto";

/** The site and the organisation publishing its fact checks (see server/site.ts). */
export interface SiteInfo {
  /** Absolute, no trailing slash: "https://claims.example.org". */
  url: string;
  orgName: string;
  orgUrl: string;
}

/** Absolute permalinks of the site's public pages and interchange resources. */
export function permalinks(site: SiteInfo) {
  return {
    claim: (id: number) => `${site.url}/claims/${id}`,
    speaker: (id: number) => `${site.url}/speakers/${id}`,
    source: (id: number) => `${site.url}/sources/${id}`,
    story: (id: number) => `${site.url}/stories/${id}`,
    embed: (id: number) => `${site.url}/embed/claims/${id}`,
    claimReview: (id: number) => `${site.url}/api/claims/${id}/claimreview`,
    annotation: (id: number) => `${site.url}/api/claims/${id}/annotation`,
    sourceAnnotations: (id: number) => `${site.url}/api/sources/${id}/annotations`,
    oembed: (url: string) => `${site.url}/api/oembed?format=json&url=${encodeURIComponent(url)}`,
  };
}

/** Google asks for a claimReviewed under 75 characters, so it does not wrap on a phone. */
export const CLAIM_REVIEWED_LIMIT = 75;

/**
 * The claim shortened to fewer than `limit` characters (code points), cut at the last word
 * boundary that fits, trailing punctuation dropped and an ellipsis added. Whitespace runs are
 * folded first. A text whose first word alone is too long (a bare URL) can only be cut inside
 * that word; nothing else ever is.
 */
export function shortenClaim(text: string, limit = CLAIM_REVIEWED_LIMIT): string {
  const folded = text.replace(/\s+/g, " ").trim();
  const chars = [...folded];
  if (chars.length < limit) return folded;
  const room = limit - 2; // kept text plus "…" stays under the limit
  const kept = chars.slice(0, room).join("");
  const space = kept.lastIndexOf(" ");
  // A clean cut when the next character is a space; else back to the last space that fits.
  const atWord = chars[room] === " " ? kept : space > 0 ? kept.slice(0, space) : kept;
  const cut = atWord.replace(/[\s,;:.\-–—(“‘"']+$/u, "") || atWord;
  return `${cut}…`;
}

export type SchemaAgent = { "@type": "Person" | "Organization"; name: string; url?: string; sameAs?: string[] };

export interface SchemaCreativeWork {
  "@type": "CreativeWork";
  url: string;
  headline: string;
  datePublished?: string;
  publisher?: { "@type": "Organization"; name: string };
}

export interface ClaimReviewJsonLd {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: SchemaAgent & { url: string };
  reviewRating: {
    "@type": "Rating";
    ratingValue?: string;
    bestRating?: string;
    worstRating?: string;
    alternateName: string;
  };
  itemReviewed: {
    "@type": "Claim";
    /** The claim in full: claimReviewed is shortened for search results. */
    text: string;
    author: SchemaAgent;
    datePublished?: string;
    appearance?: SchemaCreativeWork[];
    firstAppearance?: SchemaCreativeWork;
  };
}

/** Government bodies and organisations are schema.org Organizations; people are Persons. */
export function speakerType(kind: SpeakerRef["kind"]): "Person" | "Organization" {
  return kind === "person" ? "Person" : "Organization";
}

/** Numbers as schema.org Text ("5", "2.5"): the strict schema wants strings, Google reads both. */
function numberText(n: number): string {
  return String(n);
}

export interface ClaimReviewInput {
  claim: ClaimDTO;
  /** The default rating scale: best and worst ratings are its highest and lowest numeric values. */
  scale: RatingDTO[];
  /** When the verdict was approved (ISO timestamp). */
  verdictPublishedAt: string;
  site: SiteInfo;
}

/**
 * The ClaimReview of a published claim with a verdict, or null for any other claim (a draft, a
 * claim in review, an unrated claim: none of them may appear in markup).
 *
 * The speaker's Counterpoint page is given as `sameAs` (as in Google's own example) rather than
 * `url`: the strict schema's Claim author is `oneOf` Person | Organization, and an object with
 * both `name` and `url` matches both of its definitions, which `oneOf` refuses.
 */
export function buildClaimReview({ claim, scale, verdictPublishedAt, site }: ClaimReviewInput): ClaimReviewJsonLd | null {
  if (claim.status !== "published" || !claim.verdict) return null;
  const links = permalinks(site);
  const rating = claim.verdict.rating;
  const values = scale.map((r) => r.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const numeric = rating.value !== null && values.length > 0;
  const appearance: SchemaCreativeWork | null = claim.source
    ? {
        "@type": "CreativeWork",
        url: claim.source.url ?? links.source(claim.source.id),
        headline: claim.source.title,
        ...(claim.source.publishedOn ? { datePublished: claim.source.publishedOn } : {}),
        ...(claim.source.publisher ? { publisher: { "@type": "Organization" as const, name: claim.source.publisher } } : {}),
      }
    : null;
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: links.claim(claim.id),
    claimReviewed: shortenClaim(claim.text),
    datePublished: verdictPublishedAt.slice(0, 10),
    author: { "@type": "Organization", name: site.orgName, url: site.orgUrl },
    reviewRating: {
      "@type": "Rating",
      ...(numeric
        ? { ratingValue: numberText(rating.value!), bestRating: numberText(Math.max(...values)), worstRating: numberText(Math.min(...values)) }
        : {}),
      alternateName: rating.label,
    },
    itemReviewed: {
      "@type": "Claim",
      text: claim.text,
      author: { "@type": speakerType(claim.speaker.kind), name: claim.speaker.name, sameAs: [links.speaker(claim.speaker.id)] },
      ...(claim.statedOn ? { datePublished: claim.statedOn } : {}),
      ...(appearance ? { appearance: [appearance], firstAppearance: appearance } : {}),
    },
  };
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` are written as
 * Unicode escapes, so a quote containing `</script>` or `<!--` cannot end or alter the element,
 * and U+2028/U+2029 are escaped for old JavaScript parsers. The result is still the same JSON.
 */
export function serialiseJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
