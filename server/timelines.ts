import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { countAll, nocase } from "@/db/sql";
import { claimLinks, claims, speakers } from "@/db/schema";
import type { ClaimDTO, RatingDTO, SpeakerRef, SpeakerTimelineDTO, StoryTimelineDTO, TimelineFiltersDTO, TimelineLinkDTO } from "@/lib/dto";
import { ValidationError } from "@/lib/errors";
import type { LinkKind, Viewer } from "@/lib/model";
import type { TimelineQuery } from "@/lib/schemas";
import { selectClaims, toClaimDTO, visibleClaim } from "./claim-query";
import { scaleRatings } from "./ratings";
import { getSpeaker } from "./speakers";
import { getStory } from "./stories";

/**
 * Timelines of a story or of a speaker: the claims that match the filters in the order they were
 * stated, plus the claims on the other end of their disputes and responses ("context"), so an
 * exchange is never shown by one side only. Filtering happens here, not in pages, so the page
 * and GET /api/…/timeline agree.
 */

/**
 * Claims per page. A story of a thousand claims drawn at once is a page no reader can follow
 * (and a second of rendering); pages keep the chart legible and the page fast.
 */
export const TIMELINE_PAGE_SIZE = 100;

/** Link kinds that pull the other claim in as context. */
const CONTEXT_KINDS: LinkKind[] = ["disputes", "responds-to"];

/** Stated date, undated last; the same day in the order the claims were recorded. */
const TIMELINE_ORDER = [sql`CASE WHEN ${claims.statedOn} IS NULL THEN 1 ELSE 0 END`, asc(claims.statedOn), asc(claims.createdAt), asc(claims.id)];

export type TimelineFilterInput = Partial<TimelineQuery>;

/** Checks the verdict against the default scale and fills in the defaults. */
function normaliseFilters(ratings: RatingDTO[], input: TimelineFilterInput): TimelineFiltersDTO {
  const verdict = input.verdict ?? null;
  if (verdict !== null && verdict !== "none" && !ratings.some((r) => r.key === verdict)) {
    const message = `must be one of ${[...ratings.map((r) => r.key), "none"].join(", ")}`;
    throw new ValidationError(`Invalid filter: verdict ${message}.`, { verdict: message });
  }
  if (input.from && input.to && input.from > input.to) {
    throw new ValidationError("Invalid filter: to must not be before the start date.", { to: "must not be before the start date" });
  }
  return { by: input.by ?? "speaker", speaker: input.speaker ?? null, verdict, from: input.from ?? null, to: input.to ?? null };
}

function filterConditions(filters: TimelineFiltersDTO, ratings: RatingDTO[]): SQL[] {
  const conditions: SQL[] = [];
  if (filters.speaker !== null) conditions.push(eq(claims.speakerId, filters.speaker));
  if (filters.verdict === "none") conditions.push(isNull(claims.ratingId));
  else if (filters.verdict !== null) conditions.push(eq(claims.ratingId, ratings.find((r) => r.key === filters.verdict)!.id));
  // A comparison with NULL is never true: a date range leaves undated claims out.
  if (filters.from) conditions.push(gte(claims.statedOn, filters.from));
  if (filters.to) conditions.push(lte(claims.statedOn, filters.to));
  return conditions;
}

async function readClaims(db: Db, viewer: Viewer, conditions: (SQL | undefined)[], page?: { number: number; size: number }): Promise<ClaimDTO[]> {
  const query = selectClaims(db, viewer)
    .where(and(visibleClaim(viewer), ...conditions))
    .orderBy(...TIMELINE_ORDER);
  return (await (page ? query.limit(page.size).offset((page.number - 1) * page.size) : query)).map(toClaimDTO);
}

/** One page of the claims that match, and how many match in all. */
async function readPage(db: Db, viewer: Viewer, conditions: SQL[], requested: number | undefined) {
  const [count] = await db.select({ n: countAll() }).from(claims).where(and(visibleClaim(viewer), ...conditions));
  const matched = count?.n ?? 0;
  const pages = Math.max(1, Math.ceil(matched / TIMELINE_PAGE_SIZE));
  const number = Math.min(requested ?? 1, pages);
  const primary = await readClaims(db, viewer, conditions, { number, size: TIMELINE_PAGE_SIZE });
  return { primary, page: { number, size: TIMELINE_PAGE_SIZE, pages, matched } };
}

