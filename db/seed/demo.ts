import "server-only";
import { and, count, eq, or } from "drizzle-orm";
import { CodePointIndex } from "@/lib/codepoints";
import { createAnchor } from "@/lib/anchoring/selectors";
import { DEMO_ACCOUNTS } from "@/lib/demo-accounts";
import { DEMO_MODE_KEY } from "@/server/demo-mode";
import { recordEvent, type Tx } from "@/server/events";
import { createUser, findUserByEmail } from "@/server/users";
import type { Db } from "../client";
import { withTx } from "../tx";
import { claimLinks, claims, comments, ratings, ratingScales, reviews, settings, sources, sourceRevisions, speakers, stories } from "../schema";
import { demoContent } from "./content";
import type { DemoClaim, DemoContent, DemoSource } from "./content/types";

/** The actor recorded in the audit log for demo data. */
export const SEED_ACTOR = "system:seed";

export interface SeedResult {
  skipped: boolean;
  created: { users: number; speakers: number; stories: number; sources: number; claims: number; links: number };
}

/**
 * One account per role, for trying Counterpoint out. They exist only in demo data (this seed),
 * never in a database set up without it, and are listed in the README.
 */
export { DEMO_ACCOUNTS };

/** Code-point span of a demo claim's quote in its source text. */
export function locateQuote(source: DemoSource, claim: DemoClaim): { start: number; end: number } {
  if (claim.quote === null) throw new Error(`demo claim ${claim.key} has no quote`);
  let at = -1;
  for (let n = 0; n <= (claim.occurrence ?? 0); n++) {
    at = source.text.indexOf(claim.quote, at + 1);
    if (at < 0) throw new Error(`demo claim ${claim.key}: quote not found in ${source.key}`);
  }
  const index = new CodePointIndex(source.text);
  return { start: index.toCodePoint(at), end: index.toCodePoint(at + claim.quote.length) };
}

/**
 * Writes the demo content. Idempotent: each item is matched by its natural key (speaker name,
 * story title, source title, claim text within its source, link pair and kind) and only missing
 * ones are created, all in one transaction with an audit event each. With `ifEmpty`, nothing is
 * written unless the database holds no sources and no claims (a newsroom's data is never mixed
 * with demo data).
 */
