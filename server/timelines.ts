import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { countAll } from "@/db/sql";
import { claimLinks, claims } from "@/db/schema";
import { timelineOrder, UNDATED } from "@/db/schema/timeline-order";
import type { ClaimDTO, RatingDTO, SpeakerTimelineDTO, StoryTimelineDTO, TimelineFiltersDTO, TimelineLinkDTO } from "@/lib/dto";
import { ValidationError } from "@/lib/errors";
import type { LinkKind, Viewer } from "@/lib/model";
import type { TimelineQuery } from "@/lib/schemas";
import { selectClaims, toClaimDTO, visibleClaim } from "./claim-query";
import { scaleRatings } from "./ratings";
import { getSpeaker } from "./speakers";
import { getStory } from "./stories";
import { storySpeakerFacet } from "./facets";
import { decodeCursorOf, encodeCursor, keysetAfter } from "./pagination";

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
export const TIMELINE_PAGE_SIZE = 25;

/** Link kinds that pull the other claim in as context. */
const CONTEXT_KINDS: LinkKind[] = ["disputes", "responds-to"];

/** Stated date, undated last; the same day in the order the claims were recorded (claims_*_timeline_idx). */
const STATED = timelineOrder(claims.statedOn);
const ORDER_COLUMNS = [STATED, claims.createdAt, claims.id];

/** A place in that order: the cursor of a timeline page. */
const timelineCursor = z.tuple([z.string(), z.string(), z.number().int().refine(Number.isSafeInteger)]);
const placeOf = (c: ClaimDTO) => [c.statedOn ?? UNDATED, c.createdAt, c.id] as const;

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
  // A date range leaves undated claims out; written on the index's order expression.
  if (filters.from || filters.to) conditions.push(isNotNull(claims.statedOn));
  if (filters.from) conditions.push(gte(STATED, filters.from));
  if (filters.to) conditions.push(lte(STATED, filters.to));
  return conditions;
}

async function readClaims(db: Db, viewer: Viewer, conditions: (SQL | undefined)[], direction: "asc" | "desc" = "asc", limit?: number): Promise<ClaimDTO[]> {
  const order = direction === "asc" ? ORDER_COLUMNS.map((c) => asc(c)) : ORDER_COLUMNS.map((c) => desc(c));
  const query = selectClaims(db, viewer)
    .where(and(visibleClaim(viewer), ...conditions))
    .orderBy(...order);
  return (await (limit === undefined ? query : query.limit(limit))).map(toClaimDTO);
}

const countOf = async (db: Db, viewer: Viewer, conditions: SQL[]) =>
  (await db.select({ n: countAll() }).from(claims).where(and(visibleClaim(viewer), ...conditions)))[0]?.n ?? 0;

/**
 * One page of the claims that match: the first page, or the page after (or before) a cursor —
 * a range of the timeline index, never an offset — with how many match and where it starts.
 */
async function readPage(db: Db, viewer: Viewer, conditions: SQL[], input: TimelineFilterInput) {
  const size = TIMELINE_PAGE_SIZE;
  const after = decodeCursorOf(input.after, timelineCursor);
  const before = after ? null : decodeCursorOf(input.before, timelineCursor);
  let primary: ClaimDTO[];
  let more: boolean;
  if (before) {
    const rows = await readClaims(db, viewer, [...conditions, keysetAfter(ORDER_COLUMNS, before, "desc")], "desc", size + 1);
    more = rows.length > size;
    primary = rows.slice(0, size).reverse();
  } else {
    const rows = await readClaims(db, viewer, after ? [...conditions, keysetAfter(ORDER_COLUMNS, after, "asc")] : conditions, "asc", size + 1);
    more = rows.length > size;
    primary = rows.slice(0, size);
  }
  const matched = await countOf(db, viewer, conditions);
  const head = primary[0];
  const earlier = head ? await countOf(db, viewer, [...conditions, keysetAfter(ORDER_COLUMNS, placeOf(head), "desc")]) : 0;
  const tail = primary[primary.length - 1];
  const hasLater = before ? tail !== undefined && earlier + primary.length < matched : more;
  return {
    primary,
    page: {
      size,
      matched,
      first: earlier + 1,
      next: hasLater && tail ? encodeCursor(placeOf(tail)) : null,
      previous: earlier > 0 && head ? encodeCursor(placeOf(head)) : null,
    },
  };
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
  const { primary, page } = await readPage(db, viewer, [inStory, ...filterConditions(filters, ratings)], input);
  const context = await readContext(db, viewer, primary, inStory);
  const speakerFacet = await storySpeakerFacet(db, viewer, id, filters.speaker);
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
  const { primary, page } = await readPage(db, viewer, [eq(claims.speakerId, id), ...filterConditions(filters, ratings)], input);
  const context = await readContext(db, viewer, primary, undefined);
  return {
    speaker,
    claims: primary,
    context,
    links: await readLinks(db, [...primary, ...context]),
    filters,
    facets: { speakers: { options: [], selected: null, more: false }, ratings },
    total: speaker.claimCount,
    page,
  };
}
