/**
 * The work that may take long for a long input, as pure functions of plain data: what
 * server/offload.ts runs on a worker thread, so a request that asks for it never holds up the
 * others. Inputs and results cross threads by structured clone (plain objects, arrays, Maps).
 * No database and no Node APIs here, but for the one database task of ./db-tasks.ts (indexing a
 * long source's passages for search on the worker's own SQLite connection).
 */
import { reanchor, reanchorAll, type ReanchorResult, type TextAnchor } from "../anchoring";
import type { SiteInfo } from "../claimreview";
import { readClaimReviews } from "../interchange/claimreview-read";
import { readClaimsCsv } from "../interchange/claims-csv";
import type { ParsedItem } from "../interchange/incoming";
import { FileRefusal } from "../interchange/json-ld";
import { readLiarTsv } from "../interchange/liar";
import type { ScaleEntry } from "../interchange/verdicts";
import { diffParagraphs } from "../paragraph-diff";
import { indexPassages } from "./db-tasks";
import { type KnownSpeaker, suggestClaims, type Suggestion } from "../suggest";

export interface ReanchorPlanInput {
  oldText: string;
  newText: string;
  /** Anchored to `oldText`: placed through the diff of the two texts. */
  current: TextAnchor[];
  /** Orphans of older revisions: searched for in `newText` on their own. */
  orphans: TextAnchor[];
}

export interface ReadImportInput {
  format: "claimreview" | "csv" | "liar";
  content: string;
  scale: ScaleEntry[];
  ratingMap?: Record<string, string>;
  site: SiteInfo | null;
}

export const tasks = {
  suggest: (input: { text: string; knownSpeakers: KnownSpeaker[] }): Suggestion[] => suggestClaims(input.text, { knownSpeakers: input.knownSpeakers }),
  reanchorAll: (input: { oldText: string; newText: string; anchors: TextAnchor[] }): ReanchorResult[] => reanchorAll(input.oldText, input.newText, input.anchors),
  reanchorPlan: (input: ReanchorPlanInput): { current: ReanchorResult[]; orphans: ReanchorResult[] } => ({
    current: input.current.length > 0 ? reanchorAll(input.oldText, input.newText, input.current) : [],
    orphans: input.orphans.map((a) => reanchor(input.newText, a)),
  }),
  diffParagraphs: (input: { before: string; after: string }) => diffParagraphs(input.before, input.after),
  indexPassages,
  readImport: (input: ReadImportInput): ParsedItem[] => {
    const options = { scale: input.scale, ratingMap: input.ratingMap, site: input.site };
    switch (input.format) {
      case "claimreview":
        return readClaimReviews(input.content, options);
      case "csv":
        return readClaimsCsv(input.content, { ...options, siteUrl: input.site?.url ?? null });
      case "liar":
        return readLiarTsv(input.content);
    }
  },
};

export type Tasks = typeof tasks;
export type TaskName = keyof Tasks;

/** A task's failure as it crosses threads: a file the importer refuses, or anything else. */
export type TaskFailure = { kind: "refusal" | "error"; message: string };

export function describeFailure(error: unknown): TaskFailure {
  return { kind: error instanceof FileRefusal ? "refusal" : "error", message: error instanceof Error ? error.message : String(error) };
}

/** A message to the worker, and what it sends back for it. */
export type TaskRequest = { id: number; name: TaskName; input: unknown };
export type TaskReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; failure: TaskFailure };
