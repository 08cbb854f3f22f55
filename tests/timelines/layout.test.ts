import { describe, expect, it } from "vitest";
import type { TimelineLinkDTO } from "@/lib/dto";
import type { LinkKind } from "@/lib/model";
import { disputeSides, elapsed, fitText, type LayoutClaim, layoutTimeline, numberClaims, textWidth, wrapText } from "@/lib/timeline-layout";

const AMNESTY = { id: 1, name: "Amnesty International", kind: "organisation" as const, affiliation: null };
const CALLAMARD = { id: 2, name: "Agnes Callamard", kind: "person" as const, affiliation: { id: 1, name: "Amnesty International", kind: "organisation" as const } };
const GOVERNMENT = { id: 3, name: "Government of Cambodia", kind: "government" as const, affiliation: null };
const BONA = { id: 4, name: "Pen Bona", kind: "person" as const, affiliation: { id: 3, name: "Government of Cambodia", kind: "government" as const } };
const UN = { id: 5, name: "United Nations", kind: "organisation" as const, affiliation: null };

let clock = 0;
/** A claim recorded after every claim made before it. */
function claim(id: number, speaker: LayoutClaim["speaker"], statedOn: string | null): LayoutClaim {
  clock += 1;
  return { id, speaker, statedOn, createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, clock)).toISOString() };
}
let linkId = 0;
function link(from: number, to: number, kind: LinkKind = "disputes"): TimelineLinkDTO {
  return { id: ++linkId, kind, fromClaimId: from, toClaimId: to };
}

describe("timeline order", () => {
  const a = claim(1, AMNESTY, "2025-06-26");
  const b = claim(2, BONA, "2025-06-26");
  const c = claim(3, AMNESTY, "2025-06-26");
  const undated = claim(4, GOVERNMENT, null);
  const early = claim(5, UN, "2023-08-29");
  const alsoUndated = claim(6, AMNESTY, null);
  const claims = [a, b, c, undated, early, alsoUndated];

  it("runs by stated date, same-date claims in recorded order, undated claims last in their own band", () => {
    const layout = layoutTimeline({ claims, links: [] });
    expect(layout.items.map((i) => i.claimId)).toEqual([5, 1, 2, 3, 4, 6]);
    expect(layout.bands.map((b) => b.date)).toEqual(["2023-08-29", "2025-06-26", null]);
    const last = layout.bands[layout.bands.length - 1]!;
    expect(last.label).toBe("Date not known");
    expect(layout.items.filter((i) => i.date === null).map((i) => i.claimId)).toEqual([4, 6]);
    // Every claim is placed, inside its band.
    expect(layout.items).toHaveLength(claims.length);
    for (const item of layout.items) {
      const band = layout.bands.find((b) => b.date === item.date)!;
      expect(item.cy).toBeGreaterThan(band.y);
      expect(item.cy).toBeLessThan(band.y + band.height);
    }
    expect(Math.max(...layout.items.map((i) => i.cy))).toBeLessThan(layout.height);
  });

  it("stacks a lane's same-date claims downwards in recorded order", () => {
    const layout = layoutTimeline({ claims, links: [] });
    const at = (id: number) => layout.items.find((i) => i.claimId === id)!;
    expect(at(1).lane).toBe(at(3).lane);
    expect(at(3).cy).toBeGreaterThan(at(1).cy);
    // Another lane's claim of the same day sits on the band's first row.
    expect(at(2).cy).toBe(at(1).cy);
    expect(layout.bands[1]!.height).toBeGreaterThan(layout.bands[0]!.height);
  });

  it("does not depend on the order of its input (the same drawing from a shuffled list)", () => {
    const links = [link(2, 1), link(4, 3, "responds-to")];
    const one = layoutTimeline({ claims, links }, { lanes: "side" });
    const two = layoutTimeline({ claims: [...claims].reverse(), links: [...links].reverse() }, { lanes: "side" });
    expect(two.items).toEqual(one.items);
    expect(two.lanes).toEqual(one.lanes);
    expect(new Set(two.paths.map((p) => JSON.stringify(p)))).toEqual(new Set(one.paths.map((p) => JSON.stringify(p))));
  });

  it("numbers the timeline's own claims in order, and leaves context claims unnumbered", () => {
    const layout = layoutTimeline({ claims: [a, c, undated], context: [b], links: [link(2, 1)] });
    expect(layout.items.map((i) => [i.claimId, i.number, i.context])).toEqual([
      [1, 1, false],
      [2, null, true],
      [3, 2, false],
      [4, 3, false],
    ]);
    expect(numberClaims([undated, c, a])).toEqual(new Map([[1, 1], [3, 2], [4, 3]]));
  });

  it("writes tick labels for each date and the time between dates", () => {
    const layout = layoutTimeline({ claims, links: [] });
    expect(layout.bands.map((b) => b.label)).toEqual(["29 Aug 2023", "26 Jun 2025", "Date not known"]);
    expect(layout.bands[1]!.gap?.lines.join(" ")).toBe("22 months later");
    expect(layout.bands[0]!.gap).toBeNull();
    expect(layoutTimeline({ claims, links: [] }, { density: "compact" }).bands[0]!.lines).toEqual(["29 Aug", "2023"]);
    expect([elapsed("2025-06-26", "2025-06-27"), elapsed("2025-06-01", "2025-06-05"), elapsed("2025-06-01", "2025-06-22"), elapsed("2024-01-01", "2025-01-01"), elapsed("2020-01-01", "2025-01-01")]).toEqual([
      null,
      "4 days later",
      "3 weeks later",
      "12 months later",
      "5 years later",
    ]);
  });
});

