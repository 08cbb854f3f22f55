/**
 * The drawing of a timeline, computed from its claims and links: lanes (columns) by speaker or
 * by side of the disputes, time running down the page in date bands, and the links as curves.
 * Pure and deterministic (the same input gives the same drawing), so it is unit-tested and can
 * run on the server or in the browser.
 *
 * Time runs vertically because that reads on a phone as well as on a desktop: lanes are
 * columns, and a long story only grows downwards. The date axis is ordinal — one band per date
 * that has claims, with the time elapsed between bands written in the gutter — so that a burst
 * of same-day claims and a gap of months both stay legible. Within a band each lane stacks its
 * claims in the order they were recorded. Undated claims get a band of their own, last, labelled
 * "Date not known": never dropped.
 */
import type { LinkKind } from "../model";
import { placeBands } from "./bands";
import { BOLD, GEOMETRY, HEADER_PAD, RIGHT_PAD, ROTATED_MAX, ROTATION } from "./geometry";
import { sideLanes, speakerLanes } from "./lanes";
import { routeLinks } from "./links";
import { compareTimeline, numberClaims } from "./order";
import { disputeSides } from "./sides";
import { fitText, textWidth, wrapText } from "./text";
import type { Lane, LayoutInput, LayoutOptions, TimelineLayout } from "./types";

export type { Band, Density, Item, Lane, LaneKind, LaneMode, LayoutClaim, LayoutInput, LayoutOptions, LinkPath, TimelineLayout } from "./types";
export { elapsed } from "./bands";
export { ROTATION } from "./geometry";
export { compareTimeline, numberClaims } from "./order";
export { disputeSides, type Sides } from "./sides";
export { fitText, textWidth, wrapText } from "./text";

export const DRAWN_LINK_KINDS: readonly LinkKind[] = ["disputes", "responds-to", "supports"];

export function layoutTimeline(input: LayoutInput, options: LayoutOptions = {}): TimelineLayout {
  const density = options.density ?? "wide";
  const laneMode = options.lanes ?? "speaker";
  const g = GEOMETRY[density];
  const drawKinds = new Set(options.drawKinds ?? DRAWN_LINK_KINDS);
  const context = input.context ?? [];
  const contextIds = new Set(context.map((c) => c.id));
  const ordered = [...input.claims, ...context.filter((c) => !input.claims.some((o) => o.id === c.id))].sort(compareTimeline);
  const present = new Set(ordered.map((c) => c.id));
  const links = input.links.filter((l) => present.has(l.fromClaimId) && present.has(l.toClaimId));
  const numbers = numberClaims(input.claims);

  const sides = laneMode === "side" ? disputeSides(ordered, links) : null;
  const { specs, laneOf } = sides ? sideLanes(ordered, sides) : speakerLanes(ordered, contextIds, options.leadSpeakerId);

  // Lanes share the target width, within bounds; past the bound the drawing grows (and scrolls).
  const laneWidth = Math.max(g.laneMin, Math.min(g.laneMax, Math.floor((g.target - g.gutter - RIGHT_PAD) / Math.max(1, specs.length))));
  const labelWidth = laneWidth - 10;
  const wrapped = specs.map((s) => wrapText(s.label, labelWidth, g.font * BOLD, g.maxLines));
  // Names too long for narrow columns (phones) are set diagonally instead of being cut short.
  const rotated = density === "compact" && wrapped.some((lines, i) => lines.join(" ") !== specs[i]!.label);
  const lanes: Lane[] = specs.map((s, i) => ({
    ...s,
    lines: rotated ? [fitText(s.label, ROTATED_MAX, g.font * BOLD)] : wrapped[i]!,
    x: g.gutter + i * laneWidth,
    width: laneWidth,
  }));
  const laneByKey = new Map(lanes.map((l) => [l.key, l]));
  const longest = Math.max(0, ...lanes.map((l) => textWidth(l.lines[0] ?? "", g.font * BOLD)));
  const headerHeight = rotated
    ? Math.ceil(HEADER_PAD * 2 + longest * Math.sin(ROTATION) + g.font)
    : HEADER_PAD * 2 + Math.max(1, ...lanes.map((l) => l.lines.length)) * g.line;
  const last = lanes[lanes.length - 1];
  const rightPad = rotated && last ? Math.max(RIGHT_PAD, Math.ceil(textWidth(last.lines[0]!, g.font * BOLD) * Math.cos(ROTATION) - laneWidth / 2 + 8)) : RIGHT_PAD;

  // Badges leave room between lanes for the curves; narrow lanes get numbered circles.
  const badge = laneWidth - 36 >= g.badgeMin;
  const itemWidth = badge ? Math.min(laneWidth - 36, g.badgeMax) : g.item;

  const { bands, items, bottom: y } = placeBands(ordered, { density, top: headerHeight, laneOf, laneByKey, numbers, contextIds, itemWidth, badge });

  const itemById = new Map(items.map((i) => [i.claimId, i]));
  const drawn = links.filter((l) => drawKinds.has(l.kind));
  const conflicts = new Set(sides?.conflicts ?? []);
  const paths = routeLinks(drawn, itemById, conflicts);

  return {
    density,
    laneMode,
    width: g.gutter + lanes.length * laneWidth + rightPad,
    height: y + 12,
    gutter: g.gutter,
    headerHeight,
    headerRotated: rotated,
    fontSize: g.font,
    lineHeight: g.line,
    lanes,
    bands,
    items,
    paths,
    conflicts: [...conflicts],
  };
}
