/**
 * Three independent checks of ClaimReview markup:
 * - Google's fact-check documentation: required and recommended properties, and every property
 *   its example in ../shared/schemas/claimreview/google-search-central/ uses (less a few that
 *   Counterpoint has no data for);
 * - schema.org 30.0 (../shared/schemas/claimreview/schemaorg/): every property used is defined
 *   for the type it is used on (domainIncludes, up the class hierarchy) and every value fits its
 *   range;
 * - the strict third-party JSON Schema (zenodotus, draft-06) validated with ajv.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import draft6 from "ajv/dist/refs/json-schema-draft-06.json";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

// ---- Google ----------------------------------------------------------------------------------

/**
 * Google's ClaimReview documentation (developers.google.com/search/docs/appearance/structured-data/factcheck):
 * required claimReviewed, reviewRating (with alternateName), url; recommended author (name, url),
 * datePublished, itemReviewed (a Claim with author, datePublished, appearance/firstAppearance),
 * and for a numeric scale ratingValue with bestRating and worstRating.
 */
export function googleProblems(review: Json, siteUrl: string): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  need(review["@context"] === "https://schema.org", "@context is https://schema.org");
  need(review["@type"] === "ClaimReview", "@type is ClaimReview");
  const claimReviewed = review.claimReviewed;
  need(typeof claimReviewed === "string" && claimReviewed.trim().length > 0, "claimReviewed (required)");
  need(typeof claimReviewed === "string" && [...claimReviewed].length < 75, "claimReviewed under 75 characters");
  need(typeof review.url === "string", "url (required)");
  if (typeof review.url === "string") need(new URL(review.url).host === new URL(siteUrl).host, "url on the site's own domain");
  const rating = review.reviewRating;
  need(isObject(rating), "reviewRating (required)");
  if (isObject(rating)) {
    need(rating["@type"] === "Rating", "reviewRating @type Rating");
    need(typeof rating.alternateName === "string" && rating.alternateName.length > 0, "reviewRating.alternateName (required)");
    const numbers = ["ratingValue", "bestRating", "worstRating"].filter((k) => k in rating);
    need(numbers.length === 0 || numbers.length === 3, "ratingValue, bestRating and worstRating together");
    if (numbers.length === 3) {
      const [value, best, worst] = [rating.ratingValue, rating.bestRating, rating.worstRating].map(Number);
      need(Number.isFinite(value) && Number.isFinite(best) && Number.isFinite(worst), "numeric ratings");
      need(worst! <= value! && value! <= best!, "worstRating <= ratingValue <= bestRating");
    }
  }
  const author = review.author;
  need(isObject(author) && (author["@type"] === "Organization" || author["@type"] === "Person"), "author (recommended) is an Organization or Person");
  if (isObject(author)) need(typeof author.name === "string" && typeof author.url === "string", "author.name and author.url");
  need(typeof review.datePublished === "string", "datePublished (recommended)");
  const item = review.itemReviewed;
  need(isObject(item) && item["@type"] === "Claim", "itemReviewed (recommended) is a Claim");
  if (isObject(item)) {
    const claimAuthor = item.author;
    need(isObject(claimAuthor) && typeof claimAuthor.name === "string", "itemReviewed.author.name");
    for (const key of ["appearance", "firstAppearance"] as const) {
      if (key in item) for (const work of asArray(item[key])) need(isObject(work) && typeof work.url === "string", `itemReviewed.${key}.url`);
    }
  }
  return problems;
}

/** Property paths of a JSON-LD value ("itemReviewed.author.name"), arrays flattened. */
export function propertyPaths(value: unknown, prefix = ""): Set<string> {
  const paths = new Set<string>();
  for (const item of asArray(value)) {
    if (!isObject(item)) continue;
    for (const [key, child] of Object.entries(item)) {
      if (key.startsWith("@")) continue;
      const p = prefix ? `${prefix}.${key}` : key;
      paths.add(p);
      for (const sub of propertyPaths(child, p)) paths.add(sub);
    }
  }
  return paths;
}

// ---- schema.org ------------------------------------------------------------------------------

interface SchemaOrg {
  superclasses: Map<string, string[]>;
  properties: Map<string, { domains: string[]; ranges: string[] }>;
}

const DATATYPES = new Set(["Text", "URL", "Date", "DateTime", "Number", "Boolean", "Time"]);

