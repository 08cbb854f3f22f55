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
import type { ClaimDTO, TimelineLinkDTO } from "./dto";
import { formatDate } from "./format";
import type { LinkKind } from "./model";

export type LaneMode = "speaker" | "side";
/** `wide` for desktops (items are verdict badges), `compact` for phones (numbered circles). */
export type Density = "wide" | "compact";

export type LayoutClaim = Pick<ClaimDTO, "id" | "statedOn" | "createdAt" | "speaker">;

export interface LayoutInput {
  /** The timeline's own claims (numbered 1…n in timeline order). */
  claims: LayoutClaim[];
  /** Claims shown for context only (the other end of a dispute); not numbered. */
  context?: LayoutClaim[];
  links: TimelineLinkDTO[];
}

export interface LayoutOptions {
  lanes?: LaneMode;
  density?: Density;
  /** The speaker whose lane comes first (a speaker's own timeline). */
  leadSpeakerId?: number;
  /** Link kinds drawn as curves; the others are only listed. */
  drawKinds?: readonly LinkKind[];
}

export const DRAWN_LINK_KINDS: readonly LinkKind[] = ["disputes", "responds-to", "supports"];

export type LaneKind = "speaker" | "side-a" | "side-b" | "others";

export interface Lane {
  key: string;
  kind: LaneKind;
  label: string;
  /** The label wrapped to the lane's width. */
  lines: string[];
  x: number;
  width: number;
  /** Speakers with claims in the lane, in order of appearance. */
  speakers: { id: number; name: string }[];
}

export interface Band {
  /** YYYY-MM-DD, or null for the undated band. */
  date: string | null;
  /** The tick label: "26 Jun 2025", or "Date not known". */
  label: string;
  lines: string[];
  y: number;
  height: number;
  /** Time since the previous dated band ("3 months later"), drawn above the band. */
  gap: { lines: string[]; y: number } | null;
}

export interface Item {
  claimId: number;
  /** 1-based position among the timeline's own claims; null for a context claim. */
  number: number | null;
  context: boolean;
  lane: string;
  date: string | null;
  cx: number;
  cy: number;
  width: number;
  height: number;
  shape: "badge" | "circle";
}

export interface LinkPath {
  linkId: number;
  kind: LinkKind;
  fromClaimId: number;
  toClaimId: number;
  /** SVG path data, from the source item's edge to the target's (the arrowhead end). */
  d: string;
  /** A dispute between two claims placed on the same side (only an odd cycle makes one). */
  conflict: boolean;
}

export interface TimelineLayout {
  density: Density;
  laneMode: LaneMode;
  width: number;
  height: number;
  gutter: number;
  headerHeight: number;
  /** Lane names set diagonally (narrow lanes), each on one line. */
  headerRotated: boolean;
  fontSize: number;
  lineHeight: number;
  lanes: Lane[];
  bands: Band[];
  /** In timeline order. */
  items: Item[];
  paths: LinkPath[];
  /** Ids of disputes whose two claims ended up on the same side (by side only). */
  conflicts: number[];
}

const GEOMETRY = {
  wide: { target: 1040, gutter: 112, laneMin: 124, laneMax: 210, font: 12.5, line: 16, row: 36, item: 26, pad: 12, badgeMin: 96, badgeMax: 124, maxLines: 3 },
  compact: { target: 358, gutter: 56, laneMin: 56, laneMax: 124, font: 11, line: 13, row: 32, item: 24, pad: 10, badgeMin: 96, badgeMax: 120, maxLines: 3 },
} as const;

const HEADER_PAD = 10;
const BAND_GAP = 8;
/** Room to the right of the last lane for a same-lane curve. */
const RIGHT_PAD = 28;
/** Bold text is wider than the estimate for regular text. */
const BOLD = 1.08;
/** The angle of diagonal lane names, and their longest run. */
export const ROTATION = (62 * Math.PI) / 180;
const ROTATED_MAX = 170;

// ---- order ---------------------------------------------------------------------------------

/** Stated date, undated last; the same date in recorded order (created, then id). */
export function compareTimeline(a: LayoutClaim, b: LayoutClaim): number {
  if (a.statedOn !== b.statedOn) {
    if (a.statedOn === null) return 1;
    if (b.statedOn === null) return -1;
    return a.statedOn < b.statedOn ? -1 : 1;
  }
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id - b.id;
}

