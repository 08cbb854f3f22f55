/** The links drawn as curves between items, their ends spread along each item's edge. */
import type { TimelineLinkDTO } from "../dto";
import type { Item, LinkPath } from "./types";

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

type Side = "left" | "right";

/**
 * Curves between items: across lanes from the facing edges, within a lane as a bow to the
 * right. Several ends on one edge of an item are spread out, ordered by where the other end
 * lies, so arrowheads do not sit on top of each other.
 */
export function routeLinks(links: TimelineLinkDTO[], itemById: Map<number, Item>, conflicts: Set<number>): LinkPath[] {
  const ends = links.map((l) => {
    const a = itemById.get(l.fromClaimId)!;
    const b = itemById.get(l.toClaimId)!;
    const sameLane = a.lane === b.lane;
    const sideA: Side = sameLane || a.cx < b.cx ? "right" : "left";
    const sideB: Side = sameLane || a.cx > b.cx ? "right" : "left";
    return { link: l, a, b, sideA, sideB };
  });
  const slots = new Map<string, { id: number; otherY: number; end: "a" | "b" }[]>();
  for (const e of ends) {
    for (const [item, side, other, end] of [
      [e.a, e.sideA, e.b, "a"],
      [e.b, e.sideB, e.a, "b"],
    ] as const) {
      const key = `${item.claimId}:${side}`;
      slots.set(key, [...(slots.get(key) ?? []), { id: e.link.id, otherY: other.cy, end }]);
    }
  }
  const offsetOf = (item: Item, side: Side, id: number, end: "a" | "b"): number => {
    const list = [...slots.get(`${item.claimId}:${side}`)!].sort((p, q) => p.otherY - q.otherY || p.id - q.id || (p.end < q.end ? -1 : 1));
    const n = list.length;
    if (n === 1) return 0;
    const spread = Math.min(item.height / 2 - 5, 3.5 * (n - 1));
    const k = list.findIndex((s) => s.id === id && s.end === end);
    return -spread + (2 * spread * k) / (n - 1);
  };
  const point = (item: Item, side: Side, dy: number): [number, number] => {
    const sign = side === "right" ? 1 : -1;
    const half = item.shape === "circle" ? Math.sqrt(Math.max(0, (item.width / 2) ** 2 - dy * dy)) : item.width / 2;
    return [item.cx + sign * half, item.cy + dy];
  };
  return ends.map(({ link, a, b, sideA, sideB }) => {
    const [x1, y1] = point(a, sideA, offsetOf(a, sideA, link.id, "a"));
    const [x2, y2] = point(b, sideB, offsetOf(b, sideB, link.id, "b"));
    let d: string;
    if (a.lane === b.lane) {
      const bow = 16 + Math.min(36, Math.abs(y2 - y1) * 0.2);
      d = `M${round(x1)} ${round(y1)} C${round(x1 + bow)} ${round(y1)} ${round(x2 + bow)} ${round(y2)} ${round(x2)} ${round(y2)}`;
    } else {
      const k = Math.max(20, Math.abs(x2 - x1) * 0.45);
      const s1 = sideA === "right" ? 1 : -1;
      const s2 = sideB === "right" ? 1 : -1;
      d = `M${round(x1)} ${round(y1)} C${round(x1 + s1 * k)} ${round(y1)} ${round(x2 + s2 * k)} ${round(y2)} ${round(x2)} ${round(y2)}`;
    }
    return { linkId: link.id, kind: link.kind, fromClaimId: link.fromClaimId, toClaimId: link.toClaimId, d, conflict: conflicts.has(link.id) };
  });
}