/** The claims at the other end of the primary claims' disputes and responses, within `scope`. */
async function readContext(db: Db, viewer: Viewer, primary: ClaimDTO[], scope: SQL | undefined): Promise<ClaimDTO[]> {
  if (primary.length === 0) return [];
  const ids = primary.map((c) => c.id);
  const rows = await db
    .select({ from: claimLinks.fromClaimId, to: claimLinks.toClaimId })
    .from(claimLinks)
    .where(and(inArray(claimLinks.kind, CONTEXT_KINDS), or(inArray(claimLinks.fromClaimId, ids), inArray(claimLinks.toClaimId, ids))));
  const inPrimary = new Set(ids);
  const others = [...new Set(rows.flatMap((r) => [r.from, r.to]).filter((id) => !inPrimary.has(id)))];
  // Visibility is checked here: a draft on the other side stays hidden from readers.
  return others.length === 0 ? [] : readClaims(db, viewer, [inArray(claims.id, others), scope]);
}

/** Every link between two of the given claims, oldest first. */
async function readLinks(db: Db, shown: ClaimDTO[]): Promise<TimelineLinkDTO[]> {
  if (shown.length === 0) return [];
  const ids = shown.map((c) => c.id);
  return db
    .select({ id: claimLinks.id, kind: claimLinks.kind, fromClaimId: claimLinks.fromClaimId, toClaimId: claimLinks.toClaimId })
    .from(claimLinks)
    .where(and(inArray(claimLinks.fromClaimId, ids), inArray(claimLinks.toClaimId, ids)))
    .orderBy(claimLinks.id);
}

/**
 * A story's timeline, filtered by speaker, verdict ("none": no verdict) and stated-date range.
 * Context comes from the same story. Unfiltered, `claims` is every claim of the story the viewer
 * may see, and `links` the links among them.
 */
export async function getStoryTimeline(db: Db, viewer: Viewer, id: number, input: TimelineFilterInput = {}): Promise<StoryTimelineDTO> {
  const story = await getStory(db, viewer, id);
  const ratings = await scaleRatings(db);
  const filters = normaliseFilters(ratings, input);
  const inStory = eq(claims.storyId, id);
  const { primary, page } = await readPage(db, viewer, [inStory, ...filterConditions(filters, ratings)], input.page);
  const context = await readContext(db, viewer, primary, inStory);
  const speakerFacet: SpeakerRef[] = (
    await db
      .selectDistinct({ id: speakers.id, name: speakers.name, kind: speakers.kind, key: nocase(speakers.name) })
      .from(claims)
      .innerJoin(speakers, eq(speakers.id, claims.speakerId))
      .where(and(visibleClaim(viewer), inStory))
      .orderBy(asc(nocase(speakers.name)), asc(speakers.id))
  ).map(({ key: _key, ...s }) => s);
  return {
    story,
    claims: primary,
    context,
    links: await readLinks(db, [...primary, ...context]),
    filters,
    facets: { speakers: speakerFacet, ratings },
    total: story.claimCount,
    page,
  };
}

/**
 * A speaker's claims in stated order, filtered by verdict and date range, with the claims they
 * dispute or answer, and those that dispute or answer them, from any story, as context.
 * The speaker filter does not apply (the speaker is the timeline).
 */
export async function getSpeakerTimeline(db: Db, viewer: Viewer, id: number, input: Omit<TimelineFilterInput, "speaker"> = {}): Promise<SpeakerTimelineDTO> {
  const speaker = await getSpeaker(db, viewer, id);
  const ratings = await scaleRatings(db);
  const filters = { ...normaliseFilters(ratings, input), speaker: null };
  const { primary, page } = await readPage(db, viewer, [eq(claims.speakerId, id), ...filterConditions(filters, ratings)], input.page);
  const context = await readContext(db, viewer, primary, undefined);
  return {
    speaker,
    claims: primary,
    context,
    links: await readLinks(db, [...primary, ...context]),
    filters,
    facets: { speakers: [], ratings },
    total: speaker.claimCount,
    page,
  };
}
