import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { equalsNocase } from "@/db/sql";
import { withTx } from "@/db/tx";
import { accounts, sessions, users } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { MIN_PASSWORD_LENGTH, type UserDTO } from "@/lib/admin-schemas";
import { passwordProblem } from "@/lib/password-policy";
import type { Role } from "@/lib/model";
import { recordEvent } from "./events";

export type { UserDTO };

/**
 * A user's version is the millisecond of its last change: better-auth owns the users table and
 * bumps updatedAt on its own writes, so that is the one value every writer moves. Our writes
 * move it by at least one millisecond, so two edits in the same instant still differ.
 */
function toDTO(row: typeof users.$inferSelect): UserDTO {
  return { id: row.id, name: row.name, email: row.email, role: row.role, active: row.active, createdAt: row.createdAt.toISOString(), version: row.updatedAt.getTime() };
}

export { MIN_PASSWORD_LENGTH };

/**
 * Creates an account that signs in with email and password: the user and its credential (the
 * password hashed by better-auth's scrypt) in one transaction, with an audit event.
 */
export async function createUser(db: Db, actor: string, input: { email: string; name: string; role: Role; password: string }): Promise<UserDTO> {
  const email = input.email.trim().toLowerCase();
  const problem = passwordProblem(input.password);
  if (problem) throw new ValidationError(`The password ${problem}.`, { password: problem });
  const hash = await hashPassword(input.password);
  return withTx(db, async (tx) => {
    if ((await tx.select({ id: users.id }).from(users).where(equalsNocase(users.email, email))).length > 0) {
      throw new ConflictError(`An account with the email ${email} exists already.`);
    }
    const now = new Date();
    const [row] = await tx.insert(users).values({ id: randomUUID(), email, name: input.name.trim(), role: input.role, emailVerified: true, createdAt: now, updatedAt: now }).returning();
    await tx.insert(accounts).values({ id: randomUUID(), accountId: row!.id, providerId: "credential", userId: row!.id, password: hash, createdAt: now, updatedAt: now });
    await recordEvent(tx, { actor, entityType: "user", entityId: row!.id, action: "create", after: { ...toDTO(row!) } });
    return toDTO(row!);
  });
}

export async function listUsers(db: Db): Promise<UserDTO[]> {
  return (await db.select().from(users).orderBy(asc(users.name))).map(toDTO);
}

export async function getUser(db: Db, id: string): Promise<UserDTO> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new NotFoundError(`No user with id ${id}.`);
  return toDTO(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserDTO | null> {
  const [row] = await db.select().from(users).where(equalsNocase(users.email, email.trim()));
  return row ? toDTO(row) : null;
}

/**
 * Changes a user's role or deactivates them (their sessions end at once), if `version` is still
 * current: two admins editing one account cannot overwrite each other (409 with the current state).
 */
export async function updateUser(db: Db, actor: string, id: string, input: { role?: Role; active?: boolean; name?: string; version: number }): Promise<UserDTO> {
  return withTx(db, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id));
    if (!before) throw new NotFoundError(`No user with id ${id}.`);
    if (before.updatedAt.getTime() !== input.version) {
      throw new ConflictError(`The user ${before.email} was changed by someone else since you loaded it; review the current values and try again.`, toDTO(before));
    }
    if (actor === id && (input.active === false || (input.role !== undefined && input.role !== "admin"))) {
      throw new ValidationError("You cannot remove your own admin rights or deactivate yourself.", { [input.active === false ? "active" : "role"]: "not on your own account" });
    }
    const [after] = await tx
      .update(users)
      .set({ role: input.role ?? before.role, active: input.active ?? before.active, name: input.name?.trim() || before.name, updatedAt: new Date(Math.max(Date.now(), before.updatedAt.getTime() + 1)) })
      .where(eq(users.id, id))
      .returning();
    if (input.active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordEvent(tx, { actor, entityType: "user", entityId: id, action: "update", before: { ...toDTO(before) }, after: { ...toDTO(after!) } });
    return toDTO(after!);
  });
}
