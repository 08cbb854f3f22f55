/**
 * What a new password must be: at least MIN_PASSWORD_LENGTH characters, not all blank, not one
 * character or a short pattern repeated, not a run such as 1234567890 or abcdefghij, and not one
 * of the most common passwords (lib/common-passwords.ts, shipped with the app). Pure: the admin
 * form shows the same reason the server gives.
 */
import { COMMON_PASSWORDS } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

const common = new Set(COMMON_PASSWORDS);

/** A run of characters each one up or down from the last (`1234567890`, `zyxwvutsrq`). */
function isRun(text: string): boolean {
  const codes = [...text.toLowerCase()].map((c) => (c === "0" ? 58 : c.codePointAt(0)!));
  const step = codes[1]! - codes[0]!;
  if (Math.abs(step) !== 1) return false;
  return codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

/** Why `password` may not be used, or null when it may. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must have at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim() === "") return "must not be only spaces";
  if (new Set(password.toLowerCase()).size < 4) return "must use more than a few different characters";
  if (isRun(password)) return "must not be a run of consecutive characters";
  if (common.has(password.toLowerCase()) || common.has(password.toLowerCase().trim())) return "is one of the most common passwords; choose another";
  return null;
}
