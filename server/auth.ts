import "server-only";
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { DEMO_PASSWORDS } from "@/lib/demo-accounts";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/password-policy";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { eq } from "drizzle-orm";
import { authDatabase, hashSessionTokens } from "@/db/auth-database";
import { type Db, getDb } from "@/db/client";
import { withTx } from "@/db/tx";
import { demoMode } from "./demo-mode";
import { consumeRateLimit, type RateRule } from "./rate-limit";
import { accounts, sessions, settings, users, verifications } from "@/db/schema";

/** The header the auth route sets to the client's address as server/forwarding.ts decides it. */
export const CLIENT_ADDRESS_HEADER = "x-counterpoint-client";

/**
 * Sign-in attempts per account, from any address: slower than the per-address limit, so an
 * attacker rotating addresses gets 10 guesses a quarter hour at one account, and one address
 * that exhausts its own limit locks out nobody else.
 */
export const ACCOUNT_SIGN_IN_RULE: RateRule = { window: 15 * 60, max: 10 };

/** Sessions last a week and are extended once a day while in use. */
const SESSION_SECONDS = 7 * 24 * 60 * 60;

/**
 * The secret that signs session cookies: COUNTERPOINT_AUTH_SECRET (or BETTER_AUTH_SECRET) when
 * set, else one generated on first use and kept in the settings table, so `npm start` needs no
 * configuration and sessions survive restarts.
 */
export async function authSecret(db: Db): Promise<string> {
  const fromEnv = process.env.COUNTERPOINT_AUTH_SECRET ?? process.env.BETTER_AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const read = async () => (await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "auth_secret")))[0];
  const stored = await read();
  if (stored) return JSON.parse(stored.value) as string;
  // Several app servers may start at once: the first insert wins and every one reads it back.
  await withTx(db, async (tx) => {
    await tx.insert(settings).values({ key: "auth_secret", value: JSON.stringify(randomBytes(32).toString("base64url")) }).onConflictDoNothing();
  });
  return JSON.parse((await read())!.value) as string;
}

function createAuth(db: Db, secret: string) {
  const adapter = authDatabase(db);
  const publicUrl = process.env.COUNTERPOINT_URL;
  return betterAuth({
    appName: "Counterpoint",
    secret,
    // A fixed public URL when configured; otherwise the host each request came to, so the app
    // works on any port. Origin checks then accept only the page's own origin.
    baseURL: publicUrl ?? {
      allowedHosts: (process.env.COUNTERPOINT_ALLOWED_HOSTS ?? "*").split(","),
      protocol: "auto",
      fallback: `http://localhost:${process.env.PORT ?? 3000}`,
    },
    // Session tokens are kept hashed at rest (see hashSessionTokens).
    database: hashSessionTokens(
      drizzleAdapter(adapter.db, {
        provider: adapter.provider,
        schema: { user: users, session: sessions, account: accounts, verification: verifications },
      }),
    ),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by admins (or `npm run user:create`), never by self-service sign-up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: true, defaultValue: "factchecker", input: false },
        active: { type: "boolean", required: true, defaultValue: true, input: false },
      },
    },
    session: { expiresIn: SESSION_SECONDS, updateAge: 24 * 60 * 60 },
    // A new password (changed or reset) meets the same policy as one an admin sets.
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/sign-in/email") {
          // Per account, whatever address the attempts come from (the per-address limit ran before).
          const email = (ctx.body as { email?: unknown } | undefined)?.email;
          if (typeof email === "string") {
            const decision = await consumeRateLimit(db, `sign-in-account:${email.trim().toLowerCase()}`, ACCOUNT_SIGN_IN_RULE);
            if (!decision.allowed) {
              throw new APIError("TOO_MANY_REQUESTS", { message: `Too many sign-in attempts for this account; try again in ${Math.ceil(decision.retryAfter! / 60)} minutes.` }, { "Retry-After": String(decision.retryAfter) });
            }
          }
          // The demo passwords are in the README: outside demo mode they open nothing.
          const password = (ctx.body as { password?: unknown } | undefined)?.password;
          if (typeof password === "string" && DEMO_PASSWORDS.has(password) && !(await demoMode(db))) {
            throw new APIError("UNAUTHORIZED", { message: "Demo passwords work only in demo mode; ask an admin for an account." });
          }
          return;
        }
        if (ctx.path !== "/change-password" && ctx.path !== "/reset-password" && ctx.path !== "/set-password") return;
        const body = ctx.body as { newPassword?: unknown } | undefined;
        const problem = typeof body?.newPassword === "string" ? passwordProblem(body.newPassword) : null;
        if (problem) throw new APIError("BAD_REQUEST", { message: `The new password ${problem}.` });
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account cannot open a session.
          before: async (session) => {
            const [user] = await db.select({ active: users.active }).from(users).where(eq(users.id, session.userId));
            if (!user?.active) throw new APIError("FORBIDDEN", { message: "This account is deactivated." });
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      // Sign-in: at most 5 attempts a minute per client address (and ACCOUNT_SIGN_IN_RULE per
      // account, in the hook above). The address is the one server/forwarding.ts decided, passed
      // in CLIENT_ADDRESS_HEADER by the auth route; a client's own copy of it is replaced.
      customRules: { "/sign-in/email": { window: 60, max: 5 } },
      // Counted in the database, so every app server (and a restarted one) sees the same counts.
      customStorage: { consume: (key: string, rule: RateRule) => consumeRateLimit(db, key, rule) },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      cookiePrefix: "counterpoint",
      // Secure cookies in production (browsers accept them on localhost too); a plain-HTTP
      // install on a LAN address must opt out explicitly.
      ...(process.env.COUNTERPOINT_INSECURE_COOKIES === "1" ? { useSecureCookies: false } : {}),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { counterpointAuth?: { db: Db; auth: Promise<Auth> } };

/** The better-auth instance for the process's database (made on first use, never at import). */
export function getAuth(db: Db = getDb()): Promise<Auth> {
  if (globalForAuth.counterpointAuth?.db !== db) globalForAuth.counterpointAuth = { db, auth: authSecret(db).then((secret) => createAuth(db, secret)) };
  return globalForAuth.counterpointAuth.auth;
}
