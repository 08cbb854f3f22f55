/**
 * The vertical axis: one band per date that has claims (ordinal, not to scale), the time elapsed
 * since the previous dated band written in the gutter above it, the undated band last. Each band
 * is as tall as its fullest lane; within it each lane stacks its claims in recorded order.
 */
import { formatDate } from "../format";
import { BAND_GAP, BOLD, GEOMETRY } from "./geometry";
import { wrapText } from "./text";
import type { Band, Density, Item, Lane, LayoutClaim } from "./types";

function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
}

/** "3 days later", "2 weeks later", "9 months later", "2 years later"; null under 2 days. */
export function elapsed(from: string, to: string): string | null {
  const days = dayNumber(to) - dayNumber(from);
  if (days < 2) return null;
  if (days < 14) return `${days} days later`;
  if (days < 60) return `${Math.round(days / 7)} weeks later`;
  if (days < 700) return `${Math.round(days / 30.44)} months later`;
  return `${Math.round(days / 365.25)} years later`;
}

export interface BandPlacement {
  density: Density;
  /** Where the first band starts: below the lane names. */
  top: number;
  laneOf: (c: LayoutClaim) => string;
  laneByKey: Map<string, Lane>;
  /** The numbers of the timeline's own claims (numberClaims). */
  numbers: Map<number, number>;
  contextIds: Set<number>;
  itemWidth: number;
  /** Items are verdict badges, else numbered circles. */
  badge: boolean;
}

/** Places the bands and, in them, the items of `ordered` (in timeline order); `bottom` is where the last band ends. */
export function placeBands(ordered: LayoutClaim[], placement: BandPlacement): { bands: Band[]; items: Item[]; bottom: number } {
  const { density, laneOf, laneByKey, numbers, contextIds, itemWidth, badge } = placement;
  const g = GEOMETRY[density];
  // Bands: one per date, the undated last; each as tall as its fullest lane.
  const groups: { date: string | null; claims: LayoutClaim[] }[] = [];
  for (const c of ordered) {
    const last = groups[groups.length - 1];
    if (last && last.date === c.statedOn) last.claims.push(c);
    else groups.push({ date: c.statedOn, claims: [c] });
  }
  const bands: Band[] = [];
  const items: Item[] = [];
  let y = placement.top;
  let previousDate: string | null = null;
  for (const group of groups) {
    const gapText = group.date && previousDate ? elapsed(previousDate, group.date) : null;
    let gap: Band["gap"] = null;
    if (gapText) {
      const lines = wrapText(gapText, g.gutter - 12, g.font - 1, 3);
      gap = { lines, y: y + BAND_GAP / 2 };
      y += lines.length * g.line + BAND_GAP;
    } else if (bands.length > 0) {
      y += BAND_GAP;
    }
    const perLane = new Map<string, number>();
    for (const c of group.claims) perLane.set(laneOf(c), (perLane.get(laneOf(c)) ?? 0) + 1);
    const rows = Math.max(...perLane.values());
    const label = group.date ? formatDate(group.date) : "Date not known";
    const lines = density === "compact" && group.date ? [label.replace(/ \d{4}$/, ""), group.date.slice(0, 4)] : wrapText(label, g.gutter - 14, g.font * BOLD, 3);
    const band: Band = { date: group.date, label, lines, y, height: g.pad * 2 + rows * g.row, gap };
    bands.push(band);
    const stacked = new Map<string, number>();
    for (const c of group.claims) {
      const key = laneOf(c);
      const lane = laneByKey.get(key)!;
      const k = stacked.get(key) ?? 0;
      stacked.set(key, k + 1);
      items.push({
        claimId: c.id,
        number: numbers.get(c.id) ?? null,
        context: contextIds.has(c.id) && !numbers.has(c.id),
        lane: key,
        date: c.statedOn,
        cx: lane.x + lane.width / 2,
        cy: y + g.pad + k * g.row + g.row / 2,
        width: itemWidth,
        height: g.item,
        shape: badge ? "badge" : "circle",
      });
    }
    y += band.height;
    if (group.date) previousDate = group.date;
  }
  return { bands, items, bottom: y };
}
