import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { OPERATIONS } from "@/server/openapi";
import { createSeededDb, get, installDb, tokenFor } from "../support/db";
import { call } from "../support/http";

const API_DIR = path.join(process.cwd(), "app", "api");
const EXEMPT = new Set(["/api/auth/[...all]", "/api/[...path]"]);

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

let admin: string;

beforeAll(async () => {
  const db = installDb(await createSeededDb());
  admin = await tokenFor(db, "admin");
  // Each path id names a row that exists, so a route that looks its row up before reading the body still gets to the body.
  for (const [prefix, table] of Object.entries(TABLES)) ids[prefix] = String((await get<{ id: unknown }>(db, `SELECT min(id) AS id FROM ${table}`))?.id ?? 1);
  ids["/api/reviews"] ??= "1";
}, 60_000);

/** The table behind each path's {id}. */
const TABLES: Record<string, string> = {
  "/api/claims": "claims",
  "/api/sources": "sources",
  "/api/speakers": "speakers",
  "/api/stories": "stories",
  "/api/reviews": "reviews",
  "/api/ratings": "ratings",
  "/api/users": "users",
  "/api/links": "claim_links",
  "/api/evidence": "evidence",
  "/api/tokens": "api_tokens",
  "/api/imports": "imports",
};
const ids: Record<string, string> = {};

type Handler = ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & { permission?: string; notAllowed?: true };

