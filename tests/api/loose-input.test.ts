// Issue 12, items 3, 5, 14 and 15: what the edge refuses before any server code runs, always in
// the documented error shape, with nothing stored.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as requestCheck } from "@/app/api/claims/[id]/check-requests/route";
import { GET as getClaim } from "@/app/api/claims/[id]/route";
import { POST as createSource } from "@/app/api/sources/route";
import { POST as createSpeaker } from "@/app/api/speakers/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[id]/route";
import { PATCH as patchStory } from "@/app/api/stories/[id]/route";
import { POST as createStory } from "@/app/api/stories/route";
import type { Db } from "@/db/client";
import { JSON_BODY_LIMIT } from "@/server/http";
import { SOURCE_UPLOAD_LIMIT } from "@/server/source-upload";
import { num, seededApi, snapshot } from "../support/db";
import { call } from "../support/http";
import { refused } from "../support/refused";


let db: Db;
let fc: string;
let editor: string;
let claimId: number;

beforeAll(async () => {
  ({ db, factchecker: fc, editor } = await seededApi("factchecker", "editor"));
  claimId = await num(db, "SELECT min(id) FROM claims WHERE status = 'published'");
});

type Handler = Parameters<typeof call>[0];

/** Sends a raw body (call() always sends JSON as application/json). */
async function send(handler: Handler, url: string, init: RequestInit & { params?: Record<string, string>; token?: string }) {
  const { params = {}, token, headers, ...rest } = init;
  const h = new Headers(headers);
  if (token) h.set("authorization", `Bearer ${token}`);
  const response = await handler(new Request(new URL(url, "http://localhost"), { ...rest, headers: h, duplex: "half" } as RequestInit), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A body that arrives in chunks with no Content-Length, as a chunked upload would. */
function streamOf(bytes: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk, bytes - sent);
      sent += n;
      controller.enqueue(new TextEncoder().encode("a".repeat(n)));
    },
  });
}

describe("ids are canonical decimal only", () => {
  for (const id of ["0x10", "true", "[1]", " 1", "1 ", "00001", "1e0", "+1", "1.0", "-1"]) {
    it(`refuses the id ${JSON.stringify(id)} with a 400 naming the field`, async () => {
      await refused(db, patchStory, `/api/stories/${encodeURIComponent(id)}`, { method: "PATCH", token: editor, params: { id }, json: { title: "Moved", version: 1 } }, 400, ["id"]);
      const read = await call(getClaim, `/api/claims/${encodeURIComponent(id)}`, { params: { id } });
      expect(read.status).toBe(400);
      expect(read.body.error).toMatchObject({ code: "invalid", fields: { id: expect.any(String) } });
    });
  }
  it("refuses `1 ` on a deletion: no token is revoked", async () => {
    await refused(db, revokeToken, "/api/tokens/1%20", { method: "DELETE", token: fc, params: { id: "1 " } }, 400, ["id"]);
  });
  it("still takes a canonical id", async () => {
    expect((await call(getClaim, `/api/claims/${claimId}`, { params: { id: String(claimId) } })).status).toBe(200);
  });
  it("refuses a path that is not valid UTF-8 with a 400, not a 500", async () => {
    const res = await call(getClaim, "/api/claims/%ED%A0%80", { params: Promise.reject(new URIError("URI malformed")) as never });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid");
  });
});

describe("text holds no control characters and no lone surrogates", () => {
  it.each([
    ["a leading NUL", "\u0000Story"],
    ["an escape character", "Story \u001b[31m"],
    ["a lone surrogate", "Story \ud800"],
  ])("refuses %s with a 400 naming the field, nothing stored", async (_what, title) => {
    await refused(db, createStory, "/api/stories", { method: "POST", token: editor, json: { title } }, 400, ["title"]);
    await refused(db, createSpeaker, "/api/speakers", { method: "POST", token: fc, json: { name: title } }, 400, ["name"]);
  });
  it("names a nested field", async () => {
    const res = await refused(db, createStory, "/api/stories", { method: "POST", token: editor, json: { title: "Fine", description: "x\u0000" } }, 400, ["description"]);
    expect(res.body.error.message).toMatch(/description/);
  });
  it("keeps tab, newline and a whole emoji", async () => {
    const res = await call(createStory, "/api/stories", { method: "POST", token: editor, json: { title: "Tab\tand 🙂", description: "line\nline" } });
    expect(res.status).toBe(201);
  });
});

