/**
 * A paragraph-level comparison of two revisions of a source's text (for the revision page).
 * Paragraphs are separated by blank lines, as the importer writes them; a paragraph that changed
 * at all shows as removed (old wording) then added (new wording).
 *
 * The paragraphs are compared as sequences (lib/sequence-diff.ts). Pure: safe in the browser.
 */

import { type DiffPart, diffSequences } from "./sequence-diff";

export type { DiffOp, DiffPart } from "./sequence-diff";

/** The most LCS cells computed (4 million: 16 MB of Int32) before falling back. */
export const MAX_LCS_CELLS = 4_000_000;

/** The paragraphs of a text: split at blank lines; blank paragraphs are dropped. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim().length > 0);
}

/** Compares two texts paragraph by paragraph: every paragraph of both, in reading order. */
export function diffParagraphs(before: string, after: string, maxCells = MAX_LCS_CELLS): DiffPart[] {
  return diffSequences(splitParagraphs(before), splitParagraphs(after), maxCells);
}

/** How many paragraphs were added and removed. */
export function diffStats(parts: DiffPart[]): { added: number; removed: number; same: number } {
  const stats = { added: 0, removed: 0, same: 0 };
  for (const p of parts) stats[p.op]++;
  return stats;
}
