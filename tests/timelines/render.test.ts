import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ScorecardChart } from "@/components/scorecard-chart";
import { TimelineChart } from "@/components/timeline/timeline-chart";
import { TimelineList } from "@/components/timeline/timeline-list";
import { TimelineSvg } from "@/components/timeline/timeline-svg";
import type { Db } from "@/db/client";
import type { ClaimDTO, StoryTimelineDTO } from "@/lib/dto";
import { ANONYMOUS } from "@/lib/model";
import { DRAWN_LINK_KINDS, layoutTimeline } from "@/lib/timeline-layout";
import { getScorecard } from "@/server/scorecard";
import { getStoryTimeline } from "@/server/timelines";
import { createSeededDb, idOf } from "../support/db";

let db: Db;
let view: StoryTimelineDTO;

beforeAll(async () => {
  db = await createSeededDb();
  view = await getStoryTimeline(db, ANONYMOUS, await idOf(db, "stories", "title", "Cambodia scam compounds"));
});

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
const byId = () => new Map<number, ClaimDTO>([...view.claims, ...view.context].map((c) => [c.id, c]));

describe("timeline SVG", () => {
  for (const lanes of ["speaker", "side"] as const) {
    for (const density of ["wide", "compact"] as const) {
      it(`has an image with a title and description, a link per claim and a path per drawn link (${lanes} lanes, ${density})`, () => {
        const layout = layoutTimeline(view, { lanes, density });
        const html = renderToStaticMarkup(createElement(TimelineSvg, { layout, claims: byId(), title: "Timeline of Cambodia scam compounds", idPrefix: "t" }));
        expect(html).toContain('role="img"');
        expect(html).toContain('aria-labelledby="t-title t-desc"');
        expect(html).toContain('<title id="t-title">Timeline of Cambodia scam compounds</title>');
        expect(html).toMatch(/<desc id="t-desc">\d+ claims, from 29 Aug 2023 to 26 Jun 2025 \(1 with no known date, placed last\)\./);

        // One link per claim, to its page, each named.
        expect(count(html, /<a /g)).toBe(view.claims.length);
        for (const claim of view.claims) expect(html).toContain(`href="/claims/${claim.id}"`);
        expect(count(html, /<a [^>]*aria-label="\d+[^"]*: [^"]+"/g)).toBe(view.claims.length);

        // One curve per disputes / responds-to / supports link, each with an arrowhead.
        const drawn = view.links.filter((l) => DRAWN_LINK_KINDS.includes(l.kind));
        expect(drawn.some((l) => l.kind === "disputes")).toBe(true);
        expect(count(html, /<path [^>]*data-link-id="\d+"/g)).toBe(drawn.length);
        for (const l of drawn) expect(html).toMatch(new RegExp(`<path [^>]*marker-end="url\\(#t-arrow-${l.kind}\\)"[^>]*data-link-id="${l.id}"`));

        // The lanes are named, and the undated band is labelled.
        if (lanes === "speaker") for (const name of ["Amnesty International", "Pen Bona"]) expect(html).toContain(name);
        else expect(html).toContain("Amnesty International’s side");
        expect(html).toMatch(/Date not|known/);
      });
    }
  }

  it("names each item by what it shows (number, verdict), then speaker, date and text", () => {
    const rated = view.claims.find((c) => c.verdict && c.speaker.name === "Pen Bona")!;
    const n = view.claims.indexOf(rated) + 1;
    const render = (density: "wide" | "compact") =>
      renderToStaticMarkup(createElement(TimelineSvg, { layout: layoutTimeline(view, { density }), claims: byId(), title: "T", idPrefix: "t" }));
    // A badge shows the number and the verdict; a circle only the number.
    expect(render("wide")).toContain(`aria-label="${n} ${rated.verdict!.rating.label}: Pen Bona, 26 Jun 2025: ${rated.text}."`);
    expect(render("compact")).toContain(`aria-label="${n}: Pen Bona, 26 Jun 2025: ${rated.text}. Verdict: ${rated.verdict!.rating.label}."`);
    const undated = view.claims.find((c) => c.statedOn === null)!;
    expect(render("compact")).toContain(`aria-label="${view.claims.length}: ${undated.speaker.name}, date not known: `);
  });

  it("renders the chart for both screen sizes, with a legend", () => {
    const html = renderToStaticMarkup(createElement(TimelineChart, { view, title: "Timeline" }));
    expect(count(html, /role="img"/g)).toBe(2);
    expect(html).toContain('data-timeline-chart="wide"');
    expect(html).toContain('data-timeline-chart="compact"');
    expect(html).toContain("No verdict yet");
    expect(html).toContain(">disputes<");
  });
});

describe("timeline list", () => {
  it("lists every claim under its date, undated last, with the disputes both ways", () => {
    const html = renderToStaticMarkup(createElement(TimelineList, { claims: view.claims, context: view.context, links: view.links }));
    expect(html).toContain('aria-label="Claims in the order they were stated"');
    expect(count(html, /data-timeline-claim="/g)).toBe(view.claims.length);
    const headings = [...html.matchAll(/<h2[^>]*><time(?: dateTime="([^"]+)")?>([^<]+)<\/time><\/h2>/g)].map((m) => [m[1] ?? null, m[2]]);
    expect(headings).toEqual([
      ["2023-08-29", "29 Aug 2023"],
      ["2025-06-26", "26 Jun 2025"],
      [null, "Date not known"],
    ]);
    expect(html).toContain("Disputed by");
    expect(html).toContain("Disputes");
    // Relations link within the page.
    const disputes = view.links.find((l) => l.kind === "disputes")!;
    expect(html).toContain(`href="#timeline-${disputes.fromClaimId}"`);
  });
});

describe("scorecard chart", () => {
  it("draws a bar per verdict in scale order, with a text alternative and a hidden table of the same numbers", async () => {
    const card = await getScorecard(db, ANONYMOUS, await idOf(db, "speakers", "name", "Pen Bona"));
    const html = renderToStaticMarkup(createElement(ScorecardChart, { scorecard: card, speakerName: "Pen Bona" }));
    expect(html).toContain('role="img"');
    expect(html).toContain("<title id=\"scorecard-title\">Verdicts on Pen Bona’s published claims</title>");
    expect(html).toMatch(/<desc id="scorecard-desc">\d+ published claims, \d+ with a verdict: /);
    const bars = [...html.matchAll(/data-rating="([^"]+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(bars).toEqual([...card.ratings.map((r) => [r.rating.key, r.count]), ["none", card.unrated]]);
    expect(html).toContain('<table class="sr-only">');
    for (const r of card.ratings) expect(html).toContain(`<th scope="row">${r.rating.label}</th><td>${r.count}</td>`);
    expect(html).toContain(`<th scope="row">Published claims</th><td>${card.claims}</td>`);
    expect(html).toContain(`<th scope="row">Contested</th><td>${card.contested}</td>`);
  });
});
