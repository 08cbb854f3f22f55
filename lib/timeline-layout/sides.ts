/** The two sides of the disputes: a 2-colouring of the disputes graph (see `disputeSides`). */
import type { TimelineLinkDTO } from "../dto";
import { compareTimeline } from "./order";
import type { LayoutClaim } from "./types";

/** The party a speaker speaks for: their affiliation (a spokesman's government), or themselves. */
export function partyOf(c: LayoutClaim): { id: number; name: string } {
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
