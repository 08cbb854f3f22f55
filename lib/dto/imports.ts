import type { ImportFormat, ImportState } from "@/lib/model";

/** What happened (or, in a dry run, would happen) to one item of an imported file. */
export type ImportOutcome = "created" | "updated" | "unchanged" | "refused";

export interface ImportReportItem {
  /** "line 12", "item 3", "script 2, item 1". */
  ref: string;
  outcome: ImportOutcome;
  claimId?: number;
  reason?: string;
  notes?: string[];
}

export interface ImportReport {
  items: ImportReportItem[];
  /** Verdicts not on our scale: those claims were kept as drafts, for a person to map and import again. */
  unmappedVerdicts: { label: string; count: number; refs: string[] }[];
  /** New speakers, stories and sources made for the claims. */
  made: { speakers: number; stories: number; sources: number };
}

export interface ImportDTO {
  id: number;
  format: ImportFormat;
  state: ImportState;
  dryRun: boolean;
  filename: string | null;
  actor: string;
  total: number;
  processed: number;
  counts: { created: number; updated: number; unchanged: number; refused: number };
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
  /** Present once the import has finished. */
  report: ImportReport | null;
}
