import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sources } from "@/db/schema";
import { createAnchor, reanchor } from "@/lib/anchoring";
import { CodePointIndex } from "@/lib/codepoints";
import type { IncomingClaim, ParsedItem } from "@/lib/interchange/incoming";
import { FileRefusal, first, isObject, type JsonObject, parseJson, plainText, typesOf } from "@/lib/interchange/json-ld";
import { mapVerdict, type ScaleEntry } from "@/lib/interchange/verdicts";
import type { SpeakerKind } from "@/lib/model";

/**
 * W3C Web Annotation → claims anchored in our sources: a single annotation, an
 * AnnotationCollection with its pages embedded, an AnnotationPage, or a JSON array of
 * annotations. An annotation's target must be one of our sources (by its URL or its page here);
 * its TextQuoteSelector / TextPositionSelector are located in the source's current text by the
 * same re-anchoring code that follows claims through revisions. The claim's text is the
 * identifying (or first) textual body, its speaker the tagging body's name, else the source's
 * author; an assessing body is its verdict, mapped as ClaimReview verdicts are.
 */

export const ANNOTATION_SCHEME = "annotation";

interface Options {
  scale: readonly ScaleEntry[];
  ratingMap?: Readonly<Record<string, string>>;
  siteUrl: string | null;
}

/** The annotations of the file in order, each with the ref the report names it by. */
function annotations(value: unknown): { ref: string; node: unknown }[] {
  const out: { ref: string; node: unknown }[] = [];
  const add = (node: unknown) => out.push({ ref: `item ${out.length + 1}`, node });
  const page = (p: unknown) => {
    for (let cur = p, hops = 0; isObject(cur) && hops < 10_000; cur = cur.next, hops++) {
      const items = cur.items ?? cur.first;
      for (const a of Array.isArray(items) ? items : []) add(a);
    }
  };
  const onePage = (p: JsonObject) => {
    const items = p.items ?? p.first;
    for (const a of Array.isArray(items) ? items : []) add(a);
  };
  // An array of annotations, or of pages (every page of a collection, downloaded).
  if (Array.isArray(value)) {
    for (const v of value) {
      if (isObject(v) && typesOf(v).includes("AnnotationPage")) onePage(v);
      else add(v);
    }
  }
  else if (typesOf(value).includes("AnnotationCollection")) {
    const c = value as JsonObject;
    if (typeof c.first === "string") throw new FileRefusal("the collection's pages are not in the file (its “first” is only a link): download the pages and import them");
    page(c.first);
    if (typeof c.total === "number" && c.total > out.length) {
      throw new FileRefusal(`the collection has ${c.total} annotations but the file holds ${out.length}: its other pages are only linked; download every page and import them as one JSON array`);
    }
  } else if (typesOf(value).includes("AnnotationPage")) onePage(value as JsonObject);
  else add(value);
  return out;
}

