/**
 * The editorial state machine of a claim. Pure, so the UI can offer only legal actions and the
 * server can refuse illegal ones (409) from the same table.
 *
 *   draft ──submit──▶ in_review ──approve──▶ published ──archive──▶ archived
 *                        │  ▲
 *                  return│  │submit (after edits)
 *                        ▼  │
 *                      returned ──archive──▶ archived
 */
import type { ClaimStatus } from "./model";

export const CLAIM_ACTIONS = ["submit", "approve", "return", "archive"] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

export const TRANSITIONS: Record<ClaimAction, { from: readonly ClaimStatus[]; to: ClaimStatus; label: string; commentRequired: boolean }> = {
  submit: { from: ["draft", "returned"], to: "in_review", label: "Submit for review", commentRequired: false },
  approve: { from: ["in_review"], to: "published", label: "Approve and publish", commentRequired: false },
  return: { from: ["in_review"], to: "returned", label: "Return with a comment", commentRequired: true },
  archive: { from: ["published", "returned"], to: "archived", label: "Archive", commentRequired: false },
};

/** The state `action` leads to from `status`, or null when the transition is illegal. */
export function nextStatus(status: ClaimStatus, action: ClaimAction): ClaimStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Actions legal from `status`. */
export function legalActions(status: ClaimStatus): ClaimAction[] {
  return CLAIM_ACTIONS.filter((a) => nextStatus(status, a) !== null);
}
