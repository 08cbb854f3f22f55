/**
 * W3C Web Annotation (JSON-LD) for claims anchored in their source: the span of the source
 * text, found by a TextQuoteSelector and a TextPositionSelector (offsets in Unicode code points,
 * as the model requires), annotated with the normalised claim, its speaker and — once
 * published — its verdict. Pure: safe anywhere.
 *
 * Motivation: "identifying". Every anchored claim, rated or not, says the same thing about its
 * span: this passage is claim N, in these normalised words, by this speaker. "assessing" would
 * be false for the many claims that have no verdict, and an annotation whose id is stable should
 * not change its motivation the day a verdict is approved; the verdict is instead a body of its
 * own with purpose "assessing", present only when the claim is published with a verdict.
 */
import { permalinks, type SiteInfo, speakerType } from "./claimreview";
import type { ClaimDTO, SourceRef } from "./dto";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** The media type the Web Annotation Protocol gives annotations and their collections. */
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export interface TextualBody {
  type: "TextualBody";
  purpose: "identifying" | "assessing";
  value: string;
  format: "text/plain";
  language?: string;
}

export interface SpeakerBody {
  type: "SpecificResource";
  purpose: "tagging";
  source: { id: string; type: "Person" | "Organization"; name: string };
}

export interface WebAnnotation {
  "@context"?: typeof ANNO_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "identifying";
  created: string;
  modified: string;
  creator: { id: string; type: "Organization"; name: string };
  body: (TextualBody | SpeakerBody)[];
  target: {
    type: "SpecificResource";
    source: string;
    selector: [
      { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
      { type: "TextPositionSelector"; start: number; end: number },
    ];
  };
}

export interface AnnotationCollection {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: AnnotationPage;
  last?: string;
}

export interface AnnotationPage {
  id: string;
  type: "AnnotationPage";
  /** The first item's place in the collection (left out where pages follow by keyset). */
  startIndex?: number;
  items: WebAnnotation[];
}

/** True when the claim has a span in its source's current text (orphans have none). */
export function isAnchored(claim: ClaimDTO): claim is ClaimDTO & { source: SourceRef; anchor: NonNullable<ClaimDTO["anchor"]> } {
  return claim.source !== null && claim.anchor !== null && claim.anchor.state === "anchored";
}

/**
 * The Web Annotation of an anchored claim, or null for a claim without a span in its source's
 * current text. `language` is the source's BCP 47 language, when known. `embedded` leaves out
 * the @context, for annotations listed inside a collection that carries it.
 */
export function buildAnnotation(claim: ClaimDTO, site: SiteInfo, options: { language?: string | null; embedded?: boolean } = {}): WebAnnotation | null {
  if (!isAnchored(claim)) return null;
  const links = permalinks(site);
  const { anchor, source } = claim;
  const language = options.language ?? undefined;
  const body: WebAnnotation["body"] = [
    { type: "TextualBody", purpose: "identifying", value: claim.text, format: "text/plain", ...(language ? { language } : {}) },
    {
      type: "SpecificResource",
      purpose: "tagging",
      source: { id: links.speaker(claim.speaker.id), type: speakerType(claim.speaker.kind), name: claim.speaker.name },
    },
  ];
  if (claim.status === "published" && claim.verdict) {
    body.push({ type: "TextualBody", purpose: "assessing", value: claim.verdict.rating.label, format: "text/plain", language: "en" });
  }
  return {
    ...(options.embedded ? {} : { "@context": ANNO_CONTEXT }),
    id: links.annotation(claim.id),
    type: "Annotation",
    motivation: "identifying",
    created: claim.createdAt,
    modified: claim.updatedAt,
    creator: { id: site.orgUrl, type: "Organization", name: site.orgName },
    body,
    target: {
      type: "SpecificResource",
      source: source.url ?? links.source(source.id),
      selector: [
        { type: "TextQuoteSelector", exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
        { type: "TextPositionSelector", start: anchor.start, end: anchor.end },
      ],
    },
  };
}

/**
 * A source's anchored claims as an AnnotationCollection with its one page embedded (a source
 * holds at most a few hundred claims, so a single page is enough); an empty collection has no
 * page, as the model allows.
 */
export function buildAnnotationCollection(source: SourceRef & { language?: string | null }, claims: ClaimDTO[], site: SiteInfo): AnnotationCollection {
  const id = permalinks(site).sourceAnnotations(source.id);
  const items = claims.map((c) => buildAnnotation(c, site, { language: source.language, embedded: true })).filter((a): a is WebAnnotation => a !== null);
  const collection: AnnotationCollection = { "@context": ANNO_CONTEXT, id, type: "AnnotationCollection", label: `Claims in “${source.title}”`, total: items.length };
  if (items.length === 0) return collection;
  const page = `${id}?page=0`;
  return { ...collection, first: { id: page, type: "AnnotationPage", startIndex: 0, items }, last: page };
}

/** Annotations a collection page holds. */
export const ANNOTATION_PAGE_SIZE = 100;

export type StandalonePage = AnnotationPage & {
  "@context": typeof ANNO_CONTEXT;
  /** The collection, described or (on keyset pages) named. */
  partOf: Omit<AnnotationCollection, "@context" | "first"> | string;
  next?: string;
  prev?: string;
};

/**
 * A whole collection cut into pages of `size` (the Web Annotation Protocol's paging, AS2
 * `first`/`last`/`next`/`prev`): `collection` embeds the first page and names the last;
 * `page(n)` is page n on its own, with `partOf`, `next` and `prev`; `pages` is how many there are.
 */
export function pageAnnotationCollection(whole: AnnotationCollection, size = ANNOTATION_PAGE_SIZE) {
  const items = whole.first?.items ?? [];
  const pages = Math.max(1, Math.ceil(items.length / size));
  const pageId = (n: number) => `${whole.id}?page=${n}`;
  const pageAt = (n: number): AnnotationPage & { next?: string; prev?: string } => ({
    id: pageId(n),
    type: "AnnotationPage",
    startIndex: n * size,
    items: items.slice(n * size, n * size + size),
    ...(n + 1 < pages ? { next: pageId(n + 1) } : {}),
    ...(n > 0 ? { prev: pageId(n - 1) } : {}),
  });
  const { "@context": context, first: _first, ...summary } = whole;
  const collection: AnnotationCollection = items.length === 0 ? { ...summary, "@context": context } : { ...summary, "@context": context, first: pageAt(0), last: pageId(pages - 1) };
  const partOf = { ...summary, ...(items.length > 0 ? { last: pageId(pages - 1) } : {}) };
  return {
    collection,
    pages: items.length === 0 ? 0 : pages,
    page: (n: number): StandalonePage => ({ "@context": context, ...pageAt(n), partOf }),
  };
}
