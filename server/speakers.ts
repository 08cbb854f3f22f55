import "server-only";
import { and, asc, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alias, contains, countAll, countWhere, jsonArrayContains, nocase } from "@/db/sql";
import { claims, speakers } from "@/db/schema";
import type { Page, SpeakerDetailDTO, SpeakerDTO } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/model";
import { contestedExpr, visibleClaim } from "./claim-query";
import { decodeCursor, toPage } from "./pagination";

const affiliation = alias(speakers, "affiliation");

function selectSpeakers(db: Db, viewer: Viewer) {
  return db
    .select({ speaker: speakers, affiliation: { id: affiliation.id, name: affiliation.name, kind: affiliation.kind } })
    .from(speakers)
    // A reader is told of an affiliation only once it has a published claim of its own.
    .leftJoin(affiliation, and(eq(affiliation.id, speakers.affiliationId), viewer.kind === "anonymous" ? sql`${affiliation.publishedClaims} > 0` : undefined))
    .$dynamic();
}

type SpeakerRow = Awaited<ReturnType<ReturnType<typeof selectSpeakers>["execute"]>>[number];

export function toSpeakerDTO({ speaker: s, affiliation: a }: SpeakerRow): SpeakerDTO {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    description: s.description,
    aliases: s.aliases,
    affiliation: a,
    mergedIntoId: s.mergedIntoId,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** A speaker readers may see: one with a published claim (kept by the database, migration published_reach). */
export const publicSpeaker: SQL = sql`${speakers.publishedClaims} > 0`;

/**
 * Speakers by name, A–Z; `q` matches a name or an alias anywhere (case-insensitive), for the
 * speaker autocomplete. Merged speakers are left out: their claims live on the survivor.
 */
export async function listSpeakers(db: Db, viewer: Viewer, query: { q?: string; cursor?: string; limit: number }): Promise<Page<SpeakerDTO>> {
  // Readers see a speaker once it has a published claim (speakers_public_name_idx); a merged
  // speaker has none, its claims having moved to the survivor.
  const conditions: SQL[] = [viewer.kind === "anonymous" ? publicSpeaker : isNull(speakers.mergedIntoId)];
  if (query.q) {
    conditions.push(or(contains(speakers.name, query.q), jsonArrayContains(speakers.aliases, query.q))!);
  }
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    const [name, id] = cursor;
    conditions.push(
      or(sql`${nocase(speakers.name)} > ${nocase(sql`${String(name)}`)}`, and(sql`${nocase(speakers.name)} = ${nocase(sql`${String(name)}`)}`, gt(speakers.id, id)))!,
    );
  }
  const rows = await selectSpeakers(db, viewer)
    .where(and(...conditions))
    .orderBy(asc(nocase(speakers.name)), asc(speakers.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, toSpeakerDTO, (r) => [r.speaker.name, r.speaker.id]);
}

export async function getSpeaker(db: Db, viewer: Viewer, id: number): Promise<SpeakerDetailDTO> {
  const [row] = await selectSpeakers(db, viewer).where(eq(speakers.id, id));
  if (!row || (viewer.kind === "anonymous" && !(await readerMaySee(db, row.speaker)))) throw new NotFoundError(`No speaker with id ${id}.`);
  const reader = viewer.kind === "anonymous";
  const affiliates = await db
    .select({ id: speakers.id, name: speakers.name, kind: speakers.kind })
    .from(speakers)
    .where(and(eq(speakers.affiliationId, id), isNull(speakers.mergedIntoId), reader ? publicSpeaker : undefined))
    .orderBy(asc(speakers.name));
  const [counts = { claimCount: 0, contestedCount: 0 }] = await db
    .select({ claimCount: countAll(), contestedCount: countWhere(contestedExpr(viewer)) })
    .from(claims)
    .where(and(visibleClaim(viewer), eq(claims.speakerId, id)));
  return { ...toSpeakerDTO(row), affiliates, claimCount: counts.claimCount, contestedCount: counts.contestedCount };
}

/** A speaker readers may see: one with a published claim, or one merged into such a speaker (its page points there). */
async function readerMaySee(db: Db, s: { publishedClaims: number; mergedIntoId: number | null }): Promise<boolean> {
  if (s.publishedClaims > 0) return true;
  return s.mergedIntoId !== null && (await readerMaySeeId(db, s.mergedIntoId));
}

async function readerMaySeeId(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ publishedClaims: speakers.publishedClaims, mergedIntoId: speakers.mergedIntoId }).from(speakers).where(eq(speakers.id, id));
  return row ? row.publishedClaims > 0 || (row.mergedIntoId !== null && row.mergedIntoId !== id && (await readerMaySeeId(db, row.mergedIntoId))) : false;
}
