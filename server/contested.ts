import "server-only";
import { and, desc, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alias } from "@/db/sql";
import { claimLinks, claims } from "@/db/schema";
import type { ContestedPairDTO, Page } from "@/lib/dto";
import { CLAIM_STATUSES, type Viewer, visibleStatuses } from "@/lib/model";
import type { ListContestedQuery } from "@/lib/schemas";
import { getClaimsByIds } from "./claim-query";
import { decodeCursor, keysetAfter, toPage } from "./pagination";

const disputed = alias(claims, "disputed");
const counter = alias(claims, "counter");

type Link = typeof claimLinks.$inferSelect;
/** A link's kept story or speaker of one end. */
type End = typeof claimLinks.toStoryId | typeof claimLinks.toSpeakerId | typeof claimLinks.fromStoryId | typeof claimLinks.fromSpeakerId;

/**
 * Every `disputes` link whose two claims the viewer may see, newest first: the disputed claim
 * and its counter-claim, for two-column display. Filters match when either side fits, so a
 * speaker's page of disputes shows the pairs where they said either thing.
 *
 * The links carry their ends' story and speaker, and whether both ends are published (kept by
 * the database), so no page reads a claim to choose its pairs: unfiltered, the links are read
 * newest first; by story or speaker, two indexes in the page's order (the disputed end in it,
 * then the counter end in it and not the disputed one) each give a page, merged here. Only a
 * status filter (staff) joins the claims.
 */
export async function listContestedPairs(db: Db, viewer: Viewer, query: ListContestedQuery): Promise<Page<ContestedPairDTO>> {
  const statuses = visibleStatuses(viewer);
  // The literal `kind = 'disputes'` is the partial indexes' predicate.
  const base: SQL[] = [sql`${claimLinks.kind} = 'disputes'`];
  if (viewer.kind === "anonymous") base.push(eq(claimLinks.bothPublished, true));
  const cursor = decodeCursor(query.cursor);
  if (cursor) base.push(keysetAfter([claimLinks.createdAt, claimLinks.id], [String(cursor[0]), cursor[1]], "desc"));

  // Readers' pairs are told by the links' own flag; a claim is read only to filter by status.
  const joined = query.status !== undefined || (viewer.kind !== "anonymous" && statuses.length < CLAIM_STATUSES.length);
  const page = async (conditions: SQL[]): Promise<Link[]> => {
    const where = [...base, ...conditions];
    if (!joined) {
      const found = await db
        .select({ link: claimLinks })
        .from(claimLinks)
        .where(and(...where))
        .orderBy(desc(claimLinks.createdAt), desc(claimLinks.id))
        .limit(query.limit + 1);
      return found.map((r) => r.link);
    }
    where.push(inArray(disputed.status, [...statuses]), inArray(counter.status, [...statuses]));
    if (query.status) where.push(or(eq(disputed.status, query.status), eq(counter.status, query.status))!);
    const found = await db
      .select({ link: claimLinks })
      .from(claimLinks)
      .innerJoin(disputed, eq(disputed.id, claimLinks.toClaimId))
      .innerJoin(counter, eq(counter.id, claimLinks.fromClaimId))
      .where(and(...where))
      .orderBy(desc(claimLinks.createdAt), desc(claimLinks.id))
      .limit(query.limit + 1);
    return found.map((r) => r.link);
  };

  // Either end in the story (or said by the speaker): the disputed end, then the counter end
  // alone, so no pair comes twice.
  const eitherEnd = async (to: End, from: End, id: number, also: SQL[]) => {
    const [a, b] = await Promise.all([page([eq(to, id), ...also]), page([eq(from, id), or(isNull(to), ne(to, id))!, ...also])]);
    return [...a, ...b].sort((x, y) => (x.createdAt === y.createdAt ? y.id - x.id : x.createdAt < y.createdAt ? 1 : -1)).slice(0, query.limit + 1);
  };
  const bySpeaker = (id: number) => or(eq(claimLinks.toSpeakerId, id), eq(claimLinks.fromSpeakerId, id))!;
  const rows = query.story
    ? await eitherEnd(claimLinks.toStoryId, claimLinks.fromStoryId, query.story, query.speaker ? [bySpeaker(query.speaker)] : [])
    : query.speaker
      ? await eitherEnd(claimLinks.toSpeakerId, claimLinks.fromSpeakerId, query.speaker, [])
      : await page([]);

  const byId = await getClaimsByIds(
    db,
    viewer,
    rows.flatMap((r) => [r.fromClaimId, r.toClaimId]),
  );
  const result = toPage(
    rows,
    query.limit,
    (link) => ({ link, claim: byId.get(link.toClaimId), counter: byId.get(link.fromClaimId) }),
    (link) => [link.createdAt, link.id],
  );
  return {
    ...result,
    items: result.items.flatMap(({ link, claim, counter: c }) =>
      claim && c ? [{ linkId: link.id, note: link.note, createdAt: link.createdAt, claim, counter: c }] : [],
    ),
  };
}