describe("JSON bodies need a JSON content type", () => {
  it("answers 415 to a text/plain body, nothing stored", async () => {
    const before = await snapshot(db, ["api_tokens"]);
    for (const type of ["text/plain", "application/x-www-form-urlencoded", ""]) {
      const res = await send(createStory, "/api/stories", { method: "POST", token: editor, headers: type ? { "content-type": type } : {}, body: JSON.stringify({ title: "Plain" }) });
      expect(res.status).toBe(415);
      expect(res.body.error).toMatchObject({ code: "unsupported_media_type", message: expect.stringMatching(/application\/json/) });
    }
    expect(await snapshot(db, ["api_tokens"])).toEqual(before);
  });
  it("accepts application/json with a charset and +json types", async () => {
    for (const type of ["application/json; charset=utf-8", "application/merge-patch+json"]) {
      const res = await send(createStory, "/api/stories", { method: "POST", token: editor, headers: { "content-type": type }, body: JSON.stringify({ title: `Typed ${type}` }) });
      expect(res.status).toBe(201);
    }
  });
});

describe("bodies have a size limit", () => {
  it("refuses a declared Content-Length over the limit before reading: 413 naming it", async () => {
    const res = await send(createStory, "/api/stories", { method: "POST", token: editor, headers: { "content-length": String(JSON_BODY_LIMIT + 1), "content-type": "application/json" }, body: streamOf(JSON_BODY_LIMIT + 1) });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "too_large", message: expect.stringContaining(String(JSON_BODY_LIMIT)) });
  });
  it("cuts off an anonymous streamed body at the limit without reading the rest", async () => {
    let pulled = 0;
    const huge = 100 * 1024 * 1024;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        if (pulled > huge) return controller.close();
        controller.enqueue(new Uint8Array(64 * 1024).fill(97));
      },
    });
    const before = await snapshot(db, ["api_tokens", "rate_limits"]);
    const res = await send(requestCheck, `/api/claims/${claimId}/check-requests`, { method: "POST", params: { id: String(claimId) }, headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(JSON_BODY_LIMIT + 4 * 64 * 1024);
    expect(await snapshot(db, ["api_tokens", "rate_limits"])).toEqual(before);
  });
  it("gives an upload its own, larger limit", async () => {
    const res = await send(createSource, "/api/sources", { method: "POST", token: fc, headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(SOURCE_UPLOAD_LIMIT + 1) }, body: streamOf(16) });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/MiB/);
  });
});

describe("auth endpoints", () => {
  const signIn = (headers: Record<string, string>) =>
    authPost(new Request("http://localhost/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json", host: "localhost", "x-counterpoint-peer": "10.9.0.1", ...headers }, body: JSON.stringify({ email: "editor@counterpoint.test", password: "demo-editor-pass" }) }));
  it("refuses a sign-in from a foreign origin in the error shape", async () => {
    const res = await signIn({ origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    const cross = await signIn({ "sec-fetch-site": "cross-site" });
    expect(cross.status).toBe(403);
  });
  it("keeps the session token in the cookie only", async () => {
    const res = await signIn({ origin: "http://localhost" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).not.toHaveProperty("token");
    expect(JSON.stringify(body)).not.toContain(res.headers.getSetCookie().find((c) => c.includes("session_token"))!.split("=")[1]!.split(".")[0]!);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });
  it("refuses a weak new password on change-password", async () => {
    const signedIn = await signIn({ origin: "http://localhost", "x-counterpoint-peer": "10.9.0.2" });
    const cookie = signedIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const change = (newPassword: string) =>
      authPost(new Request("http://localhost/api/auth/change-password", { method: "POST", headers: { "content-type": "application/json", host: "localhost", origin: "http://localhost", cookie }, body: JSON.stringify({ currentPassword: "demo-editor-pass", newPassword }) }));
    for (const weak of ["aaaaaaaaaa", "1234567890", "          "]) expect((await change(weak)).status).toBe(400);
  });
  it("refuses an auth body over 16 KiB with a 413", async () => {
    const res = await authPost(new Request("http://localhost/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json", host: "localhost", "content-length": String(20_000) }, body: "x".repeat(20_000) }));
    expect(res.status).toBe(413);
  });
});

describe("answers read with credentials are never shared", () => {
  it("sends a read with a session cookie, even an expired one, as private, no-store", async () => {
    const res = await call(getClaim, `/api/claims/${claimId}`, { params: { id: String(claimId) }, headers: { cookie: "counterpoint.session_token=expired.signature" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const token = await call(getClaim, `/api/claims/${claimId}`, { params: { id: String(claimId) }, token: fc });
    expect(token.headers.get("cache-control")).toBe("private, no-store");
    const anonymous = await call(getClaim, `/api/claims/${claimId}`, { params: { id: String(claimId) } });
    expect(anonymous.headers.get("cache-control")).toMatch(/^public/);
  });
});
