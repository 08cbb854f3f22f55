/** The lanes (columns): one per speaker, or one per side of the disputes plus the claims in none. */
import { partyOf, type Sides } from "./sides";
import type { LaneKind, LayoutClaim } from "./types";

export interface LaneSpec {
  key: string;
  kind: LaneKind;
  label: string;
  speakers: { id: number; name: string }[];
}

export function speakerLanes(ordered: LayoutClaim[], contextIds: Set<number>, lead: number | undefined): { specs: LaneSpec[]; laneOf: (c: LayoutClaim) => string } {
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

export function sideLanes(ordered: LayoutClaim[], sides: Sides): { specs: LaneSpec[]; laneOf: (c: LayoutClaim) => string } {
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
