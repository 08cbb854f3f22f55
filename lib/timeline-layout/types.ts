/** The shapes of a timeline drawing: its input and options, and the lanes, bands, items and paths it is made of. */
import type { ClaimDTO, TimelineLinkDTO } from "../dto";
import type { LinkKind } from "../model";

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
