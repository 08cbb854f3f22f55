/**
 * Helpers for the interchange tests: a fixed site, raw (non-JSON) handler calls, a strict XML
 * reader (saxes: a non-validating parser that enforces XML 1.0 well-formedness) and the demo
 * claims by kind.
 */
import { SaxesParser } from "saxes";
import type { SiteInfo } from "@/lib/claimreview";
import type { Db } from "@/db/client";
import { all } from "../support/db";

/** https throughout: the strict ClaimReview schema accepts only https URLs. */
export const SITE: SiteInfo = { url: "https://claims.example.org", orgName: "Example Fact Desk", orgUrl: "https://factdesk.example.org" };

/** Points the site settings at SITE for handlers and pages under test. */
export function useTestSite(): void {
  process.env.COUNTERPOINT_URL = SITE.url;
  process.env.COUNTERPOINT_ORG_NAME = SITE.orgName;
  process.env.COUNTERPOINT_ORG_URL = SITE.orgUrl;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** Calls a route handler and returns its body as text (feeds, HTML) with status and headers. */
export async function callRaw(handler: Handler, url: string, init: { params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const response = await handler(new Request(new URL(url, SITE.url), { headers: init.headers }), { params: Promise.resolve(init.params ?? {}) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

export interface XmlElement {
  /** Local name. */
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses `xml` strictly (namespace-aware); any well-formedness error throws. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attr] of Object.entries(tag.attributes)) attributes[name] = typeof attr === "string" ? attr : attr.value;
    const element: XmlElement = { name: tag.local ?? tag.name, uri: tag.uri ?? "", attributes, children: [], text: "" };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on("text", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${element.name}>, found ${found.length}`);
  return found[0]!;
}

export interface DemoClaimRow {
  id: number;
  status: string;
  rating_id: number | null;
  anchor_state: string | null;
  source_id: number | null;
  story_id: number | null;
  speaker_id: number;
}

export function claimRows(db: Db): Promise<DemoClaimRow[]> {
  return all<DemoClaimRow>(db, "SELECT id, status, rating_id, anchor_state, source_id, story_id, speaker_id FROM claims ORDER BY id");
}

/** Published claims with a verdict: the ones ClaimReview, feeds and embeds show. */
export async function publishedWithVerdict(db: Db): Promise<DemoClaimRow[]> {
  return (await claimRows(db)).filter((c) => c.status === "published" && c.rating_id !== null);
}
