import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema";
import { withTx } from "@/db/tx";
import { getAuth } from "@/server/auth";
import type { Permission } from "@/server/authz";
import { addEvidence } from "@/server/reviews";
import { revokeApiToken } from "@/server/tokens";
import { createSeededDb, get, installDb, snapshot, tokenFor, viewerFor } from "../support/db";
import { call } from "../support/http";

/**
 * The authorization matrix: every mutating route, found by reading the route files (so a new
 * route cannot be forgotten), called by every kind of caller, and checked against the rights
 * the product gives each role — written out here independently of server/authz.ts.
 */
const API_DIR = path.join(process.cwd(), "app", "api");
const MUTATING = ["POST", "PATCH", "PUT", "DELETE"] as const;

/** The permission each mutating route must require. */
const EXPECTED: Record<string, Permission> = {
  "POST /api/sources": "content:write",
  "PATCH /api/sources/[id]": "content:write",
  "POST /api/sources/[id]/suggestions": "content:write",
  "POST /api/sources/[id]/suggestions/rejections": "content:write",
  "POST /api/sources/[id]/suggestions/accept": "content:write",
  "POST /api/sources/[id]/restore": "content:write",
  "POST /api/speakers": "content:write",
  "PATCH /api/speakers/[id]": "content:write",
  "POST /api/speakers/[id]/restore": "content:write",
  "POST /api/speakers/[id]/merge": "speakers:merge",
  "POST /api/stories": "content:write",
  "PATCH /api/stories/[id]": "content:write",
  "POST /api/claims": "content:write",
  "PATCH /api/claims/[id]": "content:write",
  "POST /api/claims/[id]/restore": "content:write",
  "POST /api/claims/[id]/quote": "content:write",
  "POST /api/claims/[id]/links": "content:write",
  "DELETE /api/links/[id]": "content:write",
  "POST /api/claims/[id]/evidence": "content:write",
  "DELETE /api/evidence/[id]": "content:write",
  "POST /api/claims/[id]/submit": "content:write",
  "POST /api/claims/[id]/reviews": "review:draft",
  "POST /api/claims/[id]/comments": "comment:write",
  "POST /api/claims/[id]/decision": "review:decide",
  "POST /api/reviews/[id]/decision": "review:decide",
  "POST /api/claims/[id]/archive": "claims:archive",
  "POST /api/claims/[id]/assign": "claims:assign",
  "POST /api/claims/[id]/check-requests": "public",
  "POST /api/users": "users:manage",
  "PATCH /api/users/[id]": "users:manage",
  "POST /api/ratings": "scale:manage",
  "PATCH /api/ratings/[id]": "scale:manage",
  "DELETE /api/ratings/[id]": "scale:manage",
  "POST /api/tokens": "tokens:own",
  "DELETE /api/tokens/[id]": "tokens:own",
  "POST /api/imports": "imports:run",
  "POST /api/sources/from-url": "content:write",
  "POST /api/imports/[id]/undo": "imports:run",
};

/**
 * Not part of our write path: better-auth's own endpoints (sign-in must be open), the JSON 404,
 * and /api/matches, a read that takes its text as a POST body when it is too long for a URL.
 */
const EXEMPT = new Set(["/api/auth/[...all]", "/api/[...path]", "/api/matches"]);

const FACTCHECKER: Permission[] = ["content:write", "review:draft", "comment:write", "tokens:own"];
const EDITOR: Permission[] = [...FACTCHECKER, "review:decide", "claims:archive", "claims:assign", "speakers:merge", "imports:run"];
const ADMIN: Permission[] = [...EDITOR, "users:manage", "scale:manage"];

/** `refused`: a bad credential (a revoked token) is refused with 401 everywhere, even on public routes. */
type Caller = { name: string; grants: Permission[]; anonymous: boolean; refused?: boolean; headers: () => Record<string, string> };

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

const routePath = (file: string) => `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`.replace(/\/$/, "");

let db: Db;
const ids: Record<string, string> = {};
const callers: Caller[] = [];
const routes: { key: string; path: string; method: string; handler: Parameters<typeof call>[0] & { permission?: Permission } }[] = [];

