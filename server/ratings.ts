import "server-only";
import { and, asc, count, eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { claims, ratings, ratingScales, reviews } from "@/db/schema";
import type { CreateRatingInput, RatingScaleDTO, ScaleRatingDTO, UpdateRatingInput } from "@/lib/admin-schemas";
import { formatRatio, isReadableWithWhiteText, MIN_TEXT_CONTRAST, whiteTextContrast } from "@/lib/contrast";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { RatingDTO } from "@/lib/dto";
import type { Viewer } from "@/lib/model";
import { can, type UserViewer } from "./authz";
import { recordEvent, type Tx } from "./events";
import { changedFields, checkVersion } from "./write-support";

/**
 * The rating scale: the default scale's verdicts, which admins edit. A verdict's `key` never
 * changes (published verdicts and ClaimReview exports point at it), and a verdict in use by a
 * claim or a review is never deleted.
 */

type RatingRow = typeof ratings.$inferSelect;

function toDTO(row: RatingRow): ScaleRatingDTO {
  return { id: row.id, key: row.key, label: row.label, description: row.description, colour: row.colour, value: row.value, position: row.position, version: row.version };
}

async function defaultScale(tx: Tx): Promise<{ id: number; name: string }> {
  const [scale] = await tx.select({ id: ratingScales.id, name: ratingScales.name }).from(ratingScales).where(eq(ratingScales.isDefault, true));
  if (!scale) throw new NotFoundError("There is no default rating scale (the migrations add one).");
  return scale;
}

async function usageOf(tx: Tx, id: number): Promise<{ claims: number; reviews: number }> {
  const [onClaims] = await tx.select({ n: count() }).from(claims).where(eq(claims.ratingId, id));
  const [onReviews] = await tx.select({ n: count() }).from(reviews).where(eq(reviews.ratingId, id));
  return { claims: onClaims?.n ?? 0, reviews: onReviews?.n ?? 0 };
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
export async function listRatings(db: Db, viewer: Viewer): Promise<RatingScaleDTO> {
  const scale = await defaultScale(db);
  const rows = await db.select().from(ratings).where(eq(ratings.scaleId, scale.id)).orderBy(asc(ratings.position), asc(ratings.id));
  const withUsage = can(viewer, "scale:manage");
  const items: ScaleRatingDTO[] = [];
  for (const row of rows) items.push(withUsage ? { ...toDTO(row), usage: await usageOf(db, row.id) } : toDTO(row));
  return { scale, items };
}

/** The default scale's verdicts in scale order: what verdict forms, charts, filters and exports use. */
export async function scaleRatings(db: Db | Tx): Promise<RatingDTO[]> {
  return db
    .select({ id: ratings.id, key: ratings.key, label: ratings.label, description: ratings.description, colour: ratings.colour, value: ratings.value, position: ratings.position })
    .from(ratings)
    .innerJoin(ratingScales, eq(ratingScales.id, ratings.scaleId))
    .where(eq(ratingScales.isDefault, true))
    .orderBy(asc(ratings.position), asc(ratings.id));
}

async function getRatingRow(tx: Tx, id: number): Promise<RatingRow | undefined> {
  return (await tx.select().from(ratings).where(eq(ratings.id, id)))[0];
}

async function current(db: Db, id: number): Promise<ScaleRatingDTO | undefined> {
  const row = await getRatingRow(db, id);
  return row ? { ...toDTO(row), usage: await usageOf(db, id) } : undefined;
}

/** Adds a verdict to the default scale (at the end unless a position is given). */
export async function createRating(db: Db, viewer: UserViewer, input: CreateRatingInput): Promise<ScaleRatingDTO> {
  assertReadable(input.colour);
  return withTx(db, async (tx) => {
    const scale = await defaultScale(tx);
    if ((await tx.select({ id: ratings.id }).from(ratings).where(and(eq(ratings.scaleId, scale.id), eq(ratings.key, input.key)))).length > 0) {
      throw new ValidationError(`The scale has a verdict with the key “${input.key}” already.`, { key: "is taken by another verdict on this scale" });
    }
    const [top] = await tx.select({ n: max(ratings.position) }).from(ratings).where(eq(ratings.scaleId, scale.id));
    const last = top?.n ?? 0;
    const [row] = await tx
      .insert(ratings)
      .values({ scaleId: scale.id, key: input.key, label: input.label, description: input.description, colour: input.colour, value: input.value, position: input.position ?? last + 1 })
      .returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "rating", entityId: row!.id, action: "create", after: { ...row } });
    return { ...toDTO(row!), usage: { claims: 0, reviews: 0 } };
  });
}

/** Edits a verdict's label, description, colour, value or position; stale versions are a 409. */
export async function updateRating(db: Db, viewer: UserViewer, id: number, input: UpdateRatingInput): Promise<ScaleRatingDTO> {
  if (input.colour !== undefined) assertReadable(input.colour);
  await withTx(db, async (tx) => {
    const before = checkVersion(await getRatingRow(tx, id), input.version, `rating with id ${id}`, () => current(db, id));
    const patch = changedFields(before, { label: input.label, description: input.description, colour: input.colour, value: input.value, position: input.position });
    if (Object.keys(patch).length === 0) return;
    const [after] = await tx.update(ratings).set({ ...patch, version: before.version + 1 }).where(eq(ratings.id, id)).returning();
    await recordEvent(tx, { actor: viewer.id, entityType: "rating", entityId: id, action: "update", before: { ...before }, after: { ...after } });
  });
  const row = await current(db, id);
  if (!row) throw new NotFoundError(`No rating with id ${id}.`);
  return row;
}

/** Removes a verdict no claim or review uses; one in use is a 409 (relabel it instead). */
export async function deleteRating(db: Db, viewer: UserViewer, id: number): Promise<{ id: number; deleted: true }> {
  return withTx(db, async (tx) => {
    const row = await getRatingRow(tx, id);
    if (!row) throw new NotFoundError(`No rating with id ${id}.`);
    const usage = await usageOf(tx, id);
    if (usage.claims > 0 || usage.reviews > 0) {
      throw new ConflictError(
        `The verdict “${row.label}” is in use (${usage.claims} claim${usage.claims === 1 ? "" : "s"}, ${usage.reviews} review${usage.reviews === 1 ? "" : "s"}) and cannot be deleted; edit its label or description instead.`,
        { ...toDTO(row), usage },
      );
    }
    await tx.delete(ratings).where(eq(ratings.id, id));
    await recordEvent(tx, { actor: viewer.id, entityType: "rating", entityId: id, action: "delete", before: { ...row } });
    return { id, deleted: true as const };
  });
}
