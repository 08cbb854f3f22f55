const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2025-06-26" → "26 Jun 2025"; calendar dates are shown as written, never shifted by time zone. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return "Undated";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Singular or plural: plural(1, "claim") = "1 claim", plural(3, "claim") = "3 claims". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? word : pluralWord}`;
}

/** The host name of a URL for display ("www.example.org"), or the URL itself when it cannot be parsed. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** "26 Jun 2025", or "29 Aug 2023 – 26 Jun 2025" when the two dates differ. */
export function dateRange(first: string, last: string | null): string {
  return !last || last === first ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`;
}
