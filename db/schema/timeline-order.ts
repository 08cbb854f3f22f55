import { type SQLWrapper, sql } from "drizzle-orm";

/** Where an undated claim sorts on a timeline: after every date. */
export const UNDATED = "9999-12-31";

/**
 * A claim's place on a timeline: its stated date, undated claims last. The timeline indexes of
 * both engines are built on this expression and the timeline queries order by it, so each page
 * is a range of an index (the date is written inline: an index expression cannot hold a parameter).
 */
export const timelineOrder = (column: SQLWrapper) => sql`coalesce(${column}, ${sql.raw(`'${UNDATED}'`)})`;
