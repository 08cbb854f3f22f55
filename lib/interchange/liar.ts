/**
 * The LIAR dataset's TSV (Wang 2017: PolitiFact statements with speakers and six-way labels), row
 * by row: each line is accepted or refused on its own, with its number and the reason. Two forms:
 * LIAR's 14 columns (id, label, statement, subjects, speaker, job title, state, party, five
 * credit-history counts, context) and LIAR-PLUS's 16 (a leading row number, the same 14, and the
 * editors' justification). No header, no quoting. Pure.
 */
import type { IncomingClaim, ParsedItem } from "./incoming";

export const LIAR_SCHEME = "liar";

/** PolitiFact's six labels on Counterpoint's default scale. */
export const LIAR_LABELS: Readonly<Record<string, string>> = Object.freeze({
  true: "true",
  "mostly-true": "mostly-true",
  "half-true": "half-true",
  "barely-true": "mostly-false",
  false: "false",
  "pants-fire": "false",
});

/** "dwayne-bohac" → "Dwayne Bohac". */
export function speakerName(slug: string): string {
  return slug
    .split("-")
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/-/g, " ");
const ORGANISATION = /organization|group|committee|campaign|party|pac|association|network|news|democrats|republicans/i;

export function readLiarTsv(text: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    const ref = `line ${i + 1}`;
    let cols = line.split("\t");
    let justification = "";
    if (cols.length === 16) {
      justification = cols[15]!.trim();
      cols = cols.slice(1, 15);
    } else if (cols.length !== 14) {
      items.push({ ref, reason: `${cols.length} tab-separated columns; LIAR has 14 and LIAR-PLUS 16` });
      return;
    }
    const [id, label, statement, subjects, speaker, job, state, party, , , , , , context] = cols.map((c) => c.trim()) as string[];
    // An own property only: "toString" or "constructor" is not a label.
    if (!Object.hasOwn(LIAR_LABELS, label!)) {
      items.push({ ref, reason: `unknown label “${label}” (LIAR's labels: ${Object.keys(LIAR_LABELS).join(", ")})` });
      return;
    }
    if (!statement) return void items.push({ ref, reason: "the statement is empty" });
    if (!speaker) return void items.push({ ref, reason: "the speaker is empty" });
    if (!id) return void items.push({ ref, reason: "the statement id is empty" });
    const name = speakerName(speaker);
    const description = [job, state, party && party !== "none" ? party : ""].filter(Boolean).join(", ") || null;
    const subject = subjects!.split(",").map((s) => s.trim()).filter(Boolean)[0];
    const claim: IncomingClaim = {
      ref,
      key: { scheme: LIAR_SCHEME, key: id },
      text: statement,
      quote: statement,
      speaker: { name, kind: ORGANISATION.test(`${party} ${name}`) ? "organisation" : "person", description },
      statedOn: null,
      status: "published",
      verdict: { key: LIAR_LABELS[label!]!, via: "label" },
      rationale: `${justification ? `${justification}\n\n` : ""}Imported from the LIAR dataset (statement ${id}); PolitiFact rated it “${label}”.${context ? ` Said in ${context}.` : ""}`,
      publishedAt: null,
      story: subject ? titleCase(subject) : null,
      source: null,
      notes: [],
    };
    items.push(claim);
  });
  return items;
}
