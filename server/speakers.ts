import "server-only";
import { and, asc, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { claims, speakers } from "@/db/schema";
import type { Page, SpeakerDetailDTO, SpeakerDTO } from "@/lib/dto";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/model";
import { contestedExpr, visibleClaim } from "./claim-query";
import { likePattern } from "./claims";
import { decodeCursor, toPage } from "./pagination";

const affiliation = alias(speakers, "affiliation");

function selectSpeakers(db: Db) {
  return db
    .select({ speaker: speakers, affiliation: { id: affiliation.id, name: affiliation.name, kind: affiliation.kind } })
    .from(speakers)
    .leftJoin(affiliation, eq(affiliation.id, speakers.affiliationId))
    .$dynamic();
}

type SpeakerRow = Awaited<ReturnType<ReturnType<typeof selectSpeakers>["all"]>>[number];

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

/**
 * Speakers by name, A–Z; `q` matches a name or an alias anywhere (case-insensitive), for the
 * speaker autocomplete. Merged speakers are left out: their claims live on the survivor.
 */
export function listSpeakers(db: Db, query: { q?: string; cursor?: string; limit: number }): Page<SpeakerDTO> {
  const conditions: SQL[] = [isNull(speakers.mergedIntoId)];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      sql`(${speakers.name} LIKE ${pattern} ESCAPE '\\' OR EXISTS (SELECT 1 FROM json_each(${speakers.aliases}) WHERE value LIKE ${pattern} ESCAPE '\\'))`,
    );
  }
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    const [name, id] = cursor;
    conditions.push(
      or(gt(sql`${speakers.name} COLLATE NOCASE`, String(name)), and(sql`${speakers.name} = ${String(name)} COLLATE NOCASE`, gt(speakers.id, id)))!,
    );
  }
  const rows = selectSpeakers(db)
    .where(and(...conditions))
    .orderBy(asc(sql`${speakers.name} COLLATE NOCASE`), asc(speakers.id))
    .limit(query.limit + 1)
    .all();
  return toPage(rows, query.limit, toSpeakerDTO, (r) => [r.speaker.name, r.speaker.id]);
}

export function getSpeaker(db: Db, viewer: Viewer, id: number): SpeakerDetailDTO {
  const row = selectSpeakers(db).where(eq(speakers.id, id)).get();
  if (!row) throw new NotFoundError(`No speaker with id ${id}.`);
  const affiliates = db
    .select({ id: speakers.id, name: speakers.name, kind: speakers.kind })
    .from(speakers)
    .where(and(eq(speakers.affiliationId, id), isNull(speakers.mergedIntoId)))
    .orderBy(asc(speakers.name))
    .all();
  const counts = db
    .select({
      claimCount: sql<number>`count(*)`,
      contestedCount: sql<number>`coalesce(sum(${contestedExpr(viewer)}), 0)`,
    })
    .from(claims)
    .where(and(visibleClaim(viewer), eq(claims.speakerId, id)))
    .get() ?? { claimCount: 0, contestedCount: 0 };
  return { ...toSpeakerDTO(row), affiliates, claimCount: counts.claimCount, contestedCount: counts.contestedCount };
}
