import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Third-party data (PolNeAR, LIAR, the seed articles, the W3C and ClaimReview schemas) lives
 * outside the repository in a sibling folder named `shared`, or wherever COUNTERPOINT_SHARED_DIR
 * points. It is never copied into the repo. A fresh clone has none: callers skip with a message.
 */
export const sharedDir = path.resolve(process.env.COUNTERPOINT_SHARED_DIR ?? path.join(process.cwd(), "..", "shared"));

/** Absolute path of `relative` inside the shared folder, or null when it is absent. */
export function sharedPath(relative: string): string | null {
  const full = path.join(sharedDir, relative);
  return existsSync(full) ? full : null;
}

/** The message tests and scripts print when shared data is missing. */
export function missingShared(relative: string): string {
  return `skipped: ${relative} not found under ${sharedDir} (set COUNTERPOINT_SHARED_DIR to the folder holding the shared data)`;
}
