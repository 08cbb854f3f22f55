import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, sessions, users } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { MIN_PASSWORD_LENGTH, type UserDTO } from "@/lib/admin-schemas";
import type { Role } from "@/lib/model";
import { recordEvent } from "./events";
import { IMMEDIATE } from "./write-support";

export type { UserDTO };

function toDTO(row: typeof users.$inferSelect): UserDTO {
  return { id: row.id, name: row.name, email: row.email, role: row.role, active: row.active, createdAt: row.createdAt.toISOString() };
}

export { MIN_PASSWORD_LENGTH };

/**
 * Creates an account that signs in with email and password: the user and its credential (the
 * password hashed by better-auth's scrypt) in one transaction, with an audit event.
 */
export async function createUser(db: Db, actor: string, input: { email: string; name: string; role: Role; password: string }): Promise<UserDTO> {
  const email = input.email.trim().toLowerCase();
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new ValidationError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`, { password: `at least ${MIN_PASSWORD_LENGTH} characters` });
  const hash = await hashPassword(input.password);
  return db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(sql`${users.email} = ${email} COLLATE NOCASE`).get()) {
      throw new ConflictError(`An account with the email ${email} exists already.`);
    }
    const now = new Date();
    const row = tx.insert(users).values({ id: randomUUID(), email, name: input.name.trim(), role: input.role, emailVerified: true, createdAt: now, updatedAt: now }).returning().get();
    tx.insert(accounts).values({ id: randomUUID(), accountId: row.id, providerId: "credential", userId: row.id, password: hash, createdAt: now, updatedAt: now }).run();
    recordEvent(tx, { actor, entityType: "user", entityId: row.id, action: "create", after: { ...toDTO(row) } });
    return toDTO(row);
  }, IMMEDIATE);
}

export function listUsers(db: Db): UserDTO[] {
  return db.select().from(users).orderBy(asc(users.name)).all().map(toDTO);
}

export function getUser(db: Db, id: string): UserDTO {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new NotFoundError(`No user with id ${id}.`);
  return toDTO(row);
}

export function findUserByEmail(db: Db, email: string): UserDTO | null {
  const row = db.select().from(users).where(sql`${users.email} = ${email.trim()} COLLATE NOCASE`).get();
  return row ? toDTO(row) : null;
}

/** Changes a user's role or deactivates them (their sessions end at once). */
export function updateUser(db: Db, actor: string, id: string, input: { role?: Role; active?: boolean; name?: string }): UserDTO {
  return db.transaction((tx) => {
    const before = tx.select().from(users).where(eq(users.id, id)).get();
    if (!before) throw new NotFoundError(`No user with id ${id}.`);
    if (actor === id && (input.active === false || (input.role !== undefined && input.role !== "admin"))) {
      throw new ValidationError("You cannot remove your own admin rights or deactivate yourself.", { [input.active === false ? "active" : "role"]: "not on your own account" });
    }
    const after = tx
      .update(users)
      .set({ role: input.role ?? before.role, active: input.active ?? before.active, name: input.name?.trim() || before.name, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning()
      .get();
    if (input.active === false) tx.delete(sessions).where(eq(sessions.userId, id)).run();
    recordEvent(tx, { actor, entityType: "user", entityId: id, action: "update", before: { ...toDTO(before) }, after: { ...toDTO(after) } });
    return toDTO(after);
  }, IMMEDIATE);
}
