/** Timeline order, and the numbers the timeline's own claims carry on the chart and in the list. */
import type { LayoutClaim } from "./types";

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
