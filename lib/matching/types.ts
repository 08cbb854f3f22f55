/** One archived claim as stage 2 receives it from the database. */
export interface Candidate {
  /** The caller's id for the claim; returned untouched. */
  id: string | number;
  /** The normalised claim (FTS column `text`). */
  text: string;
  /** A verbatim quote, empty when none (FTS column `quote`). */
  quote: string;
  /** The fact-check's title and subtitle (FTS column `headline`). */
  headline: string;
  /** The fact-check's date as stored, e.g. "26 May 2015" or "2015-05-26"; empty when unknown. */
  date: string;
}
