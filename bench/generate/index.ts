import { sql } from "drizzle-orm";
import { type Db, engineOf } from "@/db/client";
import { bulkInsert } from "@/db/bulk";
import { rows } from "@/db/sql";
import { createAnchor } from "@/lib/anchoring/selectors";
import { CodePointIndex } from "@/lib/codepoints";
import { compactChange, type Snapshot } from "@/lib/history-fields";
import { Random, Zipf } from "./random";
import type { Vocabulary } from "./vocabulary";

/**
 * Writes a Counterpoint database of realistic shape at any size, deterministically from a seed,
 * through the real schema: speakers with aliases and affiliations, stories (one of 2% of all
 * claims, ten of 0.1–0.5%), sources of 2–4 kB of text (one long one with 200 claims), claims
 * anchored on sentences of their sources, 60% published with verdicts, rationales and the
 * approved review behind them, the rest in the workflow, links (about 10% of claims contested),
 * check requests, and the audit events the app would have written for all of it.
 *
 * Sources are written in batches with their claims, reviews, links and events, so memory stays
 * flat at any size.
 */
export interface GenerateOptions {
  claims: number;
  sources: number;
  speakers: number;
  stories: number;
  links: number;
  seed: number;
}

export function defaultSizes(claims: number): Omit<GenerateOptions, "seed"> {
  return {
    claims,
    sources: Math.max(1, Math.round(claims / 10)),
    speakers: Math.max(2, Math.round(claims / 20)),
    stories: Math.max(12, Math.round(claims / 200)),
    links: Math.round(claims * 0.15),
  };
}

export interface Progress {
  phase: string;
  done: number;
  total: number;
}

const STAFF = 20;
const ACTOR = "system:generator";
const STATUSES: [string, number][] = [
  ["published", 0.6],
  ["in_review", 0.15],
  ["draft", 0.12],
  ["returned", 0.05],
  ["archived", 0.08],
];
const KINDS = ["disputes", "supports", "qualifies", "responds-to", "same-as"] as const;
const PUBLISHERS = ["The Daily Ledger", "Capitol Wire", "Metro Herald", "Northern Times", "Public Radio News", "The Civic Report", "Harbour Gazette", "Valley Courier"];
const SURNAMES = "Adams Baker Carter Diaz Evans Foster Garcia Hughes Ito Jensen Kowalski Lopez Moreau Nakamura Okafor Patel Quinn Rossi Schmidt Tanaka Usman Varga Walsh Xu Young Zhou Bennett Cruz Dubois Eriksen".split(" ");
const FIRST = "Alex Brenda Carlos Dana Elena Farid Grace Hiro Ines Jamal Kira Liam Maya Nadia Omar Paula Rafael Sara Tomas Uma Victor Wen Yara Zoe".split(" ");

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

