/**
 * ClaimReview JSON-LD → the claims it reviews (see incoming.ts). Accepts a single object, an
 * array, an `@graph`, a schema.org `DataFeed` (its `dataFeedElement`s, bare or wrapped in
 * `DataFeedItem`s), or the ld+json blocks of an HTML page; and the markup real sites publish:
 * `author` as a string, an object or an array, a `reviewRating` without numbers or with numbers
 * as strings, the legacy `CreativeWork` itemReviewed, missing dates, HTML in text. Pure.
 */
import type { SpeakerKind } from "@/lib/model";
import { type IncomingClaim, type IncomingSource, isoDay, isoInstant, type ParsedItem } from "./incoming";
import { deref, FileRefusal, first, hadHtml, indexIds, isObject, type JsonObject, numberOf, plainText, readJsonLd, typesOf } from "./json-ld";
import { mapVerdict, type ScaleEntry } from "./verdicts";

export interface ClaimReviewReadOptions {
  scale: readonly ScaleEntry[];
  /** A person's mapping of verdict labels the scale does not have: label → rating key. */
  ratingMap?: Readonly<Record<string, string>>;
}

export const CLAIMREVIEW_SCHEME = "claimreview";

const REVIEW_TYPES = new Set(["ClaimReview", "MediaReview", "Review"]);

interface Located {
  ref: string;
  node: JsonObject;
  ids: Map<string, JsonObject>;
}

/** Every review node of the file, in document order, each with the ref the report names it by. */
function reviewNodes(text: string): Located[] {
  const found: Located[] = [];
  for (const doc of readJsonLd(text)) {
    const ids = indexIds(doc.value);
    let n = 0;
    const visit = (value: unknown) => {
      if (Array.isArray(value)) {
        for (const v of value) visit(v);
        return;
      }
      if (!isObject(value)) return;
      const types = typesOf(value);
      if (types.some((t) => REVIEW_TYPES.has(t))) {
        n++;
        found.push({ ref: `${doc.where ? `${doc.where}, ` : ""}item ${n}`, node: value, ids });
        return;
      }
      if (Array.isArray(value["@graph"])) visit(value["@graph"]);
      else if (types.includes("DataFeed")) visit(value.dataFeedElement);
      else if (types.includes("DataFeedItem")) visit(value.item);
      else if (types.includes("ItemList")) visit((Array.isArray(value.itemListElement) ? value.itemListElement : [value.itemListElement]).map((e) => (isObject(e) && e.item ? e.item : e)));
    };
    visit(doc.value);
  }
  if (found.length === 0) throw new FileRefusal("the file has no ClaimReview (no object whose @type is ClaimReview)");
  return found;
}

/** The first named agent of an `author`/`creator` given as a string, an object or an array. */
function agent(value: unknown, ids: Map<string, JsonObject>): { name: string; kind: SpeakerKind; description: string | null } | null {
  for (const v of Array.isArray(value) ? value : [value]) {
    const a = deref(v, ids);
    if (typeof a === "string" && a.trim()) return { name: a.trim(), kind: "person", description: null };
    if (!isObject(a)) continue;
    const name = plainText(a.name) ?? plainText(a.alternateName);
    if (!name) continue;
    const types = typesOf(a);
    const kind: SpeakerKind = types.includes("GovernmentOrganization") ? "government" : types.some((t) => /Organization$|Corporation|NGO|PoliticalParty/.test(t)) ? "organisation" : "person";
    return { name, kind, description: plainText(a.jobTitle) ?? plainText(a.description) };
  }
  return null;
}

