// Issue 12, items 9 and 17: credentials make any answer private; HSTS over HTTPS only.
import { describe, expect, it } from "vitest";
import { carriesCredentials } from "@/lib/credentials";
import { hsts, pageCacheControl } from "@/lib/page-headers";

const page = new URL("http://localhost/claims/1");

describe("page caching", () => {
  it("lets shared caches keep an anonymous reader's page", () => {
    expect(pageCacheControl(new Headers(), page)).toMatch(/^public/);
  });
  it.each([
    ["a bearer token", { authorization: "Bearer cp_anything" }],
    ["a basic header", { authorization: "Basic eDp5" }],
    ["a session cookie", { cookie: "counterpoint.session_token=abc" }],
    ["a secure session cookie among others", { cookie: "theme=dark; __Secure-counterpoint.session_token=abc" }],
  ])("makes a page requested with %s private, no-store", (_what, headers) => {
    expect(carriesCredentials(new Headers(headers))).toBe(true);
    expect(pageCacheControl(new Headers(headers), page)).toBe("private, no-store");
  });
  it("does not mistake another cookie for a session", () => {
    expect(carriesCredentials(new Headers({ cookie: "not-counterpoint.session_tokenx=1" }))).toBe(false);
  });
});

describe("HSTS", () => {
  it("is sent over HTTPS", () => {
    expect(hsts(new URL("https://example.org/"), undefined)).toMatch(/max-age=\d{8}/);
    expect(hsts(new URL("http://127.0.0.1:3000/"), "https://facts.example.org")).toMatch(/max-age/);
  });
  it("is not sent over plain HTTP", () => {
    expect(hsts(new URL("http://localhost:3000/"), undefined)).toBeNull();
    expect(hsts(new URL("https://localhost/"), "http://localhost:3000")).toBeNull();
  });
});
