/**
 * Reading JSON-LD as publishers write it: a JSON document (one object, an array, an `@graph`) or
 * the `<script type="application/ld+json">` blocks of an HTML page. References by `@id` inside a
 * document are resolved, so a review may point at its claim elsewhere in the graph. Pure.
 */
import { parse } from "parse5";
import { htmlToText } from "@/lib/import";

export type JsonObject = Record<string, unknown>;

/** A whole file that cannot be read: nothing in it is imported. */
export class FileRefusal extends Error {}

export interface JsonLdDocument {
  /** "script 2" for the second ld+json block of a page; "" for a JSON file. */
  where: string;
  value: unknown;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The line of a character offset, 1-based. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Where JSON text first goes wrong (V8 does not always say): a small scanner of the grammar.
 * Null when it finds nothing wrong or the nesting is too deep to follow.
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const str = () => {
    if (text[i] !== '"') fail();
    for (i++; i < text.length && text[i] !== '"'; i++) {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (depth: number): void => {
    if (depth > 500) throw null;
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === "{") {
          ws();
          str();
          ws();
          if (text[i] !== ":") fail();
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : null;
  } catch (at) {
    return typeof at === "number" ? Math.min(at, text.length) : null;
  }
}

/** JSON.parse, with a refusal naming the line when the text is not JSON. */
export function parseJson(text: string, where = ""): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1] ?? jsonErrorOffset(text);
    const line = /line (\d+)/.exec(message)?.[1] ?? (position !== null ? String(lineAt(text, Number(position))) : null);
    throw new FileRefusal(`${where ? `${where}, ` : ""}${line ? `line ${line}` : "the file"}: not valid JSON (${message.replace(/^.*?: /, "").slice(0, 160)})`);
  }
}

/** True when the text is an HTML page rather than a JSON document. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text);
}

/** The JSON-LD documents of a file: the file itself, or each ld+json script of an HTML page. */
export function readJsonLd(text: string): JsonLdDocument[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!looksLikeHtml(body)) return [{ where: "", value: parseJson(body) }];
  const scripts: string[] = [];
  const stack: unknown[] = [parse(body)];
  while (stack.length > 0) {
    const node = stack.pop() as { nodeName?: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[]; content?: { childNodes?: unknown[] } };
    if (node.nodeName === "script" && node.attrs?.some((a) => a.name === "type" && a.value.split(";")[0]!.trim().toLowerCase() === "application/ld+json")) {
      scripts.push(((node.childNodes ?? []) as { value?: string }[]).map((c) => c.value ?? "").join(""));
      continue;
    }
    const children = node.childNodes ?? node.content?.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  if (scripts.length === 0) throw new FileRefusal('the page has no <script type="application/ld+json"> block');
  return scripts.map((s, i) => ({ where: `script ${i + 1}`, value: parseJson(s.trim().replace(/^<!--|-->$/g, ""), `script ${i + 1}`) }));
}

/** The @type of a node as a list of bare names ("schema:ClaimReview" and full IRIs become "ClaimReview"). */
export function typesOf(node: unknown): string[] {
  if (!isObject(node)) return [];
  const t = node["@type"] ?? node.type;
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string").map((x) => x.replace(/^.*[/#:]/, ""));
}

/**
 * Every node with an `@id` and more than an `@id`, by id, so `{ "@id": "#claim" }` can be
 * replaced by the node it names.
 */
export function indexIds(value: unknown, into = new Map<string, JsonObject>()): Map<string, JsonObject> {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (isObject(v)) {
      const id = v["@id"];
      if (typeof id === "string" && Object.keys(v).some((k) => k !== "@id") && !into.has(id)) into.set(id, v);
      for (const x of Object.values(v)) if (typeof x === "object" && x !== null) stack.push(x);
    }
  }
  return into;
}

/** A property's value with an `@id`-only reference resolved (one level; cycles cannot loop). */
export function deref(value: unknown, ids: Map<string, JsonObject>): unknown {
  if (isObject(value) && typeof value["@id"] === "string" && Object.keys(value).length === 1) return ids.get(value["@id"]) ?? value;
  return value;
}

/** The first value of a property that may be a single value or an array. */
export function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** A text property as plain text: HTML tags dropped, entities decoded, whitespace folded; null when empty. */
export function plainText(value: unknown): string | null {
  let v = first(value);
  if (isObject(v) && typeof v["@value"] === "string") v = v["@value"];
  if (typeof v === "number") v = String(v);
  if (typeof v !== "string") return null;
  const text = /<[a-z!/]|&[#a-z0-9]+;/i.test(v) ? htmlToText(`<body><p>${v}</p></body>`).text : v;
  const folded = text.replace(/\s+/g, " ").trim();
  return folded === "" ? null : folded;
}

/** True when the text had markup that plainText removed. */
export function hadHtml(value: unknown): boolean {
  const v = first(value);
  return typeof v === "string" && /<[a-z!/][^>]*>/i.test(v);
}

/** A number from a number or a numeric string ("4", "4.5"); else null. */
export function numberOf(value: unknown): number | null {
  const v = first(value);
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}