export async function seedDemo(db: Db, options: { ifEmpty?: boolean } = {}, content: DemoContent = demoContent): Promise<SeedResult> {
  const created = { users: 0, speakers: 0, stories: 0, sources: 0, claims: 0, links: 0 };
  if (options.ifEmpty) {
    const [fromSources] = await db.select({ n: count() }).from(sources);
    const [fromClaims] = await db.select({ n: count() }).from(claims);
    const used = (fromSources?.n ?? 0) + (fromClaims?.n ?? 0);
    if (used > 0) return { skipped: true, created };
  }
  // Demo data was asked for: the demo accounts' published passwords may sign in here.
  await withTx(db, async (tx) => {
    await tx.insert(settings).values({ key: DEMO_MODE_KEY, value: "true" }).onConflictDoNothing();
  });
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, account.email)) continue;
    await createUser(db, SEED_ACTOR, account);
    created.users++;
  }
  const people = { checker: (await findUserByEmail(db, DEMO_ACCOUNTS[0].email))!.id, editor: (await findUserByEmail(db, DEMO_ACCOUNTS[1].email))!.id };
  return withTx(db, async (tx) => {
    const at = new Date().toISOString();
    const event = (entityType: "speaker" | "story" | "source" | "claim" | "link", id: number, after: Record<string, unknown>) =>
      recordEvent(tx, { actor: SEED_ACTOR, entityType, entityId: id, action: "create", after, comment: "demo data" });

    const speakerIds = new Map<string, number>();
    for (const s of content.speakers) {
      const [existing] = await tx.select({ id: speakers.id }).from(speakers).where(eq(speakers.name, s.name));
      if (existing) {
        speakerIds.set(s.key, existing.id);
        continue;
      }
      const [row] = await tx
        .insert(speakers)
        .values({ name: s.name, kind: s.kind, description: s.description, aliases: s.aliases, createdBy: SEED_ACTOR })
        .returning();
      speakerIds.set(s.key, row!.id);
      await event("speaker", row!.id, row!);
      created.speakers++;
    }
    for (const s of content.speakers) {
      if (!s.affiliation) continue;
      const id = speakerIds.get(s.key)!;
      const [current] = await tx.select().from(speakers).where(eq(speakers.id, id));
      const affiliationId = speakerIds.get(s.affiliation)!;
      if (current!.affiliationId !== null) continue;
      const [after] = await tx.update(speakers).set({ affiliationId, version: current!.version + 1, updatedAt: at }).where(eq(speakers.id, id)).returning();
      await recordEvent(tx, { actor: SEED_ACTOR, entityType: "speaker", entityId: id, action: "update", before: current, after, comment: "demo data" });
    }

    const storyIds = new Map<string, number>();
    for (const s of content.stories) {
      const [existing] = await tx.select({ id: stories.id }).from(stories).where(eq(stories.title, s.title));
      if (existing) {
        storyIds.set(s.key, existing.id);
        continue;
      }
      const [row] = await tx.insert(stories).values({ title: s.title, description: s.description, createdBy: SEED_ACTOR }).returning();
      storyIds.set(s.key, row!.id);
      await event("story", row!.id, row!);
      created.stories++;
    }

    const sourceIds = new Map<string, number>();
    for (const s of content.sources) {
      const [existing] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.title, s.title));
      if (existing) {
        sourceIds.set(s.key, existing.id);
        continue;
      }
      const { key: _key, ...values } = s;
      // The demo desk's own articles: the newsroom may reproduce them, so readers see them whole.
      const [row] = await tx.insert(sources).values({ ...values, publishable: true, createdBy: SEED_ACTOR }).returning();
      await tx.insert(sourceRevisions).values({ sourceId: row!.id, revision: 1, text: s.text, createdBy: SEED_ACTOR, note: "demo data" });
      sourceIds.set(s.key, row!.id);
      const { text: _text, ...summary } = row!;
      await event("source", row!.id, summary);
      created.sources++;
    }

    const [scale] = await tx.select({ id: ratingScales.id }).from(ratingScales).where(eq(ratingScales.isDefault, true));
    if (!scale) throw new Error("the default rating scale is missing: run the migrations first");
    const ratingIds = new Map(
      (await tx
        .select({ id: ratings.id, key: ratings.key })
        .from(ratings)
        .where(eq(ratings.scaleId, scale.id)))
        .map((r) => [r.key, r.id]),
    );

    const claimIds = new Map<string, number>();
    const sourcesByKey = new Map(content.sources.map((s) => [s.key, s]));
    for (const c of content.claims) {
      const sourceId = c.sourceKey ? sourceIds.get(c.sourceKey)! : null;
      const existing = await findClaim(tx, c.text, sourceId);
      if (existing) {
        claimIds.set(c.key, existing.id);
        continue;
      }
      const source = c.sourceKey ? sourcesByKey.get(c.sourceKey)! : null;
      const span = source && c.quote !== null ? locateQuote(source, c) : null;
      const anchor = source && span ? createAnchor(source.text, span.start, span.end) : null;
      const ratingId = c.verdict ? ratingIds.get(c.verdict.rating) : undefined;
      if (c.verdict && ratingId === undefined) throw new Error(`demo claim ${c.key}: unknown rating ${c.verdict.rating}`);
      const [row] = await tx
        .insert(claims)
        .values({
          text: c.text,
          quote: c.quote,
          speakerId: speakerIds.get(c.speakerKey)!,
          sourceId,
          storyId: c.storyKey ? storyIds.get(c.storyKey)! : null,
          statedOn: c.statedOn,
          status: c.status,
          // Only a published claim carries its verdict; others have it as a proposal (below).
          ratingId: c.status === "published" ? (ratingId ?? null) : null,
          rationale: c.status === "published" ? (c.verdict?.rationale ?? null) : null,
          publishedAt: c.status === "published" ? at : null,
          ...(anchor
            ? {
                anchorExact: anchor.exact,
                anchorPrefix: anchor.prefix,
                anchorSuffix: anchor.suffix,
                anchorStart: anchor.start,
                anchorEnd: anchor.end,
                anchorRevision: 1,
                anchorState: "anchored" as const,
              }
            : {}),
          createdBy: SEED_ACTOR,
        })
        .returning();
      claimIds.set(c.key, row!.id);
      await event("claim", row!.id, row!);
      created.claims++;
      if (c.verdict && ratingId !== undefined) await seedReview(tx, row!.id, c.status, ratingId, c.verdict.rationale, people);
    }

    for (const l of content.links) {
      const from = claimIds.get(l.from)!;
      const to = claimIds.get(l.to)!;
      const [existing] = await tx
        .select({ id: claimLinks.id })
        .from(claimLinks)
        .where(
          and(
            eq(claimLinks.kind, l.kind),
            or(and(eq(claimLinks.fromClaimId, from), eq(claimLinks.toClaimId, to)), and(eq(claimLinks.fromClaimId, to), eq(claimLinks.toClaimId, from))),
          ),
        );
      if (existing) continue;
      const [row] = await tx.insert(claimLinks).values({ fromClaimId: from, toClaimId: to, kind: l.kind, note: l.note, createdBy: SEED_ACTOR }).returning();
      await event("link", row!.id, row!);
      created.links++;
    }
    return { skipped: false, created };
  });
}

async function findClaim(tx: Tx, text: string, sourceId: number | null) {
  return (await tx
    .select({ id: claims.id, sourceId: claims.sourceId })
    .from(claims)
    .where(eq(claims.text, text)))
    .find((c) => c.sourceId === sourceId);
}

/**
 * The review behind a demo verdict: approved by the demo editor for a published claim, awaiting
 * a decision for a claim in review, sent back with a comment for a returned one.
 */
async function seedReview(tx: Tx, claimId: number, status: string, ratingId: number, rationale: string, people: { checker: string; editor: string }): Promise<void> {
  const decided =
    status === "published"
      ? { state: "approved" as const, decidedBy: people.editor, decidedAt: new Date().toISOString(), decisionComment: null }
      : status === "returned"
        ? { state: "returned" as const, decidedBy: people.editor, decidedAt: new Date().toISOString(), decisionComment: "Give the year and the report the estimate comes from, and say whether it has been updated since." }
        : { state: "pending" as const };
  const [review] = await tx.insert(reviews).values({ claimId, ratingId, rationale, authorId: people.checker, ...decided }).returning();
  await recordEvent(tx, { actor: SEED_ACTOR, entityType: "review", entityId: review!.id, action: "create", after: review!, comment: "demo data" });
  if (decided.state === "returned") {
    await tx.insert(comments).values({ claimId, authorId: people.editor, body: `Returned: ${decided.decisionComment}` });
    await recordEvent(tx, { actor: people.editor, entityType: "claim", entityId: claimId, action: "return", comment: decided.decisionComment });
  }
}
