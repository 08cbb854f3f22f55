// The OpenAPI document against the real routes on a real seeded database: every operation's
// documented example is sent and its answer checked against the documented response schema
// (with a JSON Schema validator, not with the zod schemas it was generated from); bodies built
// from the documented request schemas are never refused as bad input; a method a route does not
// serve is a 405 in the documented error shape with an Allow header.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import type { Db } from "@/db/client";
import { OPERATIONS } from "@/server/openapi";
import { closeTestDbs, createSeededDb, get, installDb, num, run, tokenFor } from "../support/db";
import { call } from "../support/http";

type Method = "get" | "post" | "patch" | "delete";
type Handler = Parameters<typeof call>[0];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the document is JSON, read field by field
type Json = any;

let db: Db;
let admin: string;
let doc: Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** A news page for POST /api/sources/from-url to fetch (on this machine: private addresses allowed for it). */
let server: Server;
let page: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<html><head><title>Budget row</title><meta name=author content='A. Reporter'></head><body><article><p>The minister said unemployment fell to 4 percent last year.</p></article></body></html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  page = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.COUNTERPOINT_FETCH_PRIVATE = "1";
  db = installDb(await createSeededDb());
  admin = await tokenFor(db, "admin");
  doc = (await call(openapi, "/api/openapi.json")).body;
  ajv.addSchema({ $id: "openapi", components: doc.components }, "openapi");
});
afterAll(async () => {
  delete process.env.COUNTERPOINT_FETCH_PRIVATE;
  server.close();
  await closeTestDbs();
});

