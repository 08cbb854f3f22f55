// Issue 12, item 11: the README's demo passwords open nothing outside demo mode.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import type { Db } from "@/db/client";
import { createSeededDb, installDb, run } from "../support/db";
import { createUser } from "@/server/users";

let db: Db;
beforeAll(async () => {
  db = installDb(await createSeededDb());
  await createUser(db, "system:test", { email: "real.admin@example.org", name: "Real Admin", role: "admin", password: "tulip-harbour-77" });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

let ip = 0;
const signIn = (email: string, password: string) =>
  authPost(
    new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", host: "localhost", origin: "http://localhost", "x-counterpoint-peer": `10.77.0.${++ip}` },
      body: JSON.stringify({ email, password }),
    }),
  );

describe("demo mode", () => {
  it("lets the demo accounts sign in when demo data was seeded, even in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    expect((await signIn("admin@counterpoint.test", "demo-admin-pass")).status).toBe(200);
  });

  it("refuses a demo password in production when the database was not seeded with demo data", async () => {
    await run(db, "DELETE FROM settings WHERE key = 'demo_mode'");
    vi.stubEnv("NODE_ENV", "production");
    const res = await signIn("admin@counterpoint.test", "demo-admin-pass");
    expect(res.status).toBe(401);
    expect(JSON.stringify(await res.json())).toMatch(/demo mode/);
    // A real account is unaffected.
    expect((await signIn("real.admin@example.org", "tulip-harbour-77")).status).toBe(200);
  });
});
