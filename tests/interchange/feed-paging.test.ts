import { beforeAll, describe, expect, it } from "vitest";
import { GET as siteFeed } from "@/app/feed.xml/route";
import type { Db } from "@/db/client";
import { createSeededDb, installDb, num } from "@/tests/support/db";
import { importAs } from "../importers/support";
import { callRaw, parseXml, SITE, useTestSite, type XmlElement } from "./support";

let db: Db;
beforeAll(async () => {
  useTestSite();
  db = installDb(await createSeededDb());
  const rows = Array.from({ length: 120 }, (_, i) => `"Paged claim ${i}",Feed Speaker,published,false,2024-01-01T00:00:${String(i % 60).padStart(2, "0")}.${String(i).padStart(3, "0")}Z`);
  await importAs(db, { format: "csv", content: ["text,speaker,status,verdict,published_at", ...rows].join("\n") });
});

const links = (feed: XmlElement) => Object.fromEntries(feed.children.filter((c) => c.name === "link").map((l) => [l.attributes.rel, l.attributes.href]));

describe("Atom feeds in pages (RFC 5005)", () => {
  it("gives the newest 50 first, then older pages linked by next back to the first verdict, and previous leads back", async () => {
    const total = await num(db, "SELECT count(*) FROM claims WHERE status = 'published' AND rating_id IS NOT NULL");
    expect(total).toBeGreaterThan(120);
    const pages: { url: string; ids: string[]; links: Record<string, string | undefined> }[] = [];
    let url: string | undefined = "/feed.xml";
    while (url) {
      const res = await callRaw(siteFeed, url);
      expect(res.status).toBe(200);
      const feed = parseXml(res.text);
      const l = links(feed);
      expect(l.first).toBe(`${SITE.url}/feed.xml`);
      expect(l.self).toBe(`${SITE.url}${url}`);
      const entries = feed.children.filter((c) => c.name === "entry");
      expect(entries.length).toBeLessThanOrEqual(50);
      pages.push({ url, ids: entries.map((e) => e.children.find((c) => c.name === "id")!.text), links: l });
      url = l.next?.replace(SITE.url, "");
    }
    const ids = pages.flatMap((p) => p.ids);
    expect(pages).toHaveLength(Math.ceil(total / 50));
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    expect(pages[0]!.links.previous).toBeUndefined();
    // From every later page, previous gives the page before it.
    for (let i = 1; i < pages.length; i++) {
      const back = parseXml((await callRaw(siteFeed, pages[i]!.links.previous!.replace(SITE.url, ""))).text);
      expect(back.children.filter((c) => c.name === "entry").map((e) => e.children.find((c) => c.name === "id")!.text)).toEqual(pages[i - 1]!.ids);
    }
    const refused = await callRaw(siteFeed, "/feed.xml?before=not-a-cursor");
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("before");
  });
});
