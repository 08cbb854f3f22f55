/**
 * Claims as CSV: the columns GET /api/exports/claims.csv writes and the CSV import reads (the
 * README lists them). Only `text` and `speaker` are required to import; columns the import does
 * not know are ignored, and their order does not matter. Pure.
 */
import { CLAIM_STATUSES, SPEAKER_KINDS, type SpeakerKind } from "@/lib/model";
import { csvRecord, CsvSyntaxError, parseCsv } from "./csv";
import { type IncomingClaim, isoDay, isoInstant, type ParsedItem } from "./incoming";
import { FileRefusal } from "./json-ld";
import { mapVerdict, type ScaleEntry } from "./verdicts";

export const CLAIM_CSV_COLUMNS = [
  "id",
  "external_id",
  "text",
  "quote",
  "speaker",
  "speaker_kind",
  "stated_on",
  "status",
  "verdict",
  "rationale",
  "story",
  "source_title",
  "source_url",
  "source_publisher",
  "published_at",
] as const;
export type ClaimCsvColumn = (typeof CLAIM_CSV_COLUMNS)[number];

export const CSV_SCHEME = "csv";

export interface ClaimsCsvOptions {
  scale: readonly ScaleEntry[];
  ratingMap?: Readonly<Record<string, string>>;
  /** This site's address: an `external_id` that is one of its claim pages updates that claim. */
  siteUrl?: string | null;
}

export function readClaimsCsv(text: string, options: ClaimsCsvOptions): ParsedItem[] {
  const records = parseCsv(text);
  let header: string[];
  const items: ParsedItem[] = [];
  try {
    const first = records.next();
    if (first.done) throw new FileRefusal("the file is empty");
    header = first.value.fields.map((h) => h.trim().toLowerCase().replace(/\s+/g, "_"));
    const missing = (["text", "speaker"] as const).filter((c) => !header.includes(c));
    if (missing.length > 0) throw new FileRefusal(`line ${first.value.line}: the header has no ${missing.map((m) => `“${m}”`).join(" or ")} column (it has ${header.map((h) => `“${h}”`).join(", ")})`);
    const ownClaim = options.siteUrl ? new RegExp(`^${options.siteUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/claims/(\\d+)$`) : null;
    for (const record of records) {
      const ref = `line ${record.line}`;
      if (record.fields.length !== header.length) {
        items.push({ ref, reason: `${record.fields.length} field(s); the header has ${header.length}` });
        continue;
      }
      const row = Object.fromEntries(header.map((h, i) => [h, record.fields[i]!.trim()])) as Partial<Record<ClaimCsvColumn, string>>;
      items.push(readRow(ref, row, options, ownClaim));
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new FileRefusal(error.message);
    throw error;
  }
  return items;
}

function readRow(ref: string, row: Partial<Record<ClaimCsvColumn, string>>, options: ClaimsCsvOptions, ownClaim: RegExp | null): ParsedItem {
  const text = row.text ?? "";
  if (!text) return { ref, reason: "text is empty" };
  const speaker = row.speaker ?? "";
  if (!speaker) return { ref, reason: "speaker is empty" };
  const kind = (row.speaker_kind || "person") as SpeakerKind;
  if (!SPEAKER_KINDS.includes(kind)) return { ref, reason: `speaker_kind “${row.speaker_kind}” is not one of ${SPEAKER_KINDS.join(", ")}` };
  const statedOn = row.stated_on ? isoDay(row.stated_on) : null;
  if (row.stated_on && (!statedOn || row.stated_on.length !== 10)) return { ref, reason: `stated_on “${row.stated_on}” is not a date (YYYY-MM-DD)` };
  const publishedAt = row.published_at ? isoInstant(row.published_at) : null;
  if (row.published_at && !publishedAt) return { ref, reason: `published_at “${row.published_at}” is not a date or time (ISO 8601)` };
  let status = row.status || (row.verdict ? "published" : "draft");
  const notes: string[] = [];
  if (!(CLAIM_STATUSES as readonly string[]).includes(status)) return { ref, reason: `status “${status}” is not one of ${CLAIM_STATUSES.join(", ")}` };
  if (status !== "draft" && status !== "published") {
    // A claim in the workflow elsewhere starts it again here.
    notes.push(`status “${status}” imported as a draft`);
    status = "draft";
  }
  const verdict = row.verdict ? mapVerdict(options.scale, { alternateName: row.verdict }, options.ratingMap) : null;
  if (verdict && "unmapped" in verdict) notes.push(`verdict “${verdict.unmapped}” is not on our scale: kept as a draft until it is mapped`);
  const id = row.external_id ?? "";
  const own = id && ownClaim ? ownClaim.exec(id) : null;
  const sourceUrl = row.source_url && /^https?:\/\//i.test(row.source_url) ? row.source_url : null;
  if (row.source_url && !sourceUrl) return { ref, reason: `source_url “${row.source_url}” is not an http(s) address` };
  const claim: IncomingClaim = {
    ref,
    key: id && !own ? { scheme: CSV_SCHEME, key: id } : null,
    ...(own ? { claimId: Number(own[1]) } : {}),
    text,
    quote: row.quote || null,
    speaker: { name: speaker, kind, description: null },
    statedOn,
    // A verdict the scale lacks is never published unrated: the claim waits, a draft, for a person to map it.
    status: status === "published" && !(verdict && "unmapped" in verdict) ? "published" : "draft",
    verdict,
    rationale: row.rationale || null,
    publishedAt,
    story: row.story || null,
    source: sourceUrl || row.source_title ? { url: sourceUrl, title: row.source_title || sourceUrl!, publisher: row.source_publisher || null, author: null, publishedOn: null } : null,
    notes,
  };
  return claim;
}

/** The CSV header line the export writes. */
export function claimsCsvHeader(): string {
  return csvRecord(CLAIM_CSV_COLUMNS);
}

/** One claim as a CSV record, in CLAIM_CSV_COLUMNS order. */
export function claimsCsvRow(values: Record<ClaimCsvColumn, string | number | null>): string {
  return csvRecord(CLAIM_CSV_COLUMNS.map((c) => values[c]));
}