/** Every method each route file serves (not its 405s), with its documented path. */
async function servedOperations(): Promise<{ method: string; path: string; handler: Handler }[]> {
  const out: { method: string; path: string; handler: Handler }[] = [];
  for (const file of routeFiles()) {
    const route = `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;
    if (EXEMPT.has(route)) continue;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of ["GET", "POST", "PATCH", "DELETE", "PUT"]) {
      const handler = mod[method] as Handler | undefined;
      if (typeof handler !== "function" || handler.notAllowed) continue;
      out.push({ method, path: route.replace(/\[(\w+)\]/g, "{$1}"), handler });
    }
  }
  return out;
}

/** Sends one request to a route handler as Next would, with the admin's token and real path ids (or, for a DELETE, ids that do not exist: nothing is removed). */
async function probe(op: { method: string; path: string; handler: Handler }, headers: Record<string, string>, body?: string) {
  const prefix = Object.keys(TABLES).find((p) => op.path.startsWith(`${p}/{id}`));
  const id = op.method === "DELETE" ? "999999999" : (prefix ? ids[prefix]! : "1");
  const url = op.path.replace("{id}", id).replace("{revision}", "1");
  const request = new Request(new URL(url, "http://localhost"), { method: op.method, headers: { authorization: `Bearer ${admin}`, ...headers }, body: op.method === "GET" ? undefined : body });
  const response = await op.handler(request, { params: Promise.resolve({ id, revision: "1" }) });
  const text = await response.text();
  // Error bodies are JSON; a download (CSV, JSON Lines) is not, and is not looked into.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
  let answer: any = null;
  try {
    answer = text ? JSON.parse(text) : null;
  } catch {
    answer = null;
  }
  return { status: response.status, body: answer };
}

describe("the OpenAPI document", () => {
  it("describes exactly the routes the app serves, with the permissions they enforce", async () => {
    const served: string[] = [];
    for (const file of routeFiles()) {
      const route = `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;
      if (EXEMPT.has(route)) continue;
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PATCH", "DELETE", "PUT"]) {
        const handler = mod[method] as ((...args: unknown[]) => unknown) & { permission?: string; notAllowed?: true };
        if (typeof handler !== "function" || handler.notAllowed) continue;
        const documented = route.replace(/\[(\w+)\]/g, "{$1}");
        served.push(`${method.toLowerCase()} ${documented}`);
        const op = OPERATIONS[documented]?.[method.toLowerCase() as "get"];
        if (handler.permission) expect(op?.auth, `${method} ${documented}`).toBe(handler.permission);
      }
    }
    const described = Object.entries(OPERATIONS).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`));
    expect(described.sort()).toEqual(served.sort());
  });

  it("is served as JSON with request schemas generated from the validators", async () => {
    const res = await call(openapi, "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const create = res.body.paths["/api/claims"].post;
    expect(create.requestBody.content["application/json"].schema.properties).toHaveProperty("text");
    expect(create["x-permission"]).toBe("content:write");
    expect(res.body.paths["/api/claims"].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["story", "speaker", "contested", "cursor"]));
  });
});

describe("the OpenAPI document, completed", () => {
  it("documents sign-in, the multipart upload, oEmbed's parameters and the imports' file bodies", async () => {
    const res = await call(openapi, "/api/openapi.json");
    expect(res.body.paths["/api/auth/sign-in/email"].post.requestBody.content["application/json"].schema.required).toEqual(["email", "password"]);
    expect(res.body.paths["/api/sources"].post.requestBody.content["multipart/form-data"].schema.properties.file).toEqual({ type: "string", format: "binary" });
    expect(res.body.paths["/api/oembed"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["url", "format", "maxwidth", "maxheight"]);
    expect(Object.keys(res.body.paths["/api/imports"].post.requestBody.content)).toEqual(["application/ld+json", "text/html", "text/csv", "text/tab-separated-values"]);
    expect(Object.keys(res.body.paths["/api/imports"].post.responses)).toContain("202");
  });
});

describe("the OpenAPI document's limits and refusals, derived from what the routes do", () => {
  // Each route is asked, not listed: a route added later that takes an Idempotency-Key or a body
  // without documenting it (or documents what it does not do) fails here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the served document, read field by field
  let doc: any;
  beforeAll(async () => {
    doc = (await call(openapi, "/api/openapi.json")).body;
  });
  const documented = (op: { method: string; path: string }) => doc.paths[op.path][op.method.toLowerCase()];

  it("documents Idempotency-Key (and its 422) on exactly the operations that read it", async () => {
    const keyed: string[] = [];
    for (const op of await servedOperations()) {
      // A key of 256 characters is refused, naming the header, by every route that reads it, before anything else is done.
      const res = await probe(op, { "Idempotency-Key": "k".repeat(256), "content-type": "application/json" }, "{}");
      const reads = res.status === 400 && res.body?.error?.fields?.["Idempotency-Key"] !== undefined;
      const spec = documented(op);
      const documents = (spec.parameters ?? []).some((p: { in: string; name: string }) => p.in === "header" && p.name === "Idempotency-Key");
      expect(documents, `${op.method} ${op.path}: Idempotency-Key documented`).toBe(reads);
      if (reads) {
        keyed.push(`${op.method} ${op.path}`);
        expect(spec.responses["422"]?.description, `${op.method} ${op.path}: 422`).toMatch(/Idempotency-Key/);
        expect(spec.responses["422"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
      }
    }
    // Every create reads it: a sample of them, to be sure the probe sees anything at all.
    expect(keyed).toEqual(expect.arrayContaining(["POST /api/claims", "POST /api/sources", "POST /api/claims/{id}/check-requests", "POST /api/imports"]));
    expect(keyed).not.toContain("POST /api/matches");
  }, 120_000);

  it("documents a 413 with its limit on exactly the operations that refuse a body over one, and that limit", async () => {
    const limited: string[] = [];
    for (const op of await servedOperations()) {
      const spec = documented(op);
      const types = Object.keys(spec.requestBody?.content ?? {});
      // A declared length past every limit: refused at once, with the limit in the message.
      for (const type of types.length > 0 ? types : ["application/json"]) {
        const res = await probe(op, { "content-type": type === "multipart/form-data" ? "multipart/form-data; boundary=b" : type, "content-length": String(2 ** 30) }, "{}");
        if (res.status !== 413) {
          expect(spec.responses["413"], `${op.method} ${op.path} (${type}) answers ${res.status}, yet documents a 413`).toBeUndefined();
          expect(spec["x-body-limit"], `${op.method} ${op.path}`).toBeUndefined();
          continue;
        }
        const limit = Number(/, (\d+) bytes\)/.exec(res.body.error.message)?.[1]);
        expect(res.body.error.code).toBe("too_large");
        expect(spec.responses["413"]?.content["application/json"].schema.$ref, `${op.method} ${op.path}: 413 documented`).toBe("#/components/schemas/Error");
        expect(spec.responses["413"].description, `${op.method} ${op.path} (${type})`).toContain(`(${limit} bytes)`);
        if (type !== "multipart/form-data") expect(spec["x-body-limit"], `${op.method} ${op.path}`).toBe(limit);
        limited.push(`${op.method} ${op.path}`);
      }
    }
    expect(limited).toEqual(expect.arrayContaining(["POST /api/claims", "PATCH /api/sources/{id}", "POST /api/imports", "POST /api/matches"]));
  }, 120_000);

  it("documents a 415 on exactly the operations that refuse a body not sent as JSON", async () => {
    for (const op of await servedOperations()) {
      if (op.method === "GET") continue;
      const res = await probe(op, { "content-type": "text/plain" }, '{"text": "sent as plain text"}');
      const spec = documented(op);
      expect(spec.responses["415"] !== undefined, `${op.method} ${op.path} answers ${res.status}`).toBe(res.status === 415);
      if (res.status === 415) expect(res.body.error.code).toBe("unsupported_media_type");
    }
  }, 120_000);

  it("documents the 422 of a claim re-attached to other words, the 429 of check requests and the sign-in's limits", async () => {
    const { POST: auth } = await import("@/app/api/auth/[...all]/route");
    const big = await auth(new Request("http://localhost/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json", "content-length": String(2 ** 30) }, body: "{}" }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toContain(`${doc.paths["/api/auth/sign-in/email"].post["x-body-limit"]} bytes`);
    expect(doc.paths["/api/claims/{id}"].patch.responses["422"].description).toMatch(/quote/);
    expect(doc.paths["/api/claims/{id}/check-requests"].post.responses["429"].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    expect(doc.paths["/api/auth/sign-in/email"].post.responses["429"]).toBeDefined();
    expect(doc.paths["/api/auth/sign-in/email"].post["x-body-limit"]).toBe(16 * 1024);
  });
});
