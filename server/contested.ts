import "server-only";
import { and, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alias } from "@/db/sql";
import { claimLinks, claims } from "@/db/schema";
import type { ContestedPairDTO, Page } from "@/lib/dto";
import { type Viewer, visibleStatuses } from "@/lib/model";
import type { ListContestedQuery } from "@/lib/schemas";
import { getClaimsByIds } from "./claim-query";
import { decodeCursor, keysetAfter, toPage } from "./pagination";

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
    conditions.push(keysetAfter([claimLinks.createdAt, claimLinks.id], [String(cursor[0]), cursor[1]], "desc"));
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
