import "server-only";
import { and, asc, count, eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims, ratings, ratingScales, reviews } from "@/db/schema";
import type { CreateRatingInput, RatingScaleDTO, ScaleRatingDTO, UpdateRatingInput } from "@/lib/admin-schemas";
import { formatRatio, isReadableWithWhiteText, MIN_TEXT_CONTRAST, whiteTextContrast } from "@/lib/contrast";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { RatingDTO } from "@/lib/dto";
import type { Viewer } from "@/lib/model";
import { can, type UserViewer } from "./authz";
import { recordEvent, type Tx } from "./events";
import { changedFields, checkVersion, IMMEDIATE } from "./write-support";

/**
 * The rating scale: the default scale's verdicts, which admins edit. A verdict's `key` never
 * changes (published verdicts and ClaimReview exports point at it), and a verdict in use by a
 * claim or a review is never deleted.
 */

type RatingRow = typeof ratings.$inferSelect;

function toDTO(row: RatingRow): ScaleRatingDTO {
  return { id: row.id, key: row.key, label: row.label, description: row.description, colour: row.colour, value: row.value, position: row.position, version: row.version };
}

function defaultScale(tx: Tx): { id: number; name: string } {
  const scale = tx.select({ id: ratingScales.id, name: ratingScales.name }).from(ratingScales).where(eq(ratingScales.isDefault, true)).get();
  if (!scale) throw new NotFoundError("There is no default rating scale (the migrations add one).");
  return scale;
}

function usageOf(tx: Tx, id: number): { claims: number; reviews: number } {
  const onClaims = tx.select({ n: count() }).from(claims).where(eq(claims.ratingId, id)).get()?.n ?? 0;
  const onReviews = tx.select({ n: count() }).from(reviews).where(eq(reviews.ratingId, id)).get()?.n ?? 0;
  return { claims: onClaims, reviews: onReviews };
}

/** The badge's white text must stay readable; the API edge checks this too (lib/admin-schemas). */
function assertReadable(colour: string): void {
  if (!isReadableWithWhiteText(colour)) {
    const message = `is too light for white text: contrast ${formatRatio(whiteTextContrast(colour))} with white, needs at least ${MIN_TEXT_CONTRAST}:1`;
    throw new ValidationError(`The colour ${message}.`, { colour: message });
  }
}

/**
 * The default scale's verdicts in position order. Readers see labels and colours; those who
 * manage the scale also see how many claims and reviews use each verdict.
 */
export function listRatings(db: Db, viewer: Viewer): RatingScaleDTO {
  const scale = defaultScale(db);
  const rows = db.select().from(ratings).where(eq(ratings.scaleId, scale.id)).orderBy(asc(ratings.position), asc(ratings.id)).all();
  const withUsage = can(viewer, "scale:manage");
  return { scale, items: rows.map((row) => (withUsage ? { ...toDTO(row), usage: usageOf(db, row.id) } : toDTO(row))) };
}

/** The default scale's verdicts in scale order: what verdict forms, charts, filters and exports use. */
export function scaleRatings(db: Db | Tx): RatingDTO[] {
  return db
    .select({ id: ratings.id, key: ratings.key, label: ratings.label, description: ratings.description, colour: ratings.colour, value: ratings.value, position: ratings.position })
    .from(ratings)
    .innerJoin(ratingScales, eq(ratingScales.id, ratings.scaleId))
    .where(eq(ratingScales.isDefault, true))
    .orderBy(asc(ratings.position), asc(ratings.id))
    .all();
}

function getRatingRow(tx: Tx, id: number): RatingRow | undefined {
  return tx.select().from(ratings).where(eq(ratings.id, id)).get();
}

function current(db: Db, id: number): ScaleRatingDTO | undefined {
  const row = getRatingRow(db, id);
  return row ? { ...toDTO(row), usage: usageOf(db, id) } : undefined;
}

/** Adds a verdict to the default scale (at the end unless a position is given). */
export function createRating(db: Db, viewer: UserViewer, input: CreateRatingInput): ScaleRatingDTO {
  assertReadable(input.colour);
  return db.transaction((tx) => {
    const scale = defaultScale(tx);
    if (tx.select({ id: ratings.id }).from(ratings).where(and(eq(ratings.scaleId, scale.id), eq(ratings.key, input.key))).get()) {
      throw new ValidationError(`The scale has a verdict with the key “${input.key}” already.`, { key: "is taken by another verdict on this scale" });
    }
    const last = tx.select({ n: max(ratings.position) }).from(ratings).where(eq(ratings.scaleId, scale.id)).get()?.n ?? 0;
    const row = tx
      .insert(ratings)
      .values({ scaleId: scale.id, key: input.key, label: input.label, description: input.description, colour: input.colour, value: input.value, position: input.position ?? last + 1 })
      .returning()
      .get();
    recordEvent(tx, { actor: viewer.id, entityType: "rating", entityId: row.id, action: "create", after: { ...row } });
    return { ...toDTO(row), usage: { claims: 0, reviews: 0 } };
  }, IMMEDIATE);
}

/** Edits a verdict's label, description, colour, value or position; stale versions are a 409. */
export function updateRating(db: Db, viewer: UserViewer, id: number, input: UpdateRatingInput): ScaleRatingDTO {
  if (input.colour !== undefined) assertReadable(input.colour);
  db.transaction((tx) => {
    const before = checkVersion(getRatingRow(tx, id), input.version, `rating with id ${id}`, () => current(db, id));
    const patch = changedFields(before, { label: input.label, description: input.description, colour: input.colour, value: input.value, position: input.position });
    if (Object.keys(patch).length === 0) return;
    const after = tx.update(ratings).set({ ...patch, version: before.version + 1 }).where(eq(ratings.id, id)).returning().get();
    recordEvent(tx, { actor: viewer.id, entityType: "rating", entityId: id, action: "update", before: { ...before }, after: { ...after } });
  }, IMMEDIATE);
  const row = current(db, id);
  if (!row) throw new NotFoundError(`No rating with id ${id}.`);
  return row;
}

/** Removes a verdict no claim or review uses; one in use is a 409 (relabel it instead). */
export function deleteRating(db: Db, viewer: UserViewer, id: number): { id: number; deleted: true } {
  return db.transaction((tx) => {
    const row = getRatingRow(tx, id);
    if (!row) throw new NotFoundError(`No rating with id ${id}.`);
    const usage = usageOf(tx, id);
    if (usage.claims > 0 || usage.reviews > 0) {
      throw new ConflictError(
        `The verdict “${row.label}” is in use (${usage.claims} claim${usage.claims === 1 ? "" : "s"}, ${usage.reviews} review${usage.reviews === 1 ? "" : "s"}) and cannot be deleted; edit its label or description instead.`,
        { ...toDTO(row), usage },
      );
    }
    tx.delete(ratings).where(eq(ratings.id, id)).run();
    recordEvent(tx, { actor: viewer.id, entityType: "rating", entityId: id, action: "delete", before: { ...row } });
    return { id, deleted: true as const };
  }, IMMEDIATE);
}
