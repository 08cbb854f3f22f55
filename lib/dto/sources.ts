/** Sources: their metadata and text, their revisions, and what re-anchoring did on a revision. */
import type { SourceKind } from "../model";

/** What re-anchoring did to a source's claims when its text was revised. */
export interface ReanchorReport {
  revision: number;
  /** Claims found in the new text (by position, exact or fuzzy match). */
  anchored: number;
  /** …of which at another place than before. */
  moved: number;
  /** …of which by an approximate match (the quote itself was edited). */
  fuzzy: number;
  /** Claims whose quote this revision removed: newly orphaned. */
  orphaned: number;
  /** Claims already orphaned by an earlier revision and still not found. */
  stillOrphaned: number;
  /** Earlier orphans whose quote this revision brought back. */
  reattached: number;
  /**
   * Claims whose anchor now lies on words other than their quote (the revision edited the quoted
   * passage): each keeps its quote and waits for a person to accept the new words or keep it.
   */
  quoteChanged: QuoteChangeDTO[];
}

/** A claim whose quote and anchored span differ: what it quotes and what the source now says. */
export interface QuoteChangeDTO {
  claimId: number;
  text: string;
  quote: string;
  proposed: string;
}

export interface RevisionDTO {
  revision: number;
  note: string | null;
  author: { id: string; name: string };
  createdAt: string;
  /** Length of the text in code points. */
  length: number;
}

export interface SourceRef {
  id: number;
  title: string;
  kind: SourceKind;
  publisher: string | null;
  url: string | null;
  publishedOn: string | null;
}

export interface SourceSummaryDTO extends SourceRef {
  author: string | null;
  language: string;
  revision: number;
  /** Whether readers may see the whole text (set by an editor); otherwise only the published claims in context. */
  publishable: boolean;
  claimCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SourceDTO extends SourceSummaryDTO {
  text: string;
  /** Length of `text` in code points (the unit of every anchor offset). */
  length: number;
  /** True for a reader when the source is not publishable: `text` is then empty. */
  textWithheld: boolean;
}
