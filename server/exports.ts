import "server-only";
import { and, asc, eq, gt, gte, lte, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { claims, ratings } from "@/db/schema";
import { permalinks, type SiteInfo } from "@/lib/claimreview";
import { claimsCsvHeader, claimsCsvRow } from "@/lib/interchange/claims-csv";
import type { ClaimStatus, Viewer } from "@/lib/model";
import { selectClaims, visibleClaim } from "./claim-query";

/**
 * Exports for analysis: the claims a viewer may see, filtered as the claim list is, as the CSV the
 * import reads back (lib/interchange/claims-csv.ts). Each claim's `external_id` is its page here,
 * so importing the file into this site updates those claims instead of copying them.
 */

export interface ClaimExportFilter {
  story?: number;
  speaker?: number;
  status?: ClaimStatus;
  /** A rating key of the default scale. */
  verdict?: string;
  /** Stated on or after / before, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

const PAGE = 1000;

/** The CSV, a page of claims at a time (oldest first), as a stream of text. */
export function claimsCsvStream(db: Db, viewer: Viewer, filter: ClaimExportFilter, site: SiteInfo): ReadableStream<string> {
  const links = permalinks(site);
  let after = 0;
  let started = false;
  return new ReadableStream<string>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(claimsCsvHeader());
        return;
      }
      const conditions: SQL[] = [visibleClaim(viewer), gt(claims.id, after)];
      if (filter.story) conditions.push(eq(claims.storyId, filter.story));
      if (filter.speaker) conditions.push(eq(claims.speakerId, filter.speaker));
      if (filter.status) conditions.push(eq(claims.status, filter.status));
      if (filter.verdict) conditions.push(eq(ratings.key, filter.verdict));
      if (filter.from) conditions.push(gte(claims.statedOn, filter.from));
      if (filter.to) conditions.push(lte(claims.statedOn, filter.to));
      const rows = await selectClaims(db, viewer)
        .where(and(...conditions))
        .orderBy(asc(claims.id))
        .limit(PAGE);
      if (rows.length === 0) {
        controller.close();
        return;
      }
      after = rows[rows.length - 1]!.claim.id;
      controller.enqueue(
        rows
          .map((r) =>
            claimsCsvRow({
              id: r.claim.id,
              external_id: links.claim(r.claim.id),
              text: r.claim.text,
              quote: r.claim.quote,
              speaker: r.speaker.name,
              speaker_kind: r.speaker.kind,
              stated_on: r.claim.statedOn,
              status: r.claim.status,
              verdict: r.rating?.key ?? null,
              rationale: r.claim.rationale,
              story: r.story?.title ?? null,
              source_title: r.source?.title ?? null,
              source_url: r.source?.url ?? null,
              source_publisher: r.source?.publisher ?? null,
              published_at: r.claim.publishedAt,
            }),
          )
          .join(""),
      );
    },
  });
}

/** The whole CSV as one string (tests, small exports). */
export async function claimsCsv(db: Db, viewer: Viewer, filter: ClaimExportFilter, site: SiteInfo): Promise<string> {
  let out = "";
  const reader = claimsCsvStream(db, viewer, filter, site).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) out += r.value;
  return out;
}
