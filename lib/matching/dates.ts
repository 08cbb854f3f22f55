/**
 * Calendar dates as day numbers (days since 1970-01-01, UTC), for the date-proximity feature: a
 * fact-check is usually published within days of the posts repeating its claim. Pure and
 * locale-free (no `Date.parse`, whose accepted formats differ between engines).
 *
 * Accepted: "2020-01-14", "14 January 2020", "January 14, 2020", "Jan. 14, 2020", "Jan 14 2020".
 * A two-digit year means 20YY (tweet signatures are sometimes cut: "October 04, 19"); anything
 * else (a three-digit year, no year, an impossible day) is null rather than a guess.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)] ?? null;
}

function dayNumber(year: number, month: number, day: number): number | null {
  if (year < 100) year += 2000;
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 31 June over to 1 July; refuse it instead.
  if (new Date(ms).getUTCDate() !== day) return null;
  return Math.round(ms / 86_400_000);
}

/** The day number of a date string, or null when it is not a date this module reads. */
export function parseDay(text: string | null | undefined): number | null {
  if (!text) return null;
  const s = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*([A-Za-z]+\.?)\s+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? dayNumber(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? dayNumber(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/** A day number back to "YYYY-MM-DD". */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
