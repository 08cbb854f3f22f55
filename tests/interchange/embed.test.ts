import { NextRequest } from "next/server";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as oembedRoute } from "@/app/api/oembed/route";
import { claimIdFromUrl } from "@/app/embed/claim-card-html";
import { GET as embedRoute } from "@/app/embed/claims/[id]/route";
import type { Db } from "@/db/client";
import { config as proxyConfig, proxy } from "@/proxy";
import { PEER_HEADER } from "@/server/forwarding";
import { normaliseSiteUrl, siteFromHeaders, siteUrlFromHeaders } from "@/server/site";
import { createSeededDb, get, insertId, installDb } from "@/tests/support/db";
import { call } from "@/tests/support/http";
import { callRaw, claimRows, publishedWithVerdict, SITE, useTestSite } from "./support";

type Element = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

let db: Db;

beforeAll(async () => {
  useTestSite();
  db = installDb(await createSeededDb());
});

function elements(node: Node, tag?: string): Element[] {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if ("tagName" in n && (!tag || n.tagName === tag)) found.push(n);
    if ("childNodes" in n) n.childNodes.forEach(walk);
    if ("content" in n && n.content) walk(n.content as Node);
  };
  walk(node);
  return found;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const textOf = (n: Node): string => ("value" in n && n.nodeName === "#text" ? n.value : "childNodes" in n ? n.childNodes.map(textOf).join("") : "");

/** Every way a document could run script: elements, event-handler attributes, javascript: URLs. */
function scriptsIn(html: string): string[] {
  const doc = parse(html);
  const found: string[] = elements(doc, "script").map(() => "<script>");
  for (const el of elements(doc)) {
    for (const a of el.attrs) {
      if (/^on/i.test(a.name)) found.push(`${el.tagName}[${a.name}]`);
      if (/^\s*javascript:/i.test(a.value)) found.push(`${el.tagName}[${a.name}=javascript:]`);
    }
  }
  return found;
}

async function insertPublished(text: string, quote: string, rating: string | null): Promise<number> {
  const ratingId = rating ? ((await get(db, "SELECT id FROM ratings WHERE key = ?", rating)) as { id: number }).id : null;
  return insertId(db, "INSERT INTO claims (text, quote, speaker_id, status, rating_id, published_at, stated_on) VALUES (?, ?, 1, 'published', ?, '2025-06-26T00:00:00Z', '2025-06-26')", text, quote, ratingId);
}

