import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { OPERATIONS } from "@/server/openapi";
import { createTestDb, installDb } from "../support/db";
import { call } from "../support/http";

const API_DIR = path.join(process.cwd(), "app", "api");
const EXEMPT = new Set(["/api/auth/[...all]", "/api/[...path]"]);

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : e.name === "route.ts" ? [full] : [];
  });
}

beforeAll(async () => {
  installDb(await createTestDb());
});

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
