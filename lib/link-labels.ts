import type { LinkDTO } from "./dto";
import { LINK_LABELS } from "./model";

/** "Supported by", "This claim qualifies", … read from the point of view of the claim whose link it is. */
export function relationLabel(link: Pick<LinkDTO, "kind" | "direction">): string {
  const label = LINK_LABELS[link.kind];
  return link.direction === "incoming" ? label.inverse.charAt(0).toUpperCase() + label.inverse.slice(1) : `This claim ${label.verb}`;
}
