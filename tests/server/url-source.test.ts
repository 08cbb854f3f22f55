import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as fromUrlRoute } from "@/app/api/sources/from-url/route";
import type { Db } from "@/db/client";
import { isPrivateAddress, safeFetch } from "@/server/safe-fetch";
import { createSourceFromUrl } from "@/server/url-source";
import { createSeededDb, installDb, snapshot, tokenFor, viewerFor } from "../support/db";
import { call } from "../support/http";

const ARTICLE = `<!doctype html><html lang="en-GB"><head><title>Port traffic doubles | Harbour News</title>
<meta property="og:site_name" content="Harbour News"><meta name="author" content="Pat Writer">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav>Home · World</nav><article><h1>Port traffic doubles</h1><p>The port handled twice as many containers in 2023, the harbour master said.</p>
<p>“We have never been busier,” she told reporters.</p></article><footer>© Harbour News</footer></body></html>`;

let server: Server;
let base: string;
let db: Db;
beforeAll(async () => {
  server = createServer((req, res) => {
    const route = req.url ?? "/";
    if (route === "/article") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE);
    else if (route === "/moved") res.writeHead(301, { location: "/article" }).end();
    else if (route === "/loop") res.writeHead(302, { location: "/loop" }).end();
    else if (route === "/big") res.writeHead(200, { "content-type": "text/html" }).end(`<p>${"x".repeat(200_000)}</p>`);
    else if (route === "/pdf") res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4");
    else if (route === "/gone") res.writeHead(404, { "content-type": "text/html" }).end("no");
    else if (route === "/slow") setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("late"), 2000);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  db = installDb(await createSeededDb());
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a source from a URL", () => {
  it("fetches the page, extracts its article text, title, author, publisher, date and language, and keeps the URL it ended at", async () => {
    const source = await createSourceFromUrl(db, await viewerFor(db, "factchecker"), { url: `${base}/moved` }, { allowPrivate: true });
    expect(source).toMatchObject({ title: "Port traffic doubles | Harbour News", author: "Pat Writer", publisher: "Harbour News", publishedOn: "2024-03-05", language: "en-GB", url: `${base}/article`, kind: "article" });
    expect(source.text).toBe("Port traffic doubles\n\nThe port handled twice as many containers in 2023, the harbour master said.\n\n“We have never been busier,” she told reporters.");
  });

  it("refuses private and loopback addresses unless configured — through the API, with a 400 naming url, and nothing written", async () => {
    const token = await tokenFor(db, "factchecker");
    const before = await snapshot(db, ["api_tokens"]);
    const res = await call(fromUrlRoute, "/api/sources/from-url", { method: "POST", token, json: { url: `${base}/article` } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.url).toBe("points at 127.0.0.1, a private or local address");
    for (const url of ["ftp://example.org/file", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://user:pw@example.org/"]) {
      const r = await call(fromUrlRoute, "/api/sources/from-url", { method: "POST", token, json: { url } });
      expect(r.status, url).toBe(400);
      expect(Object.keys(r.body.error.fields), url).toEqual(["url"]);
    }
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
  });

  it("bounds redirects, size and time, and reads only web pages", async () => {
    const open = { allowPrivate: true };
    await expect(safeFetch(`${base}/loop`, open)).rejects.toMatchObject({ fields: { url: "more than 5 redirects" } });
    await expect(safeFetch(`${base}/big`, { ...open, maxBytes: 100_000 })).rejects.toMatchObject({ fields: { url: "the page is too large" } });
    await expect(safeFetch(`${base}/pdf`, open)).rejects.toMatchObject({ fields: { url: "is application/pdf, not a web page (HTML or text)" } });
    await expect(safeFetch(`${base}/gone`, open)).rejects.toMatchObject({ fields: { url: "the server answered 404" } });
    await expect(safeFetch(`${base}/slow`, { ...open, timeoutMs: 300 })).rejects.toMatchObject({ fields: { url: "no answer within 0.3 s" } });
  });

  it("knows which addresses are private", () => {
    for (const a of ["127.0.0.1", "10.0.0.5", "172.20.1.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1"]) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });
});
