import "server-only";
import { notFound, redirect } from "next/navigation";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { idSchema } from "@/lib/schemas";
import type { UserViewer } from "./authz";
import { getViewer } from "./viewer";

/** A page's `[id]` segment as a number; anything else is the 404 page. */
export function pageId(raw: string): number {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * Runs a read; a NotFoundError becomes the 404 page, and so does a malformed query value (a
 * cursor that was edited by hand) — pages never answer bad input with a 500.
 */
export async function or404<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ValidationError) notFound();
    throw error;
  }
}

/** A single query-string value from Next's searchParams (the last one when repeated). */
export function param(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/** The signed-in staff member, or a redirect to sign-in that comes back to `path`. */
export async function requireStaff(path: string): Promise<UserViewer> {
  const viewer = await getViewer();
  if (viewer.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return viewer;
}