/** The number each of the timeline's own claims carries on the chart and in the list. */
export function numberClaims(claims: LayoutClaim[]): Map<number, number> {
  return new Map([...claims].sort(compareTimeline).map((c, i) => [c.id, i + 1]));
}

// ---- sides ---------------------------------------------------------------------------------

/** The party a speaker speaks for: their affiliation (a spokesman's government), or themselves. */
function partyOf(c: LayoutClaim): { id: number; name: string } {
  return c.speaker.affiliation ?? c.speaker;
}

export interface Sides {
  /** 0 or 1 for a claim in a dispute; claims outside every dispute are absent. */
  side: Map<number, 0 | 1>;
  /** Disputes whose two claims are on the same side (an odd cycle cannot be 2-coloured). */
  conflicts: number[];
}

/**
 * Splits the claims of the disputes into two sides: a 2-colouring of the disputes graph, one
 * connected component at a time in timeline order, each by breadth-first search from its
 * earliest claim. A component is flipped when that puts more of its parties (speakers, or the
 * body they are affiliated to) on the side where they already stand, so a government's claims
 * stay together across separate disputes. An odd cycle (A disputes B, B disputes C, C disputes A)
 * has no 2-colouring: the search keeps its first choice and the dispute that closes the cycle
 * is reported as a conflict, drawn within one side.
 */
export function disputeSides(claims: LayoutClaim[], links: TimelineLinkDTO[]): Sides {
  const ordered = [...claims].sort(compareTimeline);
  const rank = new Map(ordered.map((c, i) => [c.id, i]));
  const byId = new Map(ordered.map((c) => [c.id, c]));
  const disputes = links.filter((l) => l.kind === "disputes" && rank.has(l.fromClaimId) && rank.has(l.toClaimId));
  const adjacent = new Map<number, number[]>();
  for (const l of disputes) {
    adjacent.set(l.fromClaimId, [...(adjacent.get(l.fromClaimId) ?? []), l.toClaimId]);
    adjacent.set(l.toClaimId, [...(adjacent.get(l.toClaimId) ?? []), l.fromClaimId]);
  }
  for (const list of adjacent.values()) list.sort((a, b) => rank.get(a)! - rank.get(b)!);

  const side = new Map<number, 0 | 1>();
  const votes = new Map<number, [number, number]>();
  for (const start of ordered) {
    if (side.has(start.id) || !adjacent.has(start.id)) continue;
    const component: number[] = [start.id];
    const colour = new Map<number, 0 | 1>([[start.id, 0]]);
    for (let i = 0; i < component.length; i++) {
      const u = component[i]!;
      for (const v of adjacent.get(u)!) {
        if (colour.has(v)) continue;
        colour.set(v, colour.get(u) === 0 ? 1 : 0);
        component.push(v);
      }
    }
    let keep = 0;
    let flip = 0;
    for (const id of component) {
      const tally = votes.get(partyOf(byId.get(id)!).id);
      if (!tally) continue;
      const c = colour.get(id)!;
      keep += tally[c];
      flip += tally[c === 0 ? 1 : 0];
    }
    for (const id of component) {
      const c = (flip > keep ? 1 - colour.get(id)! : colour.get(id)!) as 0 | 1;
      side.set(id, c);
      const party = partyOf(byId.get(id)!).id;
      const tally = votes.get(party) ?? [0, 0];
      tally[c] += 1;
      votes.set(party, tally);
    }
  }
  const conflicts = disputes.filter((l) => side.get(l.fromClaimId) === side.get(l.toClaimId)).map((l) => l.id);
  return { side, conflicts };
}

// ---- text ----------------------------------------------------------------------------------

/** A generous estimate of a text's width in a sans-serif face (no font metrics on the server). */
export function textWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += /[ilj.,:;'’|!]/.test(ch) ? 0.3 : /[mwMW@]/.test(ch) ? 0.85 : /[A-Z0-9]/.test(ch) ? 0.66 : 0.56;
  return units * fontSize;
}