export async function readWebAnnotations(db: Db, text: string, options: Options): Promise<ParsedItem[]> {
  const list = annotations(parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  if (list.length === 0) throw new FileRefusal("the file has no annotations");
  const targets = list.map(({ node }) => targetOf(node));
  const urls = [...new Set(targets.flatMap((t) => (t ? [t.source] : [])))];
  const own = options.siteUrl ? new RegExp(`^${options.siteUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/sources/(\\d+)$`) : null;
  type SourceRow = { id: number; url: string | null; text: string; revision: number; author: string | null; publisher: string | null; publishedOn: string | null };
  const columns = { id: sources.id, url: sources.url, text: sources.text, revision: sources.revision, author: sources.author, publisher: sources.publisher, publishedOn: sources.publishedOn };
  const byUrl = new Map<string, SourceRow>();
  for (const s of urls.length > 0 ? await db.select(columns).from(sources).where(inArray(sources.url, urls)) : []) if (s.url) byUrl.set(s.url, s);
  for (const url of urls) {
    const m = own?.exec(url);
    if (m && !byUrl.has(url)) {
      const [s] = await db.select(columns).from(sources).where(eq(sources.id, Number(m[1])));
      if (s) byUrl.set(url, s);
    }
  }
  const prepared = new Map<number, CodePointIndex>();
  return list.map(({ ref, node }, i): ParsedItem => {
    if (!typesOf(node).includes("Annotation")) return { ref, reason: "not an Annotation (its type is not “Annotation”)" };
    const target = targets[i];
    if (!target) return { ref, reason: "no target with a source: an annotation must say what it annotates" };
    const source = byUrl.get(target.source);
    if (!source) return { ref, reason: `its target ${target.source} is not a source here (import or add the source first)` };
    if (!target.quote && !target.position) return { ref, reason: "its target has no TextQuoteSelector or TextPositionSelector: nothing to anchor" };
    let index = prepared.get(source.id);
    if (!index) prepared.set(source.id, (index = new CodePointIndex(source.text)));
    const span = locate(index, source.text, target);
    if ("reason" in span) return { ref, reason: span.reason };
    const bodies = bodiesOf(node as JsonObject);
    const identifying = bodies.find((b) => b.purpose === "identifying" && b.value) ?? bodies.find((b) => b.type === "TextualBody" && b.purpose !== "assessing" && b.value);
    const tagging = bodies.find((b) => b.purpose === "tagging" && b.name);
    const speakerName = tagging?.name ?? source.author;
    if (!speakerName) return { ref, reason: "no speaker: neither a tagging body naming one nor an author of the source" };
    const assessing = bodies.find((b) => b.purpose === "assessing" && b.value);
    const verdict = assessing ? mapVerdict(options.scale, { alternateName: assessing.value }, options.ratingMap) : null;
    const notes = verdict && "unmapped" in verdict ? [`verdict “${verdict.unmapped}” is not on our scale: kept as a draft until it is mapped`] : [];
    const id = isObject(node) && typeof (node.id ?? node["@id"]) === "string" ? String(node.id ?? node["@id"]) : null;
    const claim: IncomingClaim = {
      ref,
      key: id && !id.startsWith("_:") ? { scheme: ANNOTATION_SCHEME, key: id } : null,
      text: identifying?.value ?? span.exact,
      quote: span.exact,
      speaker: { name: speakerName, kind: tagging?.kind ?? "person", description: null },
      statedOn: source.publishedOn,
      status: verdict && "key" in verdict ? "published" : "draft",
      verdict,
      rationale: null,
      publishedAt: null,
      story: null,
      source: null,
      anchor: { sourceId: source.id, revision: source.revision, ...span },
      notes,
    };
    return claim;
  });
}

interface Target {
  source: string;
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
}

function targetOf(node: unknown): Target | null {
  if (!isObject(node)) return null;
  for (const t of Array.isArray(node.target) ? node.target : [node.target]) {
    // A bare IRI targets a whole resource: no selector, which the caller reports.
    if (typeof t === "string") return { source: t, quote: null, position: null };
    if (!isObject(t)) continue;
    const src = isObject(t.source) ? (t.source.id ?? t.source["@id"]) : (t.source ?? t.id ?? t["@id"]);
    if (typeof src !== "string") continue;
    let quote: Target["quote"] = null;
    let position: Target["position"] = null;
    // Selectors, and the selectors they are refined by (a TextQuoteSelector inside a FragmentSelector).
    const queue: unknown[] = Array.isArray(t.selector) ? [...t.selector] : [t.selector];
    for (let i = 0; i < queue.length && i < 50; i++) {
      const s = queue[i];
      if (!isObject(s)) continue;
      if (s.refinedBy !== undefined) queue.push(s.refinedBy);
      const type = typesOf(s);
      if (type.includes("TextQuoteSelector") && typeof s.exact === "string" && s.exact !== "") {
        quote ??= { exact: s.exact, prefix: typeof s.prefix === "string" ? s.prefix : "", suffix: typeof s.suffix === "string" ? s.suffix : "" };
      } else if (type.includes("TextPositionSelector") && Number.isInteger(s.start) && Number.isInteger(s.end)) {
        position ??= { start: s.start as number, end: s.end as number };
      }
    }
    return { source: src, quote, position };
  }
  return null;
}

/** Where the selectors point in the source's current text, or why they point nowhere. */
function locate(index: CodePointIndex, text: string, target: Target): { start: number; end: number; exact: string; prefix: string; suffix: string } | { reason: string } {
  const { quote, position } = target;
  const valid = position && position.start >= 0 && position.end > position.start && position.end <= index.length;
  if (valid && (!quote || index.slice(position.start, position.end) === quote.exact)) return createAnchor(index, position.start, position.end);
  if (!quote) return { reason: `its TextPositionSelector ${position!.start}–${position!.end} is not a span of the source's text (${index.length} code points)` };
  const found = reanchor(text, { ...quote, start: position?.start ?? 0, end: position?.end ?? [...quote.exact].length });
  if (found.status === "orphan") return { reason: `its quote “${quote.exact.slice(0, 60)}” cannot be found in the source's text: ${found.reason}` };
  return found.anchor;
}

interface Body {
  type: string;
  purpose: string | null;
  value: string | null;
  name: string | null;
  kind: SpeakerKind | null;
}

function bodiesOf(node: JsonObject): Body[] {
  const out: Body[] = [];
  if (typeof node.bodyValue === "string") out.push({ type: "TextualBody", purpose: null, value: plainText(node.bodyValue), name: null, kind: null });
  for (const b of Array.isArray(node.body) ? node.body : [node.body]) {
    if (!isObject(b)) continue;
    const purpose = typeof first(b.purpose) === "string" ? String(first(b.purpose)) : null;
    const source = isObject(b.source) ? b.source : null;
    const kind: SpeakerKind | null = source ? (typesOf(source).includes("Organization") ? "organisation" : "person") : null;
    out.push({ type: typesOf(b)[0] ?? "", purpose, value: plainText(b.value), name: source ? plainText(source.name) : null, kind });
  }
  return out;
}
