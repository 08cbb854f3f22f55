import "server-only";
import type { Db } from "@/db/client";
import { tidyAfterImport } from "@/db/sql";
import { withTx } from "@/db/tx";
import { claims, evidence, speakers } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { parseDay } from "@/lib/matching/dates";
import { recordEvent } from "../events";
import { scaleRatings } from "../ratings";

/**
 * Import of an archive of published fact-checks, one JSON object a line, in the form of CLEF
 * CheckThat! 2022 Task 2A's `vclaims.jsonl`: `vclaim_id`, `vclaim` (the claim checked),
 * `title`, `subtitle`, `author`, `date` ("26 May 2015"), and optionally `url` and `rating` (a
 * key of the rating scale). Each becomes a published claim: the claim as its text, the title
 * and subtitle as its rationale (what the claim matcher reads beside the claim), the date it was
 * checked as its publication time, the fact-check's URL as context evidence.
 */
export interface FactCheckRow {
  /** The archive's id for the fact-check; only reported back, never stored. */
  externalId: string;
  claim: string;
  title: string;
  subtitle: string;
  author: string;
  /** The date it was checked, YYYY-MM-DD, or null when unknown. */
  checkedOn: string | null;
  url: string | null;
  rating: string | null;
}

const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** An ISO date from a date as archives write it ("26 May 2015", "May 26, 2015", "2015-05-26"). */
export function isoDay(text: string): string | null {
  const day = parseDay(text);
  return day === null ? null : new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function parseFactChecksJsonl(text: string): FactCheckRow[] {
  const out: FactCheckRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    let d: Record<string, unknown>;
    try {
      d = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new ValidationError(`Line ${i + 1} is not JSON.`, { file: `line ${i + 1}: not JSON` });
    }
    const externalId = str(d.vclaim_id ?? d.id);
    const claim = str(d.vclaim ?? d.claim);
    if (!externalId || !claim) throw new ValidationError(`Line ${i + 1} has no id or no claim.`, { file: `line ${i + 1}: needs vclaim_id and vclaim` });
    const url = str(d.url);
    out.push({
      externalId,
      claim,
      title: str(d.title),
      subtitle: str(d.subtitle),
      author: str(d.author),
      checkedOn: isoDay(str(d.date)),
      url: /^https?:\/\//i.test(url) ? url : null,
      rating: str(d.rating) || null,
    });
  });
  return out;
}

/** An import this large merges the search indexes and refreshes the planner's statistics (db/sql.ts) once it is done. */
const ANALYZE_AFTER = 1000;

/** The speaker of imported claims whose author the archive does not name. */
export const UNATTRIBUTED = "Unattributed (circulating claim)";

export interface FactCheckImportResult {
  /** Claim id per row, in row order (an existing identical claim's id when skipped). */
  ids: number[];
  created: number;
  skipped: number;
}

/**
 * Imports fact-checks as published claims, in transactions of `batch` rows, each claim (and its
 * evidence) with its audit event. A row identical to a claim already stored (same text,
 * rationale and date) is not added again: importing twice adds nothing.
 */
export async function importFactChecks(db: Db, actor: string, rows: FactCheckRow[], batch = 2000): Promise<FactCheckImportResult> {
  const result: FactCheckImportResult = { ids: [], created: 0, skipped: 0 };
  const ratingIds = new Map((await scaleRatings(db)).map((r) => [r.key, r.id]));
  const key = (text: string, rationale: string | null, publishedAt: string | null) => `${text}\u0000${rationale ?? ""}\u0000${publishedAt ?? ""}`;
  const seen = new Map(
    (await db.select({ id: claims.id, text: claims.text, rationale: claims.rationale, publishedAt: claims.publishedAt }).from(claims)).map((c) => [key(c.text, c.rationale, c.publishedAt), c.id]),
  );
  for (const row of rows) {
    if (row.rating && !ratingIds.has(row.rating)) throw new ValidationError(`“${row.rating}” is not a rating of the scale (fact-check ${row.externalId}).`, { rating: "not on the rating scale" });
  }
  let speakerId: number | null = null;
  for (let i = 0; i < rows.length; i += batch) {
    await withTx(db, async (tx) => {
      if (speakerId === null) {
        const found = await tx.select({ id: speakers.id, name: speakers.name }).from(speakers);
        speakerId = found.find((s) => s.name === UNATTRIBUTED)?.id ?? null;
        if (speakerId === null) {
          const [s] = await tx.insert(speakers).values({ name: UNATTRIBUTED, kind: "other", description: "Claims circulating without a known author, imported with their fact-checks.", aliases: [], createdBy: actor }).returning();
          await recordEvent(tx, { actor, entityType: "speaker", entityId: s!.id, action: "create", after: s, comment: "fact-check import" });
          speakerId = s!.id;
        }
      }
      for (const row of rows.slice(i, i + batch)) {
        const rationale = [row.title, row.subtitle].filter(Boolean).join(" ") || null;
        const publishedAt = row.checkedOn ? `${row.checkedOn}T00:00:00.000Z` : new Date().toISOString();
        const k = key(row.claim, rationale, publishedAt);
        const existing = seen.get(k);
        if (existing !== undefined) {
          result.ids.push(existing);
          result.skipped++;
          continue;
        }
        const ratingId = row.rating ? ratingIds.get(row.rating)! : null;
        const [c] = await tx.insert(claims).values({ text: row.claim, speakerId: speakerId!, status: "published", publishedAt, ratingId, rationale, createdBy: actor }).returning();
        await recordEvent(tx, { actor, entityType: "claim", entityId: c!.id, action: "create", after: c, comment: `fact-check import (${row.externalId})` });
        if (row.url) {
          const note = `Fact-check${row.author ? ` by ${row.author}` : ""}${row.checkedOn ? `, ${row.checkedOn}` : ""}`;
          const [e] = await tx.insert(evidence).values({ claimId: c!.id, url: row.url, stance: "context", note, createdBy: actor }).returning();
          await recordEvent(tx, { actor, entityType: "evidence", entityId: e!.id, action: "create", after: e, comment: "fact-check import" });
        }
        seen.set(k, c!.id);
        result.ids.push(c!.id);
        result.created++;
      }
    });
  }
  if (result.created >= ANALYZE_AFTER) await tidyAfterImport(db);
  return result;
}
