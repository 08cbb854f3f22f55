import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { apiTokens, users } from "@/db/schema";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { ApiTokenDTO, NewApiTokenDTO } from "@/lib/admin-schemas";
import type { Viewer } from "@/lib/model";
import type { UserViewer } from "./authz";
import { recordEvent } from "./events";

const TOKEN_PREFIX = "cp_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type { ApiTokenDTO };

function toDTO(row: typeof apiTokens.$inferSelect): ApiTokenDTO {
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, expiresAt: row.expiresAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}

/** Creates a token for the viewer; the secret is returned once and only its hash is kept. */
export async function createApiToken(db: Db, viewer: UserViewer, input: { name: string; expiresAt?: string | null }): Promise<NewApiTokenDTO> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return withTx(db, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: viewer.id, name: input.name, prefix: token.slice(0, 10), tokenHash: hashToken(token), expiresAt: input.expiresAt ?? null })
      .returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "token", entityId: row!.id, action: "create", after: toDTO(row!) as unknown as Record<string, unknown> });
    return { ...toDTO(row!), token };
  });
}

export async function listApiTokens(db: Db, viewer: UserViewer): Promise<ApiTokenDTO[]> {
  return listUserApiTokens(db, viewer.id);
}

/** Every token of one user, newest first (the caller decides who may see them). */
export async function listUserApiTokens(db: Db, userId: string): Promise<ApiTokenDTO[]> {
  return (await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.id))).map(toDTO);
}

/** Revokes one of the viewer's own tokens (admins may revoke anyone's). */
export async function revokeApiToken(db: Db, viewer: UserViewer, id: number): Promise<ApiTokenDTO> {
  return withTx(db, async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id));
    if (!row || (row.userId !== viewer.id && viewer.role !== "admin")) throw new NotFoundError(`No API token with id ${id}.`);
    if (row.revokedAt) return toDTO(row);
    const [after] = await tx.update(apiTokens).set({ revokedAt: new Date().toISOString() }).where(eq(apiTokens.id, id)).returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "token", entityId: id, action: "revoke", before: toDTO(row) as unknown as Record<string, unknown>, after: toDTO(after!) as unknown as Record<string, unknown> });
    return toDTO(after!);
  });
}

/**
 * The viewer a bearer token stands for: its user, with the user's current role. A token that
 * is unknown, revoked, expired or belongs to a deactivated user is refused with 401 — never
 * silently treated as anonymous.
 */
export async function viewerFromToken(db: Db, token: string): Promise<Viewer> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  const now = new Date().toISOString();
  if (!row || !row.user.active || (row.token.expiresAt !== null && row.token.expiresAt <= now)) {
    throw new UnauthenticatedError("The API token is unknown, revoked or expired.");
  }
  // Last use to the minute: a token used many times a second writes once a minute, not per request.
  if (row.token.lastUsedAt === null || row.token.lastUsedAt.slice(0, 16) !== now.slice(0, 16)) {
    await withTx(db, async (tx) => {
      await tx.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
    });
  }
  return { kind: "user", id: row.user.id, name: row.user.name, role: row.user.role };
}