function appearanceOf(value: unknown, ids: Map<string, JsonObject>): IncomingSource | null {
  const a = deref(first(value), ids);
  if (typeof a === "string" && /^https?:\/\//i.test(a.trim())) return { url: a.trim(), title: a.trim(), publisher: null, author: null, publishedOn: null };
  if (!isObject(a)) return null;
  const url = typeof first(a.url) === "string" ? String(first(a.url)).trim() : null;
  const title = plainText(a.headline) ?? plainText(a.name) ?? url;
  if (!title) return null;
  const publisher = deref(first(a.publisher), ids);
  const author = agent(a.author, ids);
  return {
    url: url && /^https?:\/\//i.test(url) ? url : null,
    title,
    publisher: typeof publisher === "string" ? publisher.trim() || null : isObject(publisher) ? plainText(publisher.name) : null,
    author: author?.name ?? null,
    publishedOn: isoDay(first(a.datePublished)),
  };
}

/** Reads a ClaimReview file. Throws FileRefusal when the file as a whole cannot be read. */
export function readClaimReviews(text: string, options: ClaimReviewReadOptions): ParsedItem[] {
  const nodes = reviewNodes(text);
  const urls = new Map<string, number>();
  for (const { node } of nodes) {
    const url = first(node.url);
    if (typeof url === "string") urls.set(url, (urls.get(url) ?? 0) + 1);
  }
  return nodes.map((located) => readOne(located, urls, options));
}

function readOne({ ref, node, ids }: Located, urls: Map<string, number>, options: ClaimReviewReadOptions): ParsedItem {
  const types = typesOf(node);
  if (!types.includes("ClaimReview")) return { ref, reason: `a ${types.join("/")}, not a ClaimReview: only ClaimReviews are imported` };
  const notes: string[] = [];
  const item = deref(first(node.itemReviewed), ids);
  if (!isObject(item)) return { ref, reason: "no itemReviewed: a ClaimReview must say whose claim it reviews" };
  const itemTypes = typesOf(item);
  if (itemTypes.includes("CreativeWork")) notes.push("legacy CreativeWork itemReviewed read as a Claim");
  const claimReviewed = plainText(node.claimReviewed);
  const fullText = plainText(item.text) ?? plainText(item.description);
  const text = fullText ?? claimReviewed ?? plainText(item.name);
  if (!text) return { ref, reason: "no claimReviewed: the claim's text is missing" };
  if (hadHtml(node.claimReviewed) || hadHtml(item.text)) notes.push("HTML removed from the claim's text");
  const speaker = agent(item.author, ids) ?? agent(item.creator, ids);
  if (!speaker) return { ref, reason: "itemReviewed.author has no name: a claim needs a speaker" };

  const rating = deref(first(node.reviewRating), ids);
  let verdict = null;
  if (isObject(rating)) {
    verdict = mapVerdict(
      options.scale,
      {
        alternateName: plainText(rating.alternateName) ?? plainText(rating.name),
        ratingValue: numberOf(rating.ratingValue),
        bestRating: numberOf(rating.bestRating),
        worstRating: numberOf(rating.worstRating),
      },
      options.ratingMap,
    );
  }
  if (!verdict) notes.push("no rating: kept as a draft for a person to rate");
  else if ("unmapped" in verdict) notes.push(`verdict “${verdict.unmapped}” is not on our scale: kept as a draft until it is mapped`);

  const sourceSpec = item.firstAppearance ?? item.appearance;
  const source = sourceSpec === undefined ? null : appearanceOf(sourceSpec, ids);
  const statedOn = isoDay(first(item.datePublished)) ?? source?.publishedOn ?? null;
  if (!statedOn) notes.push("no date for the claim");
  const publishedAt = isoInstant(first(node.datePublished));
  if (!publishedAt) notes.push(first(node.datePublished) === undefined ? "no review date: the date of the import is used" : `review date “${String(first(node.datePublished))}” is not a date: the date of the import is used`);

  const url = typeof first(node.url) === "string" ? String(first(node.url)).trim() : null;
  const id = typeof node["@id"] === "string" && !node["@id"].startsWith("_:") ? node["@id"] : null;
  const key = id ?? (url ? ((urls.get(url) ?? 0) > 1 ? `${url} ${claimReviewed ?? text}` : url) : null);
  if (!key) notes.push("no url or @id: importing this file again will import this review again");
  const reviewer = agent(node.author, ids)?.name ?? (isObject(first(node.author)) ? (first((first(node.author) as JsonObject).url) as string | undefined) ?? null : null);
  const body = plainText(node.reviewBody) ?? plainText(node.description);
  const provenance = `Imported from ${reviewer ? `${reviewer}'s ` : "a "}ClaimReview${url ? ` at ${url}` : ""}${publishedAt ? ` (${publishedAt.slice(0, 10)})` : ""}${verdict && "unmapped" in verdict ? `; its verdict was “${verdict.unmapped}”` : ""}.`;

  const claim: IncomingClaim = {
    ref,
    key: key ? { scheme: CLAIMREVIEW_SCHEME, key } : null,
    text,
    quote: null,
    speaker,
    statedOn,
    status: verdict && "key" in verdict ? "published" : "draft",
    verdict,
    rationale: body ? `${body}\n\n${provenance}` : provenance,
    publishedAt,
    story: null,
    source,
    notes,
  };
  return claim;
}
