import "server-only";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { Role, Viewer } from "@/lib/model";

/**
 * What each role may do — the one place authorization is decided. Every mutating route names
 * the permission it needs (see `mutationRoute` in server/http.ts); the authorization matrix test
 * reads those declarations from the route files.
 */
export const PERMISSIONS = [
  "content:write", // sources, speakers, stories, claims, links, evidence; submit for review
  "review:draft", // propose a verdict
  "comment:write", // discuss a claim
  "tokens:own", // create and revoke one's own API tokens
  "review:decide", // approve or return a review
  "claims:archive",
  "claims:assign",
  "speakers:merge",
  "users:manage",
  "scale:manage",
  "imports:run", // import files (published claims with verdicts), undo imports, export everything
] as const;
export type Permission = (typeof PERMISSIONS)[number] | "public";

const FACTCHECKER: Permission[] = ["content:write", "review:draft", "comment:write", "tokens:own"];
const EDITOR: Permission[] = [...FACTCHECKER, "review:decide", "claims:archive", "claims:assign", "speakers:merge", "imports:run"];
const ADMIN: Permission[] = [...EDITOR, "users:manage", "scale:manage"];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  factchecker: new Set(FACTCHECKER),
  editor: new Set(EDITOR),
  admin: new Set(ADMIN),
};

export type UserViewer = Extract<Viewer, { kind: "user" }>;

export function can(viewer: Viewer, permission: Permission): boolean {
  if (permission === "public") return true;
  return viewer.kind === "user" && GRANTS[viewer.role].has(permission);
}

/** Throws 401 for anonymous callers and 403 for users whose role lacks the permission. */
export function authorize(viewer: Viewer, permission: Permission): asserts viewer is UserViewer {
  if (permission === "public") return;
  if (viewer.kind === "anonymous") throw new UnauthenticatedError("Sign in (or send an API token) to do this.");
  if (!GRANTS[viewer.role].has(permission)) throw new ForbiddenError(`A ${viewer.role} may not do this (needs ${permission}).`);
}

/** The actor recorded in the audit log. */
export function actorOf(viewer: Viewer): string {
  return viewer.kind === "user" ? viewer.id : "anonymous";
}