beforeAll(async () => {
  db = installDb(await createSeededDb());
  const one = async (sql: string) => String((await get<{ id: number | string }>(db, sql))!.id);
  const claimId = await one("SELECT id FROM claims WHERE status = 'published' ORDER BY id LIMIT 1");
  const editorToken = await tokenFor(db, "editor");
  await addEvidence(db, await viewerFor(db, "editor"), Number(claimId), { stance: "context", note: "", url: "https://example.org/e" });
  Object.assign(ids, {
    claims: claimId,
    sources: await one("SELECT id FROM sources ORDER BY id LIMIT 1"),
    speakers: await one("SELECT id FROM speakers ORDER BY id LIMIT 1"),
    stories: await one("SELECT id FROM stories ORDER BY id LIMIT 1"),
    links: await one("SELECT id FROM claim_links ORDER BY id LIMIT 1"),
    evidence: await one("SELECT id FROM evidence ORDER BY id LIMIT 1"),
    reviews: await one("SELECT id FROM reviews ORDER BY id LIMIT 1"),
    // A token nobody calls with, so revoking it cannot lock a caller out mid-matrix.
    tokens: (await tokenFor(db, "factchecker"), await one("SELECT id FROM api_tokens ORDER BY id DESC LIMIT 1")),
    users: await one("SELECT id FROM users ORDER BY created_at LIMIT 1"),
    ratings: await one("SELECT id FROM ratings ORDER BY id LIMIT 1"),
  });

  const revoked = await tokenFor(db, "admin");
  const revokedId = (await get<{ id: number }>(db, "SELECT id FROM api_tokens ORDER BY id DESC LIMIT 1"))!.id;
  await revokeApiToken(db, await viewerFor(db, "admin"), revokedId);

  // An expired session: sign in for real, then move the session's expiry into the past.
  const signIn = await (await getAuth(db)).api.signInEmail({
    body: { email: "factchecker@counterpoint.test", password: "demo-factchecker" },
    headers: new Headers({ host: "localhost", origin: "http://localhost" }),
    asResponse: true,
  });
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  expect(cookie).toContain("session_token");
  await withTx(db, async (tx) => {
    await tx.update(sessions).set({ expiresAt: new Date(Date.now() - 60_000) });
  });

  const bearer = (token: string) => () => ({ authorization: `Bearer ${token}` });
  callers.push(
    { name: "anonymous", grants: [], anonymous: true, headers: () => ({}) },
    { name: "fact-checker", grants: FACTCHECKER, anonymous: false, headers: bearer(await tokenFor(db, "factchecker")) },
    { name: "editor", grants: EDITOR, anonymous: false, headers: bearer(editorToken) },
    { name: "admin", grants: ADMIN, anonymous: false, headers: bearer(await tokenFor(db, "admin")) },
    { name: "revoked token", grants: [], anonymous: true, refused: true, headers: bearer(revoked) },
    { name: "expired session", grants: [], anonymous: true, headers: () => ({ cookie, origin: "http://localhost" }) },
  );

  for (const file of routeFiles().sort()) {
    const p = routePath(file);
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of MUTATING) {
      const handler = mod[method];
      // A method the route does not serve answers 405 (tests/api/openapi-examples.test.ts).
      if (typeof handler !== "function" || (handler as { notAllowed?: true }).notAllowed) continue;
      if (EXEMPT.has(p)) continue;
      routes.push({ key: `${method} ${p}`, path: p, method, handler: handler as (typeof routes)[number]["handler"] });
    }
  }
});

function paramsFor(p: string): Record<string, string> {
  const segments = p.split("/");
  const params: Record<string, string> = {};
  segments.forEach((s, i) => {
    if (s === "[id]") params.id = ids[segments[i - 1]!]!;
    if (s === "[revision]") params.revision = "1";
  });
  return params;
}

describe("the authorization matrix", () => {
  it("knows every mutating route, and each declares the permission the product gives it", () => {
    const found = routes.map((r) => r.key).sort();
    expect(found).toEqual(Object.keys(EXPECTED).sort());
    for (const r of routes) expect(r.handler.permission, r.key).toBe(EXPECTED[r.key]);
  });

  it("allows and denies every route for every caller, and denied calls change nothing", async () => {
    let cases = 0;
    // Denied callers first: an allowed call may change data (deleting a link), which must not
    // change how a later caller is judged — authorization comes before any lookup.
    const ordered = [...callers].sort((a, b) => a.grants.length - b.grants.length);
    for (const route of routes) {
      for (const caller of ordered) {
        const permission = EXPECTED[route.key]!;
        const allowed = !caller.refused && (permission === "public" || caller.grants.includes(permission));
        const before = allowed ? null : await snapshot(db, ["api_tokens", "sessions"]);
        const res = await call(route.handler, route.path, { method: route.method, params: paramsFor(route.path), headers: caller.headers(), json: {} });
        const label = `${caller.name} ${route.key} → ${res.status} ${JSON.stringify(res.body)}`;
        if (allowed) {
          expect([401, 403], label).not.toContain(res.status);
        } else {
          expect(res.status, label).toBe(caller.anonymous ? 401 : 403);
          expect(await snapshot(db, ["api_tokens", "sessions"]), label).toEqual(before);
        }
        cases++;
      }
    }
    expect(cases).toBe(routes.length * callers.length);
    console.log(`authorization matrix: ${routes.length} mutating routes × ${callers.length} callers = ${cases} cases`);
  });
});