describe("lanes by speaker", () => {
  it("gives each speaker a lane in order of first appearance, the lead speaker first, context speakers last", () => {
    const claims = [claim(11, UN, "2023-01-01"), claim(12, AMNESTY, "2024-01-01"), claim(13, BONA, "2024-01-02")];
    const context = [claim(14, GOVERNMENT, "2022-01-01")];
    const layout = layoutTimeline({ claims, context, links: [] }, { leadSpeakerId: BONA.id });
    expect(layout.lanes.map((l) => l.label)).toEqual(["Pen Bona", "United Nations", "Amnesty International", "Government of Cambodia"]);
    expect(layout.lanes.map((l) => l.kind)).toEqual(["speaker", "speaker", "speaker", "speaker"]);
    // Columns left to right, items centred in their lane.
    const xs = layout.lanes.map((l) => l.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
    for (const item of layout.items) {
      const lane = layout.lanes.find((l) => l.key === item.lane)!;
      expect(item.cx).toBe(lane.x + lane.width / 2);
    }
  });

  it("draws one curve per drawn link, from the source's edge to the target's, and only the drawn kinds", () => {
    const claims = [claim(21, AMNESTY, "2025-01-01"), claim(22, BONA, "2025-01-02"), claim(23, AMNESTY, "2025-01-03")];
    const links = [link(22, 21), link(23, 21, "supports"), link(22, 23, "responds-to"), link(23, 22, "qualifies")];
    const layout = layoutTimeline({ claims, links });
    expect(layout.paths.map((p) => [p.fromClaimId, p.toClaimId, p.kind])).toEqual([
      [22, 21, "disputes"],
      [23, 21, "supports"],
      [22, 23, "responds-to"],
    ]);
    for (const p of layout.paths) expect(p.d).toMatch(/^M[\d.]+ [\d.]+ C[\d. -]+$/);
    // A link to a claim that is not on the timeline is not drawn.
    expect(layoutTimeline({ claims: claims.slice(0, 2), links }).paths.map((p) => p.linkId)).toEqual([links[0]!.id]);
    expect(layoutTimeline({ claims, links }, { drawKinds: ["qualifies"] }).paths.map((p) => p.kind)).toEqual(["qualifies"]);
  });
});

describe("lanes by side", () => {
  it("2-colours the disputes, keeping each party (a speaker, or the body it speaks for) on one side across disputes", () => {
    // Two separate disputes; in the second the government's spokesman speaks first.
    const c1 = claim(31, AMNESTY, "2025-06-26");
    const c2 = claim(32, GOVERNMENT, "2025-06-26");
    const c3 = claim(33, BONA, "2025-06-27");
    const c4 = claim(34, CALLAMARD, "2025-06-28");
    const c5 = claim(35, UN, "2025-06-28");
    const links = [link(32, 31), link(33, 34)];
    const sides = disputeSides([c1, c2, c3, c4, c5], links);
    expect(sides.side.get(31)).toBe(0);
    expect(sides.side.get(32)).toBe(1);
    expect(sides.side.get(33)).toBe(1); // Pen Bona speaks for the government
    expect(sides.side.get(34)).toBe(0); // Agnes Callamard for Amnesty
    expect(sides.side.has(35)).toBe(false);
    expect(sides.conflicts).toEqual([]);

    const layout = layoutTimeline({ claims: [c1, c2, c3, c4, c5], links }, { lanes: "side" });
    expect(layout.lanes.map((l) => [l.kind, l.label])).toEqual([
      ["side-a", "Amnesty International’s side"],
      ["side-b", "Government of Cambodia’s side"],
      ["others", "Not in a dispute"],
    ]);
    const laneOf = (id: number) => layout.items.find((i) => i.claimId === id)!.lane;
    expect([31, 32, 33, 34, 35].map(laneOf)).toEqual(["side-a", "side-b", "side-b", "side-a", "others"]);
    expect(layout.lanes[0]!.speakers.map((s) => s.name)).toEqual(["Amnesty International", "Agnes Callamard"]);
  });

  it("handles an odd cycle: every claim keeps a side, and the one dispute that cannot be split is reported", () => {
    const x = claim(41, AMNESTY, "2025-01-01");
    const y = claim(42, GOVERNMENT, "2025-01-02");
    const z = claim(43, UN, "2025-01-03");
    const links = [link(42, 41), link(43, 42), link(41, 43)];
    const sides = disputeSides([x, y, z], links);
    expect([...sides.side.keys()].sort()).toEqual([41, 42, 43]);
    expect(sides.conflicts).toHaveLength(1);
    const [conflict] = links.filter((l) => sides.conflicts.includes(l.id));
    expect(sides.side.get(conflict!.fromClaimId)).toBe(sides.side.get(conflict!.toClaimId));
    // The other two disputes do cross sides.
    for (const l of links.filter((l) => l !== conflict)) expect(sides.side.get(l.fromClaimId)).not.toBe(sides.side.get(l.toClaimId));

    const layout = layoutTimeline({ claims: [x, y, z], links }, { lanes: "side" });
    expect(layout.items).toHaveLength(3);
    expect(layout.lanes.map((l) => l.kind)).toEqual(["side-a", "side-b"]);
    expect(layout.conflicts).toEqual(sides.conflicts);
    expect(layout.paths.filter((p) => p.conflict).map((p) => p.linkId)).toEqual(sides.conflicts);
    // Deterministic: the same answer every time.
    expect(disputeSides([z, y, x], [...links].reverse())).toEqual(sides);
  });

  it("puts everything in one lane when nothing is disputed", () => {
    const layout = layoutTimeline({ claims: [claim(51, AMNESTY, null), claim(52, BONA, null)], links: [link(51, 52, "supports")] }, { lanes: "side" });
    expect(layout.lanes.map((l) => l.key)).toEqual(["others"]);
    expect(layout.paths).toHaveLength(1);
  });
});

describe("text fitting", () => {
  it("wraps lane names on word boundaries and cuts what does not fit", () => {
    const lines = wrapText("Government of Cambodia", 90, 12, 3);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("Government of Cambodia");
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(90);
    const cut = wrapText("An extremely long organisation name that never ends", 60, 12, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith("…")).toBe(true);
    for (const line of cut) expect(textWidth(line, 12)).toBeLessThanOrEqual(60);
    expect(fitText("Mostly false", 200, 12)).toBe("Mostly false");
    expect(fitText("Mostly false", 40, 12)).toMatch(/…$/);
  });

  it("sets long lane names diagonally on phones instead of cutting them", () => {
    const claims = [AMNESTY, GOVERNMENT, BONA, UN, CALLAMARD].map((s, i) => claim(60 + i, s, "2025-01-01"));
    const compact = layoutTimeline({ claims, links: [] }, { density: "compact" });
    expect(compact.headerRotated).toBe(true);
    expect(compact.lanes.map((l) => l.lines)).toEqual(claims.map((c) => [c.speaker.name]));
    expect(compact.items.every((i) => i.shape === "circle")).toBe(true);
    const wide = layoutTimeline({ claims, links: [] }, { density: "wide" });
    expect(wide.headerRotated).toBe(false);
    expect(wide.items.every((i) => i.shape === "badge")).toBe(true);
  });
});
