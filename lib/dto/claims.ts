/** Claims: the claim with its speaker, source, story, verdict and anchor; links between claims; disputes as pairs. */
import type { AnchorState, ClaimStatus, LinkKind } from "../model";
import type { SourceRef } from "./sources";
import type { SpeakerRef } from "./speakers";
import type { StoryRef } from "./stories";

export interface RatingDTO {
  id: number;
  key: string;
  label: string;
  description: string;
  colour: string;
  value: number | null;
  position: number;
}

/** W3C TextQuoteSelector + TextPositionSelector, in code points of the given revision. */
export interface AnchorDTO {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  revision: number;
  state: AnchorState;
}

export interface VerdictDTO {
  rating: RatingDTO;
  rationale: string | null;
}

export interface ClaimDTO {
  id: number;
  text: string;
  quote: string | null;
  status: ClaimStatus;
  statedOn: string | null;
  speaker: SpeakerRef & { affiliation: SpeakerRef | null };
  source: SourceRef | null;
  story: StoryRef | null;
  verdict: VerdictDTO | null;
  anchor: AnchorDTO | null;
  /**
   * "Quote changed in source": the words the claim's anchored span now holds when they differ
   * from `quote` (a revision edited the quoted passage). `quote` stays what was verified until a
   * person accepts the new words (POST /api/claims/{id}/quote); null when they agree.
   */
  quoteChanged: string | null;
  /** True when a `disputes` link touches this claim (visible to the viewer). */
  contested: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface LinkDTO {
  id: number;
  kind: LinkKind;
  /** outgoing: this claim → other; incoming: other → this claim. */
  direction: "outgoing" | "incoming";
  note: string | null;
  createdAt: string;
  claim: ClaimDTO;
}

export interface ClaimDetailDTO extends ClaimDTO {
  /** The first links of each group (counter-claims; the others), oldest first; the rest are paged (GET /api/claims/{id}/links). */
  links: LinkDTO[];
  /** How many links each group has in all. */
  linkCounts: { disputes: number; related: number };
  /** The quote in its source context (a few sentences around the span), when anchored. */
  context: { before: string; quote: string; after: string } | null;
}

/** A `disputes` link shown as two columns: the disputed claim and the counter-claim. */
export interface ContestedPairDTO {
  linkId: number;
  note: string | null;
  createdAt: string;
  claim: ClaimDTO;
  counter: ClaimDTO;
}
