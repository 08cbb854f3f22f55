import "server-only";
import { parse } from "parse5";
import type { Db } from "@/db/client";
import type { SourceDTO } from "@/lib/dto";
import { importDocument } from "@/lib/import";
import { isObject, typesOf } from "@/lib/interchange/json-ld";
import type { SourceKind } from "@/lib/model";
import type { UserViewer } from "./authz";
import { safeFetch, type SafeFetchOptions } from "./safe-fetch";
import { createSource } from "./sources-write";

/**
 * A source from a web page: fetched under server/safe-fetch.ts's limits, its article text and
 * metadata (title, author, date, language) extracted as an uploaded HTML file's are, the
 * publisher from og:site_name or the page's JSON-LD, and the page's address kept as its URL.
 */
export async function createSourceFromUrl(db: Db, viewer: UserViewer, input: { url: string; kind?: SourceKind }, fetchOptions: SafeFetchOptions = {}): Promise<SourceDTO> {
  const page = await safeFetch(input.url, fetchOptions);
  const doc = importDocument({ contentType: page.contentType, content: page.body });
  const host = new URL(page.url).hostname;
  return createSource(db, viewer, {
    title: (doc.title ?? host).slice(0, 300),
    kind: input.kind ?? "article",
    publisher: page.contentType === "text/plain" ? null : (publisherOf(page.body)?.slice(0, 200) ?? null),
    author: doc.byline?.slice(0, 200) ?? null,
    url: page.url,
    publishedOn: doc.publishedOn,
    language: doc.language && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(doc.language) ? doc.language : "en",
    text: doc.text,
  });
}

/** og:site_name, else application-name, else the JSON-LD publisher's name. */
export function publisherOf(html: string): string | null {
  const meta = new Map<string, string>();
  const scripts: string[] = [];
  const stack: unknown[] = [parse(html)];
  while (stack.length > 0) {
    const node = stack.pop() as { nodeName?: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[] };
    const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
    if (node.nodeName === "meta") {
      const key = (attr("property") ?? attr("name"))?.toLowerCase();
      const content = attr("content")?.trim();
      if (key && content && !meta.has(key)) meta.set(key, content);
    } else if (node.nodeName === "script" && attr("type")?.toLowerCase() === "application/ld+json") {
      scripts.push(((node.childNodes ?? []) as { value?: string }[]).map((c) => c.value ?? "").join(""));
    }
    for (const child of node.childNodes ?? []) stack.push(child);
  }
  const named = meta.get("og:site_name") ?? meta.get("application-name");
  if (named) return named;
  for (const script of scripts) {
    try {
      const queue: unknown[] = [JSON.parse(script)];
      for (let i = 0; i < queue.length && i < 1000; i++) {
        const v = queue[i];
        if (Array.isArray(v)) queue.push(...v);
        else if (isObject(v)) {
          const publisher = Array.isArray(v.publisher) ? v.publisher[0] : v.publisher;
          if (isObject(publisher) && typeof publisher.name === "string" && publisher.name.trim()) return publisher.name.trim();
          if (typesOf(v).some((t) => t === "NewsMediaOrganization") && typeof v.name === "string") return v.name;
          if (Array.isArray(v["@graph"])) queue.push(...v["@graph"]);
        }
      }
    } catch {
      // A broken ld+json block says nothing about the publisher.
    }
  }
  return null;
}