describe("GET /embed/claims/{id}", () => {
  it("is a complete, self-contained card: speaker, quote, claim, coloured verdict, source, date and a link out", async () => {
    const id = (await publishedWithVerdict(db)).find((c) => c.source_id !== null)!.id;
    const claim = (await get(db, "SELECT c.text, c.quote, c.stated_on, sp.name AS speaker, r.label, r.colour, s.title FROM claims c JOIN speakers sp ON sp.id = c.speaker_id JOIN ratings r ON r.id = c.rating_id JOIN sources s ON s.id = c.source_id WHERE c.id = ?", id)) as { text: string; quote: string; stated_on: string; speaker: string; label: string; colour: string; title: string };
    const res = await callRaw(embedRoute, `/embed/claims/${id}`, { params: { id: String(id) } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.text.startsWith("<!doctype html>")).toBe(true);
    expect(scriptsIn(res.text)).toEqual([]);
    const doc = parse(res.text);
    expect(elements(doc, "link").some((l) => attr(l, "rel") === "stylesheet")).toBe(false);
    expect(elements(doc, "style")).toHaveLength(1);
    const body = textOf(elements(doc, "body")[0]!);
    for (const part of [claim.speaker, claim.quote, claim.text, claim.label, claim.title]) expect(body).toContain(part);
    expect(elements(doc, "time")[0] && attr(elements(doc, "time")[0]!, "datetime")).toBe(claim.stated_on);
    expect(textOf(elements(doc, "style")[0]!)).toContain(`--verdict:${claim.colour}`);
    const links = elements(doc, "a");
    expect(links).toHaveLength(1);
    expect(attr(links[0]!, "href")).toBe(`${SITE.url}/claims/${id}`);
    expect(attr(links[0]!, "target")).toBe("_blank");
    expect(attr(links[0]!, "rel")).toBe("noopener");
  });

  it("escapes every value: markup in a claim is shown, never run", async () => {
    const id = await insertPublished(`Claim <img src=x onerror=alert(1)> & "more"`, `</blockquote><script>alert("x")</script>`, "false");
    const res = await callRaw(embedRoute, `/embed/claims/${id}`, { params: { id: String(id) } });
    expect(res.status).toBe(200);
    expect(scriptsIn(res.text)).toEqual([]);
    expect(elements(parse(res.text), "img")).toHaveLength(0);
    expect(res.text).toContain("&lt;/blockquote&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(textOf(elements(parse(res.text), "blockquote")[0]!)).toBe(`</blockquote><script>alert("x")</script>`);
  });

  it("shows an unrated published claim as having no verdict yet", async () => {
    const id = (await claimRows(db)).find((c) => c.status === "published" && c.rating_id === null)!.id;
    const res = await callRaw(embedRoute, `/embed/claims/${id}`, { params: { id: String(id) } });
    expect(res.status).toBe(200);
    expect(res.text).toContain("No verdict yet");
  });

  it("is a 404 HTML page for a draft, an unknown id and a malformed one — never showing the draft", async () => {
    const draft = (await claimRows(db)).find((c) => c.status === "draft")!.id;
    const draftText = ((await get(db, "SELECT text FROM claims WHERE id = ?", draft)) as { text: string }).text;
    for (const id of [String(draft), "999999", "abc"]) {
      const res = await callRaw(embedRoute, `/embed/claims/${id}`, { params: { id } });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.text).toContain("This claim is not available.");
      expect(res.text).not.toContain(draftText);
      expect(scriptsIn(res.text)).toEqual([]);
    }
  });
});

describe("the proxy's headers on /embed/*", () => {
  // The headers of a page as rendered; the page cache (which would ask a running server) is tested in the browser suite.
  beforeAll(() => {
    process.env.COUNTERPOINT_PAGE_CACHE = "off";
  });
  const matches = (path: string) => proxyConfig.matcher.some((m) => new RegExp(`^${m.source}$`).test(path));

  it("runs on embed paths and lets the card be framed anywhere, with its inline CSS and no script", async () => {
    expect(matches("/embed/claims/1")).toBe(true);
    const res = await proxy(new NextRequest(`${SITE.url}/embed/claims/1`));
    const csp = res.headers.get("content-security-policy")!;
    const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get("frame-ancestors")).toEqual(["*"]);
    expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("still refuses framing of the claim page itself", async () => {
    const res = await proxy(new NextRequest(`${SITE.url}/claims/1`));
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("GET /api/oembed", () => {
  const oembed = (query: string) => call(oembedRoute, `/api/oembed?${query}`);

  it("describes a claim page (or its embed card) as a rich iframe of the card", async () => {
    const id = (await publishedWithVerdict(db))[0]!.id;
    for (const url of [`${SITE.url}/claims/${id}`, `${SITE.url}/embed/claims/${id}`, `${SITE.url}/claims/${id}/?utm=x#verdict`]) {
      const res = await oembed(`url=${encodeURIComponent(url)}&format=json`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: "1.0", type: "rich", provider_name: SITE.orgName, provider_url: `${SITE.url}/`, width: 560, height: 340 });
      expect(res.body.title).toContain(":");
      const iframe = elements(parse(res.body.html), "iframe")[0]!;
      expect(attr(iframe, "src")).toBe(`${SITE.url}/embed/claims/${id}`);
      expect(attr(iframe, "width")).toBe("560");
      expect(attr(iframe, "title")).toBe(`Fact check: ${res.body.title}`);
    }
  });

  it("fits maxwidth and maxheight", async () => {
    const id = (await publishedWithVerdict(db))[0]!.id;
    const res = await oembed(`url=${encodeURIComponent(`${SITE.url}/claims/${id}`)}&maxwidth=300&maxheight=200`);
    expect(res.body).toMatchObject({ width: 300, height: 200 });
    expect(res.body.html).toContain('width="300" height="200"');
    const big = await oembed(`url=${encodeURIComponent(`${SITE.url}/claims/${id}`)}&maxwidth=5000`);
    expect(big.body.width).toBe(560);
  });

  it("is a 404 for drafts and unknown claims, 400 for other URLs or bad sizes, 501 for XML", async () => {
    const draft = (await claimRows(db)).find((c) => c.status === "draft")!.id;
    expect((await oembed(`url=${encodeURIComponent(`${SITE.url}/claims/${draft}`)}`)).status).toBe(404);
    expect((await oembed(`url=${encodeURIComponent(`${SITE.url}/claims/999999`)}`)).status).toBe(404);
    for (const url of ["https://elsewhere.example/claims/1", `${SITE.url}/sources/1`, `${SITE.url}/claims/1/history`, "not a url", "javascript:alert(1)"]) {
      const res = await oembed(`url=${encodeURIComponent(url)}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty("url");
    }
    const missing = await oembed("format=json");
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty("url");
    const sizes = await oembed(`url=${encodeURIComponent(`${SITE.url}/claims/1`)}&maxwidth=abc&maxheight=-4`);
    expect(Object.keys(sizes.body.error.fields).sort()).toEqual(["maxheight", "maxwidth"]);
    const xml = await oembed(`url=${encodeURIComponent(`${SITE.url}/claims/1`)}&format=xml`);
    expect(xml.status).toBe(501);
  });

  it("matches claim URLs of this site only, under its base path", () => {
    const site = { ...SITE, url: "https://example.org/factcheck" };
    expect(claimIdFromUrl("https://example.org/factcheck/claims/12", site)).toBe(12);
    expect(claimIdFromUrl("http://EXAMPLE.org/factcheck/embed/claims/12/", site)).toBe(12);
    expect(claimIdFromUrl("https://example.org/claims/12", site)).toBeNull();
    expect(claimIdFromUrl("https://example.org.evil.test/factcheck/claims/12", site)).toBeNull();
    expect(claimIdFromUrl("https://example.org/factcheck/claims/0", site)).toBeNull();
  });
});

describe("server/site", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("takes COUNTERPOINT_URL when set, without a trailing slash", () => {
    process.env.COUNTERPOINT_URL = "https://claims.example.org/";
    expect(siteFromHeaders(new Headers({ host: "other.test" })).url).toBe("https://claims.example.org");
    expect(normaliseSiteUrl("ftp://x")).toBeNull();
  });

  it("derives the URL from the Host header otherwise, forwarded headers only from a trusted proxy, ignoring a host that is not one", () => {
    delete process.env.COUNTERPOINT_URL;
    delete process.env.COUNTERPOINT_ORG_NAME;
    delete process.env.COUNTERPOINT_ORG_URL;
    expect(siteUrlFromHeaders(new Headers({ host: "localhost:3000" }), "http://localhost:3000/feed.xml")).toBe("http://localhost:3000");
    const forwarded = { host: "internal:3000", "x-forwarded-host": "claims.example.org", "x-forwarded-proto": "https", [PEER_HEADER]: "10.0.0.9" };
    // From a peer nobody said to trust, the forwarded host and protocol are a client's say-so.
    expect(siteUrlFromHeaders(new Headers(forwarded), "https://internal:3000/feed.xml")).toBe("http://internal:3000");
    process.env.COUNTERPOINT_TRUSTED_PROXIES = "10.0.0.0/8";
    try {
      expect(siteUrlFromHeaders(new Headers(forwarded))).toBe("https://claims.example.org");
    } finally {
      delete process.env.COUNTERPOINT_TRUSTED_PROXIES;
    }
    expect(siteUrlFromHeaders(new Headers({ host: 'evil.test"><script>' }), "http://localhost:3000/")).toBe("http://localhost:3000");
    const site = siteFromHeaders(new Headers({ host: "news.example.org" }), "https://news.example.org/x");
    expect(site).toEqual({ url: "https://news.example.org", orgName: "Counterpoint", orgUrl: "https://news.example.org" });
  });
});