/** Reads the schema.org subset's classes and properties (ids without the "schema:" prefix). */
export function loadSchemaOrg(file: string): SchemaOrg {
  const graph = (JSON.parse(readFileSync(file, "utf8")) as { "@graph": Json[] })["@graph"];
  const ids = (v: unknown) => asArray(v).flatMap((x) => (isObject(x) && typeof x["@id"] === "string" ? [x["@id"].replace(/^schema:/, "")] : []));
  const superclasses = new Map<string, string[]>();
  const properties = new Map<string, { domains: string[]; ranges: string[] }>();
  for (const node of graph) {
    const id = String(node["@id"]).replace(/^schema:/, "");
    if (node["@type"] === "rdfs:Class") superclasses.set(id, ids(node["rdfs:subClassOf"]));
    if (node["@type"] === "rdf:Property") properties.set(id, { domains: ids(node["schema:domainIncludes"]), ranges: ids(node["schema:rangeIncludes"]) });
  }
  // The subset names Intangible (Rating's superclass) without defining it; in schema.org it is a Thing.
  if (!superclasses.has("Intangible")) superclasses.set("Intangible", ["Thing"]);
  return { superclasses, properties };
}

function lineage(schema: SchemaOrg, type: string): Set<string> {
  const seen = new Set<string>();
  const queue = [type];
  while (queue.length > 0) {
    const t = queue.shift()!;
    if (seen.has(t)) continue;
    seen.add(t);
    queue.push(...(schema.superclasses.get(t) ?? []));
  }
  return seen;
}

function fitsDatatype(ranges: string[], value: unknown): boolean {
  if (typeof value === "number") return ranges.includes("Number");
  if (typeof value !== "string") return false;
  return ranges.some((r) => {
    if (r === "Text") return true;
    if (r === "URL") return /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value);
    if (r === "Date") return /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (r === "DateTime") return !Number.isNaN(Date.parse(value)) && /T/.test(value);
    if (r === "Number") return /^-?\d+(\.\d+)?$/.test(value);
    return false;
  });
}

/** Every property used on a node must be defined for the node's type, and its values fit the range. */
export function schemaOrgProblems(schema: SchemaOrg, node: unknown, where = "$"): string[] {
  if (!isObject(node)) return [`${where}: not an object`];
  const type = node["@type"];
  if (typeof type !== "string") return [`${where}: no @type`];
  if (!schema.superclasses.has(type)) return [`${where}: type ${type} is not defined`];
  const types = lineage(schema, type);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@")) continue;
    const property = schema.properties.get(key);
    if (!property) {
      problems.push(`${where}.${key}: not a schema.org property`);
      continue;
    }
    if (!property.domains.some((d) => types.has(d))) problems.push(`${where}.${key}: not defined for ${type}`);
    for (const item of asArray(value)) {
      if (isObject(item)) {
        const itemTypes = typeof item["@type"] === "string" ? lineage(schema, item["@type"]) : new Set<string>();
        if (!property.ranges.some((r) => itemTypes.has(r))) problems.push(`${where}.${key}: a ${String(item["@type"])} is outside its range ${property.ranges.join("/")}`);
        problems.push(...schemaOrgProblems(schema, item, `${where}.${key}`));
      } else if (!property.ranges.some((r) => DATATYPES.has(r)) || !fitsDatatype(property.ranges, item)) {
        problems.push(`${where}.${key}: ${JSON.stringify(item)} does not fit ${property.ranges.join("/")}`);
      }
    }
  }
  return problems;
}

// ---- zenodotus (ajv) -------------------------------------------------------------------------

/**
 * The strict JSON Schema, compiled by ajv in strict mode. Its nested `"$id": "claimReview"` is
 * dropped (as the schema's README asks): it would rebase the `#/definitions/…` references inside.
 * Its `qt-uri-protocols` keyword is implemented (the URL's scheme must be listed), and formats
 * (`date`, `uri`) are checked by ajv-formats in full mode.
 */
export function compileZenodotus(file: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(file, "utf8")) as { definitions: { claimReview: Json } };
  delete schema.definitions.claimReview.$id;
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addMetaSchema(draft6);
  addFormats(ajv, { mode: "full" });
  ajv.addKeyword({
    keyword: "qt-uri-protocols",
    type: "string",
    schemaType: "array",
    validate: (protocols: string[], data: string) => URL.canParse(data) && protocols.includes(new URL(data).protocol.replace(/:$/, "")),
  });
  return ajv.compile(schema);
}