/** A request as a client sends it: a JSON body, a file, or none; the answer parsed when it is JSON. */
async function send(handler: Handler, url: string, init: { method: string; params?: Record<string, string>; token?: string; json?: unknown; file?: { type: string; content: string } }) {
  const headers = new Headers();
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  if (init.file) headers.set("content-type", init.file.type);
  const body = init.file ? init.file.content : init.json !== undefined ? JSON.stringify(init.json) : undefined;
  const response = await handler(new Request(new URL(url, "http://localhost"), { method: init.method, headers, body }), { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, type, body: /json/.test(type) && !type.startsWith("application/jsonl") ? JSON.parse(text) : text, headers: response.headers };
}

/** A route's module: every route exports all five methods (those it does not serve answer 405). */
async function routeModule(apiPath: string): Promise<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>> {
  const file = path.join(process.cwd(), "app", apiPath.replace(/^\//, "").replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  return (await import(/* @vite-ignore */ file)) as Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>;
}

/** Validates `value` against a schema of the document (its $refs resolved in the document). */
function validate(schema: Json, value: unknown): string | null {
  const check = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')));
  return check(value) ? null : ajv.errorsText(check.errors, { separator: "\n" });
}

const first = (text: string, ...args: unknown[]) => num(db, text, ...args);
const versionOf = (table: string, id: number) => first(`SELECT version FROM ${table} WHERE id = ?`, id);
const latestEvent = (type: string, id: number | string) => first("SELECT id FROM events WHERE entity_type = ? AND entity_id = ? ORDER BY id LIMIT 1", type, String(id));

let keys = 0;

/** A span of a stored source's text, as a claim's anchor. */
async function spanOf(sourceId: number, start: number, end: number) {
  const text = (await get<{ text: string }>(db, "SELECT text FROM sources WHERE id = ?", sourceId))!.text;
  return { sourceId, anchor: { start, end, exact: [...text].slice(start, end).join("") } };
}

async function draftClaim(text: string, at: { sourceId: number; anchor: unknown } | object = {}): Promise<number> {
  const { POST } = await routeModule("/api/claims");
  const res = await call(POST, "/api/claims", { method: "POST", token: admin, json: { text, speaker: { name: "Example Speaker" }, ...at } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

async function inReviewClaim(text: string): Promise<number> {
  const id = await draftClaim(text);
  const { POST } = await routeModule("/api/claims/{id}/reviews");
  const res = await call(POST, `/api/claims/${id}/reviews`, { method: "POST", token: await tokenFor(db, "factchecker"), params: { id: String(id) }, json: { rating: await ratingKey(), rationale: "Checked.", version: await versionOf("claims", id) } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return id;
}

const ratingKey = async () => (await get<{ key: string }>(db, "SELECT key FROM ratings ORDER BY position LIMIT 1"))!.key;
const published = () => first("SELECT id FROM claims WHERE status = 'published' AND source_id IS NOT NULL ORDER BY id LIMIT 1");
const sourceWithClaims = () => first("SELECT source_id FROM claims WHERE source_id IS NOT NULL AND status = 'published' ORDER BY id LIMIT 1");

/**
 * What the example needs from the database that a document cannot know: path ids, and the live
 * `version` (and event, target) of what it edits. Everything else is the example as documented.
 */
interface Setup {
  params?: Record<string, string>;
  body?: Json;
  query?: Record<string, string>;
}
const NO_SETUP = async (): Promise<Setup> => ({});
const SETUP: Record<string, (body: Json) => Promise<Setup>> = {
  "post /api/claims": async (body) => ({ body: { ...body, ...(await spanOf(await sourceWithClaims(), 0, 5)) } }),
  "post /api/ratings": async (body) => ({ body: { ...body, key: `verdict-${++keys}` } }),
  "get /api/oembed": async () => ({ query: { url: `http://localhost/claims/${await published()}`, maxwidth: "400" } }),
  "post /api/sources/from-url": async (body) => ({ body: { ...body, url: `${page}/article` } }),
  "get /api/claims/{id}": async () => ({ params: { id: String(await published()) } }),
  "patch /api/claims/{id}": async (body) => {
    const sourceId = await sourceWithClaims();
    const id = await draftClaim("A claim to edit.", await spanOf(sourceId, 0, 5));
    // Re-attached to other words, the edit says which the claim quotes now (the route asks when the words differ).
    const { anchor } = await spanOf(sourceId, 1, 6);
    return { params: { id: String(id) }, body: { ...body, anchor, quote: anchor.exact, version: await versionOf("claims", id) } };
  },
  "post /api/claims/{id}/links": async (body) => {
    const id = await published();
    const other = await first("SELECT id FROM claims WHERE id <> ? ORDER BY id LIMIT 1", id);
    return { params: { id: String(id) }, body: "targetClaimId" in body ? { ...body, targetClaimId: other } : body };
  },
  "get /api/claims/{id}/links": async () => ({ params: { id: String(await first("SELECT to_claim_id FROM claim_links WHERE kind = 'disputes' ORDER BY id LIMIT 1")) } }),
  "post /api/claims/{id}/quote": async (body) => {
    // A claim whose span's words no longer match its quote: what a revision of the quoted passage leaves.
    const id = await draftClaim("A claim whose source was revised.", await spanOf(await sourceWithClaims(), 0, 12));
    await run(db, "UPDATE claims SET quote = 'the words as verified' WHERE id = ?", id);
    return { params: { id: String(id) }, body: { ...body, version: await versionOf("claims", id) } };
  },
  "post /api/claims/{id}/submit": async (body) => {
    const id = await draftClaim("A claim to submit.");
    return { params: { id: String(id) }, body: { ...body, version: await versionOf("claims", id) } };
  },
  "post /api/claims/{id}/decision": async (body) => {
    const id = await inReviewClaim("A claim to decide on.");
    return { params: { id: String(id) }, body: { ...body, version: await versionOf("claims", id) } };
  },
  "post /api/claims/{id}/archive": async (body) => {
    const id = await published();
    return { params: { id: String(id) }, body: { ...body, version: await versionOf("claims", id) } };
  },
  "post /api/claims/{id}/assign": async (body) => {
    const id = await draftClaim("A claim to assign.");
    return { params: { id: String(id) }, body: { ...body, version: await versionOf("claims", id) } };
  },
  "post /api/claims/{id}/reviews": async (body) => {
    const id = await draftClaim("A claim to review.");
    return { params: { id: String(id) }, body: { ...body, rating: await ratingKey(), version: await versionOf("claims", id) } };
  },
  "post /api/claims/{id}/evidence": async () => ({ params: { id: String(await draftClaim("A claim with evidence.")) } }),
  "post /api/claims/{id}/comments": async () => ({ params: { id: String(await draftClaim("A claim to discuss.")) } }),
  "post /api/claims/{id}/check-requests": async () => ({ params: { id: String(await first("SELECT id FROM claims WHERE status = 'published' ORDER BY id DESC LIMIT 1")) } }),
  "get /api/claims/{id}/evidence": async () => ({ params: { id: String(await published()) } }),
  "get /api/claims/{id}/comments": async () => ({ params: { id: String(await published()) } }),
  "get /api/claims/{id}/editorial": async () => ({ params: { id: String(await published()) } }),
  "get /api/claims/{id}/history": async () => ({ params: { id: String(await published()) } }),
  "post /api/claims/{id}/restore": async (body) => {
    const id = await draftClaim("A claim as first written.");
    const { PATCH } = await routeModule("/api/claims/{id}");
    await call(PATCH, `/api/claims/${id}`, { method: "PATCH", token: admin, params: { id: String(id) }, json: { text: "A claim as rewritten.", version: await versionOf("claims", id) } });
    return { params: { id: String(id) }, body: { ...body, eventId: await latestEvent("claim", id), version: await versionOf("claims", id) } };
  },
  "get /api/claims/{id}/claimreview": async () => ({ params: { id: String(await first("SELECT id FROM claims WHERE status = 'published' AND rating_id IS NOT NULL ORDER BY id LIMIT 1")) } }),
  "get /api/claims/{id}/annotation": async () => ({ params: { id: String(await published()) } }),
  "delete /api/links/{id}": async () => ({ params: { id: String(await first("SELECT id FROM claim_links ORDER BY id DESC LIMIT 1")) } }),
  "delete /api/evidence/{id}": async () => ({ params: { id: String(await first("SELECT id FROM evidence ORDER BY id DESC LIMIT 1")) } }),
  "post /api/reviews/{id}/decision": async (body) => {
    const claimId = await inReviewClaim("A claim whose review is decided.");
    return { params: { id: String(await first("SELECT id FROM reviews WHERE claim_id = ? ORDER BY id DESC LIMIT 1", claimId)) }, body: { ...body, version: await versionOf("claims", claimId) } };
  },
  "get /api/sources/{id}": async () => ({ params: { id: String(await sourceWithClaims()) } }),
  "patch /api/sources/{id}": async (body) => {
    const id = await sourceWithClaims();
    return { params: { id: String(id) }, body: { ...body, version: await versionOf("sources", id) } };
  },
  "get /api/sources/{id}/claims": async () => ({ params: { id: String(await sourceWithClaims()) } }),
  "get /api/sources/{id}/annotations": async () => ({ params: { id: String(await sourceWithClaims()) } }),
  "get /api/sources/{id}/revisions": async () => ({ params: { id: String(await sourceWithClaims()) } }),
  "get /api/sources/{id}/revisions/{revision}": async () => ({ params: { id: String(await sourceWithClaims()), revision: "1" } }),
  "get /api/sources/{id}/history": async () => ({ params: { id: String(await sourceWithClaims()) } }),
  "post /api/sources/{id}/restore": async (body) => {
    // The source the PATCH example edited: its first version differs from its current one.
    const id = await sourceWithClaims();
    return { params: { id: String(id) }, body: { ...body, eventId: await latestEvent("source", id), version: await versionOf("sources", id) } };
  },
  "post /api/sources/{id}/suggestions": async () => ({ params: { id: String(await sourceWithClaims()) } }),
  "post /api/sources/{id}/suggestions/accept": async (body) => {
    const id = await sourceWithClaims();
    return { params: { id: String(id) }, body: { items: [{ ...body.items[0], ...(await spanOf(id, 0, 5)) }].map(({ sourceId: _, ...item }) => item) } };
  },
  "post /api/sources/{id}/suggestions/rejections": async (body) => {
    const id = await sourceWithClaims();
    return { params: { id: String(id) }, body: { ...body, ...(await spanOf(id, 0, 5)).anchor } };
  },
  "get /api/speakers/{id}": async () => ({ params: { id: String(await first("SELECT speaker_id FROM claims ORDER BY id LIMIT 1")) } }),
  "patch /api/speakers/{id}": async (body) => {
    const id = await first("SELECT speaker_id FROM claims ORDER BY id LIMIT 1");
    return { params: { id: String(id) }, body: { ...body, version: await versionOf("speakers", id) } };
  },
  "post /api/speakers/{id}/merge": async (body) => {
    // New names each time: a merged speaker's name lives on as the survivor's alias, and creating it again finds the survivor.
    const round = ++keys;
    const ids = (await Promise.all([`Merge From ${round}`, `Merge Into ${round}`].map(async (name) => {
      const { POST } = await routeModule("/api/speakers");
      return (await call(POST, "/api/speakers", { method: "POST", token: admin, json: { name } })).body.id as number;
    })));
    return { params: { id: String(ids[0]) }, body: { ...body, targetId: ids[1], version: await versionOf("speakers", ids[0]!), targetVersion: await versionOf("speakers", ids[1]!) } };
  },
  "get /api/speakers/{id}/timeline": async () => ({ params: { id: String(await first("SELECT speaker_id FROM claims ORDER BY id LIMIT 1")) } }),
  "get /api/speakers/{id}/history": async () => ({ params: { id: String(await first("SELECT speaker_id FROM claims ORDER BY id LIMIT 1")) } }),
  "post /api/speakers/{id}/restore": async (body) => {
    const id = await first("SELECT speaker_id FROM claims ORDER BY id LIMIT 1");
    return { params: { id: String(id) }, body: { ...body, eventId: await latestEvent("speaker", id), version: await versionOf("speakers", id) } };
  },
  "get /api/stories/{id}": async () => ({ params: { id: String(await first("SELECT story_id FROM claims WHERE story_id IS NOT NULL ORDER BY id LIMIT 1")) } }),
  "patch /api/stories/{id}": async (body) => {
    const id = await first("SELECT story_id FROM claims WHERE story_id IS NOT NULL ORDER BY id LIMIT 1");
    return { params: { id: String(id) }, body: { ...body, version: await versionOf("stories", id) } };
  },
  "get /api/stories/{id}/timeline": async () => ({ params: { id: String(await first("SELECT story_id FROM claims WHERE story_id IS NOT NULL ORDER BY id LIMIT 1")) } }),
  "patch /api/ratings/{id}": async (body) => {
    const id = await first("SELECT id FROM ratings ORDER BY id LIMIT 1");
    return { params: { id: String(id) }, body: { ...body, version: await versionOf("ratings", id) } };
  },
  "delete /api/ratings/{id}": async () => ({ params: { id: String(await first("SELECT id FROM ratings ORDER BY id DESC LIMIT 1")) } }),
  "patch /api/users/{id}": async (body) => {
    const { GET } = await routeModule("/api/users");
    const user = (await call(GET, "/api/users", { token: admin })).body.items.find((u: { role: string }) => u.role === "factchecker");
    return { params: { id: user.id }, body: { ...body, version: user.version } };
  },
  "delete /api/tokens/{id}": async () => ({ params: { id: String(await first("SELECT id FROM api_tokens ORDER BY id DESC LIMIT 1")) } }),
  "get /api/imports/{id}": async () => ({ params: { id: String(await first("SELECT id FROM imports ORDER BY id DESC LIMIT 1")) } }),
  "post /api/imports/{id}/undo": async () => {
    const { POST } = await routeModule("/api/imports");
    const started = await send(POST, "/api/imports?filename=undo.csv", { method: "POST", token: admin, file: { type: "text/csv", content: "text,speaker\nA claim imported to be undone.,Undo Speaker\n" } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    for (let i = 0; i < 200 && (await first("SELECT count(*) FROM imports WHERE id = ? AND state IN ('done', 'failed')", started.body.id)) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    return { params: { id: String(started.body.id) } };
  },
};

/** The operations in an order where each example finds what it needs (creations before uses, removals last). */
function operations(): [string, Method][] {
  const all = Object.entries(OPERATIONS).flatMap(([p, methods]) => (Object.keys(methods) as Method[]).map((m) => [p, m] as [string, Method]));
  const rank = ([p, m]: [string, Method]) => (m === "delete" ? 3 : p.includes("undo") || p.includes("merge") ? 2 : m === "get" ? 1 : 0);
  return all.sort((a, b) => rank(a) - rank(b));
}

describe("every operation's documented example, against the real route", () => {
  it("is answered with the documented success status and a body valid against the documented response schema", async () => {
    const failures: string[] = [];
    for (const [apiPath, method] of operations()) {
      const op = OPERATIONS[apiPath]![method]!;
      const documented = doc.paths[apiPath][method];
      const key = `${method} ${apiPath}`;
      const setup = await (SETUP[key] ?? NO_SETUP)(op.example.body);
      const params = setup.params ?? {};
      const body = setup.body ?? op.example.body;
      const query = setup.query ?? op.example.query;
      const url = `${apiPath.replace(/\{(\w+)\}/g, (_m, name: string) => params[name]!)}${query ? `?${new URLSearchParams(query)}` : ""}`;
      const handler = (await routeModule(apiPath))[method.toUpperCase() as "GET"];
      const res = await send(handler, url, { method: method.toUpperCase(), params, token: op.auth === "public" ? undefined : admin, json: body, file: op.example.file });
      const [status, response] = Object.entries(documented.responses).find(([s]) => /^\d+$/.test(s)) as [string, Json];
      if (String(res.status) !== status) {
        failures.push(`${key}: ${res.status} (documented ${status}) ${JSON.stringify(res.body).slice(0, 300)}`);
        continue;
      }
      const [type, content] = Object.entries(response.content)[0] as [string, Json];
      if (!res.type.startsWith(type)) failures.push(`${key}: answered ${res.type}, documented ${type}`);
      if (content.schema.type !== "string") {
        const problem = validate(content.schema, res.body);
        if (problem) failures.push(`${key}: the answer does not match the documented schema:\n${problem}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe("a method a route does not serve", () => {
  it("is a 405 with an Allow header and a body in the documented error shape, on every /api route", async () => {
    const errorSchema = doc.paths["/api/claims"].get.responses["4XX"].content["application/json"].schema;
    for (const apiPath of Object.keys(OPERATIONS)) {
      const mod = await routeModule(apiPath);
      const served = Object.keys(OPERATIONS[apiPath]!).map((m) => m.toUpperCase());
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !served.includes(m))) {
        const handler = mod[method as "GET"];
        expect(handler, `${method} ${apiPath} has a handler`).toBeTypeOf("function");
        const res = await call(handler, apiPath.replace(/\{\w+\}/g, "1"), { method, params: { id: "1", revision: "1" } });
        expect(res.status, `${method} ${apiPath}`).toBe(405);
        expect(res.headers.get("allow")!.split(", ")).toEqual(expect.arrayContaining([...served, "OPTIONS"]));
        expect(validate(errorSchema, res.body), `${method} ${apiPath}`).toBeNull();
        expect(res.body.error.code).toBe("method_not_allowed");
      }
    }
  });
});

// ---- bodies built from the documented request schemas ---------------------------------------

/** A value the documented `schema` accepts: the example's own when it fits, else a plain one. */
function generate(schema: Json, example?: unknown): unknown {
  if (example !== undefined && validate(schema, example) === null) return example;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf || schema.oneOf) {
    for (const branch of schema.anyOf ?? schema.oneOf) {
      if (branch.type === "null") continue;
      const value = generate(branch, example);
      if (validate(schema, value) === null) return value;
    }
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  if (type === "object") return minimalObject(schema, (example ?? {}) as Record<string, unknown>);
  if (type === "array") return Array.from({ length: schema.minItems ?? 0 }, () => generate(schema.items));
  if (type === "integer" || type === "number") return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
  if (type === "boolean") return true;
  if (type === "string") {
    if (schema.format === "date") return "2025-01-15";
    if (schema.format === "uri") return "https://example.org/page";
    if (schema.format === "email") return "someone@example.org";
    const candidates = ["x".repeat(Math.max(1, schema.minLength ?? 1)), "en", "2025-01-15", "#1a2b3c", "a-key", "https://example.org/page", ""];
    return candidates.find((c) => validate(schema, c) === null) ?? candidates[0];
  }
  return null;
}

/** The required properties, plus what the first satisfiable branch of a oneOf/anyOf requires. */
function minimalObject(schema: Json, example: Record<string, unknown>): Record<string, unknown> {
  const props = schema.properties ?? {};
  const body: Record<string, unknown> = {};
  for (const name of schema.required ?? []) body[name] = generate(props[name] ?? {}, example[name]);
  for (const branch of schema.oneOf ?? schema.anyOf ?? []) {
    const candidate = { ...body };
    for (const name of branch.required ?? []) candidate[name] = generate(props[name] ?? {}, example[name]);
    if (validate(schema, candidate) === null) return candidate;
  }
  return body;
}

/** The minimal body, then the minimal body plus each optional property in turn: those the schema accepts. */
function documentedBodies(schema: Json, example: Record<string, unknown>): Record<string, unknown>[] {
  const minimal = minimalObject(schema, example);
  const bodies = [minimal];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (name in minimal) continue;
    const dependent = schema.dependentRequired?.[name] ?? Object.keys(schema.dependentSchemas?.[name]?.properties ?? {});
    const body: Record<string, unknown> = { ...minimal, [name]: generate(prop, example[name]) };
    for (const other of dependent) if (!(other in body)) body[other] = generate(schema.properties[other], example[other]);
    bodies.push(body);
  }
  return bodies.filter((b) => validate(schema, b) === null);
}

/**
 * Body fields whose value must fit the data (an id, a version, a span of a stored text, a free
 * key, accepted suggestions with their spans), not just the schema.
 */
const DATA_BOUND = ["version", "targetVersion", "targetId", "eventId", "url", "sourceId", "anchor", "targetClaimId", "key", "start", "end", "exact", "items"];

describe("bodies the documented request schemas accept", () => {
  it("are never refused as bad input by the route (a 404 or 409 about the data is fine, a 400 is a mismatch)", async () => {
    const mismatches: string[] = [];
    let sent = 0;
    for (const [apiPath, method] of operations()) {
      const documented = doc.paths[apiPath][method];
      const schema = documented.requestBody?.content?.["application/json"]?.schema;
      if (!schema) continue;
      const op = OPERATIONS[apiPath]![method]!;
      const handler = (await routeModule(apiPath))[method.toUpperCase() as "GET"];
      for (const generated of documentedBodies(schema, (op.example.body ?? {}) as Record<string, unknown>)) {
        // Path ids and the live version (or event, or target) of what the body edits come from the database.
        const setup = await (SETUP[`${method} ${apiPath}`] ?? NO_SETUP)(generated);
        const body = { ...generated, ...Object.fromEntries(Object.entries(setup.body ?? {}).filter(([k]) => DATA_BOUND.includes(k) && k in generated)) };
        const params = setup.params ?? {};
        const url = apiPath.replace(/\{(\w+)\}/g, (_m, name: string) => params[name]!);
        const res = await send(handler, url, { method: method.toUpperCase(), params, token: op.auth === "public" ? undefined : admin, json: body });
        sent++;
        if (res.status === 400 || res.status >= 500) mismatches.push(`${method} ${apiPath} ${JSON.stringify(body).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }
    expect(sent).toBeGreaterThan(60);
    expect(mismatches).toEqual([]);
  }, 180_000);
});
