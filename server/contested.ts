import "server-only";
import { and, desc, eq, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alias, nocase, rows as rawRows } from "@/db/sql";
import { claimLinks, claims } from "@/db/schema";
import type { ContestedPairDTO, Page } from "@/lib/dto";
import { type Viewer, visibleStatuses } from "@/lib/model";
import type { ListContestedQuery } from "@/lib/schemas";
import { getClaimsByIds } from "./claim-query";
import { decodeCursor, toPage } from "./pagination";

const disputed = alias(claims, "disputed");
const counter = alias(claims, "counter");

/**
 * Every `disputes` link whose two claims the viewer may see, newest first: the disputed claim
 * and its counter-claim, for two-column display. Filters match when either side fits, so a
 * speaker's page of disputes shows the pairs where they said either thing.
 */
export async function listContestedPairs(db: Db, viewer: Viewer, query: ListContestedQuery): Promise<Page<ContestedPairDTO>> {
  const statuses = [...visibleStatuses(viewer)];
  const conditions: SQL[] = [eq(claimLinks.kind, "disputes"), inArray(disputed.status, statuses), inArray(counter.status, statuses)];
  if (query.story) conditions.push(or(eq(disputed.storyId, query.story), eq(counter.storyId, query.story))!);
  if (query.speaker) conditions.push(or(eq(disputed.speakerId, query.speaker), eq(counter.speakerId, query.speaker))!);
  if (query.status) conditions.push(or(eq(disputed.status, query.status), eq(counter.status, query.status))!);
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    const [createdAt, id] = cursor;
    conditions.push(or(lt(claimLinks.createdAt, String(createdAt)), and(eq(claimLinks.createdAt, String(createdAt)), lt(claimLinks.id, id)))!);
  }
  const rows = await db
    .select({ link: claimLinks })
    .from(claimLinks)
    .innerJoin(disputed, eq(disputed.id, claimLinks.toClaimId))
    .innerJoin(counter, eq(counter.id, claimLinks.fromClaimId))
    .where(and(...conditions))
    .orderBy(desc(claimLinks.createdAt), desc(claimLinks.id))
    .limit(query.limit + 1);
  const byId = await getClaimsByIds(
    db,
    viewer,
    rows.flatMap((r) => [r.link.fromClaimId, r.link.toClaimId]),
  );
  const page = toPage(
    rows,
    query.limit,
    (r) => ({ link: r.link, claim: byId.get(r.link.toClaimId), counter: byId.get(r.link.fromClaimId) }),
    (r) => [r.link.createdAt, r.link.id],
  );
  return {
    ...page,
    items: page.items.flatMap(({ link, claim, counter: c }) =>
      claim && c ? [{ linkId: link.id, note: link.note, createdAt: link.createdAt, claim, counter: c }] : [],
    ),
  };
}

/** The stories and speakers that appear in disputes the viewer may see: the board's filter options. */
export async function listContestedFacets(db: Db, viewer: Viewer): Promise<{ stories: { id: number; title: string }[]; speakers: { id: number; name: string }[] }> {
  const statuses = sql.join(
    visibleStatuses(viewer).map((s) => sql`${s}`),
    sql`, `,
  );
  const sides = sql`(SELECT c.story_id AS story_id, c.speaker_id AS speaker_id FROM claim_links l
      JOIN claims c ON c.id IN (l.from_claim_id, l.to_claim_id)
      JOIN claims a ON a.id = l.from_claim_id JOIN claims b ON b.id = l.to_claim_id
      WHERE l.kind = 'disputes' AND a.status IN (${statuses}) AND b.status IN (${statuses}))`;
  const stories = await rawRows<{ id: number; title: string }>(
    db,
    sql`SELECT s.id, s.title FROM stories s WHERE s.id IN (SELECT story_id FROM ${sides} x) ORDER BY ${nocase(sql`s.title`)}`,
  );
  const speakers = await rawRows<{ id: number; name: string }>(
    db,
    sql`SELECT p.id, p.name FROM speakers p WHERE p.id IN (SELECT speaker_id FROM ${sides} x) ORDER BY ${nocase(sql`p.name`)}`,
  );
  return { stories, speakers };
}