/** Cuts `text` to fit `width`, ending with "…". */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontSize) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Word-wraps `text` to `width`, at most `maxLines` lines (the last one cut with "…"). */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= width || !line) {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      line = `${line} ${words.slice(i).join(" ")}`;
      break;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === lines.length - 1 || textWidth(l, fontSize) > width ? fitText(l, width, fontSize) : l));
}

// ---- dates ---------------------------------------------------------------------------------

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

// ---- layout --------------------------------------------------------------------------------

interface LaneSpec {
  key: string;
  kind: LaneKind;
  label: string;
  speakers: { id: number; name: string }[];
}

function speakerLanes(ordered: LayoutClaim[], contextIds: Set<number>, lead: number | undefined): { specs: LaneSpec[]; laneOf: (c: LayoutClaim) => string } {
  const seen = new Map<number, LaneSpec>();
  // Speakers of the timeline's own claims first, then those who appear only as context.
  const firstSeen = [...ordered.filter((c) => !contextIds.has(c.id)), ...ordered.filter((c) => contextIds.has(c.id))];
  for (const c of firstSeen) {
    if (!seen.has(c.speaker.id)) seen.set(c.speaker.id, { key: `speaker-${c.speaker.id}`, kind: "speaker", label: c.speaker.name, speakers: [{ id: c.speaker.id, name: c.speaker.name }] });
  }
  const specs = [...seen.values()];
  const leadIndex = specs.findIndex((s) => s.speakers[0]!.id === lead);
  if (leadIndex > 0) specs.unshift(...specs.splice(leadIndex, 1));
  return { specs, laneOf: (c) => `speaker-${c.speaker.id}` };
}

function sideLanes(ordered: LayoutClaim[], sides: Sides): { specs: LaneSpec[]; laneOf: (c: LayoutClaim) => string } {
  const keyOf = (c: LayoutClaim) => (sides.side.get(c.id) === 0 ? "side-a" : sides.side.get(c.id) === 1 ? "side-b" : "others");
  const members = new Map<string, LayoutClaim[]>();
  for (const c of ordered) members.set(keyOf(c), [...(members.get(keyOf(c)) ?? []), c]);
  /** The party with most claims on the side (the earliest on a tie) names it. */
  const leadingParty = (claims: LayoutClaim[]): string => {
    const counts = new Map<number, { name: string; n: number }>();
    for (const c of claims) {
      const p = partyOf(c);
      counts.set(p.id, { name: p.name, n: (counts.get(p.id)?.n ?? 0) + 1 });
    }
    return [...counts.values()].reduce((best, x) => (x.n > best.n ? x : best)).name;
  };
  const a = members.get("side-a");
  const b = members.get("side-b");
  const partyA = a ? leadingParty(a) : null;
  const partyB = b ? leadingParty(b) : null;
  const distinct = partyA !== partyB;
  const specs: LaneSpec[] = [];
  const speakersOf = (claims: LayoutClaim[]) => [...new Map(claims.map((c) => [c.speaker.id, { id: c.speaker.id, name: c.speaker.name }])).values()];
  if (a) specs.push({ key: "side-a", kind: "side-a", label: distinct ? `${partyA}’s side` : "One side", speakers: speakersOf(a) });
  if (b) specs.push({ key: "side-b", kind: "side-b", label: distinct ? `${partyB}’s side` : "The other side", speakers: speakersOf(b) });
  const others = members.get("others");
  if (others) specs.push({ key: "others", kind: "others", label: "Not in a dispute", speakers: speakersOf(others) });
  return { specs, laneOf: keyOf };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

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

  // Bands: one per date, the undated last; each as tall as its fullest lane.
  const groups: { date: string | null; claims: LayoutClaim[] }[] = [];
  for (const c of ordered) {
    const last = groups[groups.length - 1];
    if (last && last.date === c.statedOn) last.claims.push(c);
    else groups.push({ date: c.statedOn, claims: [c] });
  }
  const bands: Band[] = [];
  const items: Item[] = [];
  let y = headerHeight;
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

type Side = "left" | "right";

/**
 * Curves between items: across lanes from the facing edges, within a lane as a bow to the
 * right. Several ends on one edge of an item are spread out, ordered by where the other end
 * lies, so arrowheads do not sit on top of each other.
 */
function routeLinks(links: TimelineLinkDTO[], itemById: Map<number, Item>, conflicts: Set<number>): LinkPath[] {
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