export async function generate(db: Db, vocabulary: Vocabulary, options: GenerateOptions, onProgress: (p: Progress) => void): Promise<Record<string, number>> {
  const random = new Random(options.seed);
  const postgres = engineOf(db) === "postgres";
  const instant = (ms: number) => (postgres ? iso(ms) : ms);
  const json = (value: unknown) => JSON.stringify(value);
  const counts: Record<string, number> = {};
  const add = (table: string, n: number) => (counts[table] = (counts[table] ?? 0) + n);
  let eventId = (await rows<{ n: number }>(db, sql`SELECT coalesce(max(id), 0) AS n FROM events`))[0]!.n;
  const events: unknown[][] = [];
  // As recordEvent stores them: a change keeps only the fields that changed.
  const event = (entityType: string, entityId: number | string, action: string, before: Snapshot | null, after: Snapshot | null, at: string, actor = ACTOR, comment: string | null = null) => {
    const change = before && after ? compactChange(before, after) : { before, after };
    events.push([++eventId, actor, entityType, String(entityId), action, change.before && json(change.before), change.after && json(change.after), comment, at]);
  };
  const flushEvents = async () => {
    await bulkInsert(db, "events", ["id", "actor", "entity_type", "entity_id", "action", "before", "after", "comment", "created_at"], events.splice(0));
  };
  const base = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2026, 10, 30) - base;

  // Staff: authors, reviewers and assignees.
  const staff = Array.from({ length: STAFF }, (_, i) => ({ id: `gen-user-${i + 1}`, role: i < 4 ? "editor" : i === 4 ? "admin" : "factchecker" }));
  const editors = staff.filter((u) => u.role !== "factchecker");
  const checkers = staff.filter((u) => u.role === "factchecker");
  await bulkInsert(
    db,
    "users",
    ["id", "name", "email", "email_verified", "role", "active", "created_at", "updated_at"],
    staff.map((u, i) => [u.id, `${FIRST[i % FIRST.length]} ${SURNAMES[i % SURNAMES.length]}`, `${u.id}@generated.invalid`, true, u.role, true, instant(base), instant(base)]),
  );
  add("users", STAFF);

  // Speakers: a fifth are organisations; persons are often affiliated to one.
  const speakerRows: unknown[][] = [];
  const orgIds: number[] = [];
  for (let id = 1; id <= options.speakers; id++) {
    const org = id % 5 === 2;
    const name = org ? `${vocabulary.word(random)} ${random.pick(["Institute", "Party", "Council", "Association", "Ministry", "Coalition"])} ${id}` : `${random.pick(FIRST)} ${vocabulary.word(random)}-${random.pick(SURNAMES)} ${id}`;
    const aliases = random.chance(0.2) ? [org ? name.split(" ").map((w) => w[0]).join("") : name.split(" ").slice(-2).join(" ")] : [];
    if (org) orgIds.push(id);
    const affiliation = !org && orgIds.length > 0 && random.chance(0.4) ? random.pick(orgIds) : null;
    const at = iso(base + id * 1000);
    const row = { id, name, kind: org ? "organisation" : "person", description: null, aliases, affiliationId: affiliation, mergedIntoId: null, version: 1, createdBy: ACTOR, createdAt: at, updatedAt: at };
    speakerRows.push([id, name, row.kind, null, json(aliases), affiliation, null, 1, ACTOR, at, at]);
    event("speaker", id, "create", null, row, at);
    if (speakerRows.length === 5000 || id === options.speakers) {
      await bulkInsert(db, "speakers", ["id", "name", "kind", "description", "aliases", "affiliation_id", "merged_into_id", "version", "created_by", "created_at", "updated_at"], speakerRows.splice(0));
      await flushEvents();
      onProgress({ phase: "speakers", done: id, total: options.speakers });
    }
  }
  add("speakers", options.speakers);

  // Stories.
  const storyRows: unknown[][] = [];
  for (let id = 1; id <= options.stories; id++) {
    const at = iso(base + id * 1000);
    const title = `${vocabulary.word(random)} ${vocabulary.word(random).toLowerCase()} ${random.pick(["inquiry", "debate", "row", "claims", "dispute", "reform"])} ${id}`;
    storyRows.push([id, title, null, 1, ACTOR, at, at]);
    event("story", id, "create", null, { id, title, description: null, version: 1, createdBy: ACTOR, createdAt: at, updatedAt: at }, at);
  }
  await bulkInsert(db, "stories", ["id", "title", "description", "version", "created_by", "created_at", "updated_at"], storyRows);
  await flushEvents();
  add("stories", options.stories);

  const ratingIds = (await rows<{ id: number }>(db, sql`SELECT r.id FROM ratings r JOIN rating_scales s ON s.id = r.scale_id WHERE s.is_default ORDER BY r.position`)).map((r) => r.id);
  const otherSpeakers = new Zipf(Math.max(1, options.speakers - 1), 0.9);
  const otherStories = new Zipf(Math.max(1, options.stories - 11), 0.8);
  const speakerOf = () => (random.chance(0.02) ? 1 : 2 + Math.min(options.speakers - 2, otherSpeakers.draw(random)));
  const storyOf = (): number | null => {
    if (!random.chance(0.7)) return null;
    const u = random.next();
    if (u < 0.02 / 0.7) return 1;
    if (u < 0.05 / 0.7) return random.int(2, 11);
    return 12 + Math.min(options.stories - 12, otherStories.draw(random));
  };
  const statusOf = () => {
    let u = random.next();
    for (const [status, p] of STATUSES) if ((u -= p) < 0) return status;
    return "published";
  };

  // Sources, each with its claims (and their reviews, links, requests and events).
  let claimId = 0;
  let linkId = 0;
  let reviewId = 0;
  // Source 1 is long and holds 200 claims (or all, in a tiny database); the rest share the others.
  const first = options.sources === 1 ? options.claims : Math.min(200, options.claims);
  const perSource = options.sources === 1 ? 0 : (options.claims - first) / (options.sources - 1);
  const linkShare = options.links / options.claims;
  const pairs = new Set<string>();
  const batch = { sources: [] as unknown[][], revisions: [] as unknown[][], claims: [] as unknown[][], reviews: [] as unknown[][], links: [] as unknown[][], requests: [] as unknown[][], comments: [] as unknown[][] };
  const flush = async () => {
    await bulkInsert(db, "sources", ["id", "title", "kind", "publisher", "author", "url", "published_on", "language", "text", "revision", "version", "created_by", "created_at", "updated_at"], batch.sources.splice(0));
    await bulkInsert(db, "source_revisions", ["source_id", "revision", "text", "note", "created_by", "created_at"], batch.revisions.splice(0));
    await bulkInsert(db, "claims", CLAIM_COLUMNS, batch.claims.splice(0));
    await bulkInsert(db, "reviews", ["id", "claim_id", "rating_id", "rationale", "state", "author_id", "decided_by", "decision_comment", "decided_at", "version", "created_at"], batch.reviews.splice(0));
    await bulkInsert(db, "claim_links", ["id", "from_claim_id", "to_claim_id", "kind", "note", "created_by", "created_at"], batch.links.splice(0));
    await bulkInsert(db, "check_requests", ["claim_id", "reason", "requester", "created_at"], batch.requests.splice(0));
    await bulkInsert(db, "comments", ["claim_id", "author_id", "body", "created_at"], batch.comments.splice(0));
    await flushEvents();
  };

  for (let sourceId = 1; sourceId <= options.sources; sourceId++) {
    const want = sourceId === 1 ? first : Math.round((sourceId - 1) * perSource) - Math.round((sourceId - 2) * perSource);
    const target = sourceId === 1 ? 40_000 : random.int(2000, 4000);
    const sentences: { start: number; end: number }[] = [];
    let text = "";
    while (text.length < target || sentences.length < want) {
      const paragraph = Array.from({ length: random.int(2, 4) }, () => vocabulary.sentence(random));
      for (const s of paragraph) {
        const start = text.length;
        text += s;
        sentences.push({ start, end: text.length });
        text += " ";
      }
      text = `${text.trimEnd()}\n\n`;
    }
    text = text.trimEnd();
    const index = new CodePointIndex(text);
    const published = base + Math.floor((sourceId / options.sources) * span);
    const at = iso(published + 3_600_000);
    const title = vocabulary.sentence(random).slice(0, 90).replace(/[.!?]$/, "");
    const source = { id: sourceId, title, kind: "article", publisher: random.pick(PUBLISHERS), author: `${random.pick(FIRST)} ${random.pick(SURNAMES)}`, url: `https://news.example.org/${sourceId}`, publishedOn: day(published), language: "en", revision: 1, version: 1, createdBy: ACTOR, createdAt: at, updatedAt: at };
    batch.sources.push([sourceId, title, "article", source.publisher, source.author, source.url, source.publishedOn, "en", text, 1, 1, ACTOR, at, at]);
    batch.revisions.push([sourceId, 1, text, null, ACTOR, at]);
    event("source", sourceId, "create", null, source, at);

    const chosen = new Set<number>();
    while (chosen.size < Math.min(Math.max(0, want), sentences.length)) chosen.add(random.int(0, sentences.length - 1));
    const claimsHere: { id: number; story: number | null; status: string }[] = [];
    for (const s of [...chosen].sort((a, b) => a - b)) {
      const span16 = sentences[s]!;
      const start = index.toCodePoint(span16.start);
      const end = index.toCodePoint(span16.end);
      const anchor = createAnchor(index, start, end);
      const id = ++claimId;
      const status = statusOf();
      const story = storyOf();
      const created = published + 7_200_000 + (id % 3600) * 1000;
      const c: Record<string, unknown> = {
        id,
        text: anchor.exact.replace(/[.!?]$/, ""),
        quote: anchor.exact,
        speakerId: speakerOf(),
        sourceId,
        storyId: story,
        statedOn: source.publishedOn,
        status: "draft",
        ratingId: null,
        rationale: null,
        publishedAt: null,
        anchorExact: anchor.exact,
        anchorPrefix: anchor.prefix,
        anchorSuffix: anchor.suffix,
        anchorStart: anchor.start,
        anchorEnd: anchor.end,
        anchorRevision: 1,
        anchorState: "anchored",
        assigneeId: null,
        version: 1,
        createdBy: random.pick(checkers).id,
        createdAt: iso(created),
        updatedAt: iso(created),
      };
      event("claim", id, "create", null, { ...c }, iso(created), c.createdBy as string);
      writeWorkflow(c, status, created);
      batch.claims.push(CLAIM_KEYS.map((k) => c[k]));
      claimsHere.push({ id, story, status: c.status as string });
    }

    // Links among this source's claims and the few before it: disputes first.
    for (const from of claimsHere) {
      if (!random.chance(linkShare)) continue;
      const pool = claimsHere.filter((o) => o.id !== from.id);
      const to = pool.length > 0 ? random.pick(pool) : null;
      if (!to) continue;
      const kind = random.chance(0.6) ? "disputes" : random.pick(KINDS.slice(1));
      const key = `${Math.min(from.id, to.id)}:${Math.max(from.id, to.id)}:${kind}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      const id = ++linkId;
      const linkAt = iso(published + 86_400_000);
      const link = { id, fromClaimId: from.id, toClaimId: to.id, kind, note: null, createdBy: ACTOR, createdAt: linkAt };
      batch.links.push([id, from.id, to.id, kind, null, ACTOR, linkAt]);
      event("link", id, "create", null, link, linkAt);
    }
    if (pairs.size > 200_000) pairs.clear(); // pairs only repeat within a source

    if (batch.sources.length === 500 || sourceId === options.sources) {
      await flush();
      onProgress({ phase: "sources and claims", done: claimId, total: options.claims });
    }
  }
  add("sources", options.sources);
  add("claims", claimId);
  add("claim_links", linkId);
  add("reviews", reviewId);
  add("events", eventId);
  return counts;

  /** The workflow a claim went through to reach `status`, as the app records it. */
  function writeWorkflow(c: Record<string, unknown>, status: string, created: number): void {
    const author = c.createdBy as string;
    const step = (action: string, change: Record<string, unknown>, at: number, actor: string, comment: string | null = null) => {
      const before = { ...c };
      Object.assign(c, change, { version: (c.version as number) + 1, updatedAt: iso(at) });
      event("claim", c.id as number, action, before, { ...c }, iso(at), actor, comment);
    };
    const assign = (to: string, at: number) => step("assign", { assigneeId: to }, at, random.pick(editors).id);
    if (status === "draft") {
      if (random.chance(0.3)) assign(random.pick(staff).id, created + 60_000);
      return;
    }
    if (status === "archived") {
      step("archive", { status: "archived" }, created + 3_600_000, random.pick(editors).id);
      return;
    }
    const ratingId = random.pick(ratingIds);
    const rationale = `${vocabulary.sentence(random)} ${vocabulary.sentence(random)}`;
    const submitted = created + 3_600_000;
    step("submit", { status: "in_review" }, submitted, author);
    const id = ++reviewId;
    const review: Record<string, unknown> = { id, claimId: c.id, ratingId, rationale, state: "pending", authorId: author, decidedBy: null, decisionComment: null, decidedAt: null, version: 1, createdAt: iso(submitted) };
    event("review", id, "create", null, { ...review }, iso(submitted), author);
    if (status === "in_review") {
      if (random.chance(0.3)) assign(random.pick(editors).id, submitted + 60_000);
      batch.reviews.push(REVIEW_KEYS.map((k) => review[k]));
      return;
    }
    const decided = submitted + 86_400_000;
    const editor = random.pick(editors).id;
    const decision = status === "published" ? "approve" : "return";
    const comment = decision === "return" ? `Returned: ${vocabulary.sentence(random)}` : null;
    const reviewBefore = { ...review };
    Object.assign(review, { state: decision === "approve" ? "approved" : "returned", decidedBy: editor, decidedAt: iso(decided), decisionComment: comment, version: 2 });
    event("review", id, decision, reviewBefore, { ...review }, iso(decided), editor, comment);
    batch.reviews.push(REVIEW_KEYS.map((k) => review[k]));
    if (decision === "approve") {
      step("approve", { status: "published", ratingId, rationale, publishedAt: iso(decided) }, decided, editor);
      for (let n = random.chance(0.03) ? random.int(1, 5) : 0; n > 0; n--) batch.requests.push([c.id, vocabulary.sentence(random), `gen-requester-${random.int(1, 1e9)}`, iso(decided + n * 60_000)]);
    } else {
      step("return", { status: "returned" }, decided, editor, comment);
      batch.comments.push([c.id, editor, comment, iso(decided)]);
      if (random.chance(0.3)) assign(author, decided + 60_000);
    }
  }
}

const CLAIM_KEYS = [
  "id",
  "text",
  "quote",
  "speakerId",
  "sourceId",
  "storyId",
  "statedOn",
  "status",
  "ratingId",
  "rationale",
  "publishedAt",
  "anchorExact",
  "anchorPrefix",
  "anchorSuffix",
  "anchorStart",
  "anchorEnd",
  "anchorRevision",
  "anchorState",
  "assigneeId",
  "version",
  "createdBy",
  "createdAt",
  "updatedAt",
] as const;
const CLAIM_COLUMNS = CLAIM_KEYS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const REVIEW_KEYS = ["id", "claimId", "ratingId", "rationale", "state", "authorId", "decidedBy", "decisionComment", "decidedAt", "version", "createdAt"] as const;
