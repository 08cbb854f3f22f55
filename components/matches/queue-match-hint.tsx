"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { VerdictBadge } from "@/components/verdict-badge";
import type { ClaimDTO } from "@/lib/dto";
import { formatDate } from "@/lib/format";
import { matchesQuery } from "@/lib/queries";
import { STRENGTH_LABELS } from "./match-list";

/**
 * In the review queue: the best claim already recorded that this one may repeat (not weak, not
 * one of `known`), so an editor sees before approving that it was checked before. The claim's
 * page has the full list and the one-click same-as link.
 */
export function QueueMatchHint({ claim, known }: { claim: ClaimDTO; known: number[] }) {
  const matches = useQuery(matchesQuery(claim.text, claim.id));
  const best = (matches.data ?? []).find((m) => m.strength !== "weak" && !known.includes(m.claim.id));
  if (!best) return null;
  const why = [...best.why.sharedNames, ...best.why.sharedFigures].slice(0, 4);
  return (
    <p className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 px-2 py-1.5 text-sm" data-testid="queue-match-hint">
      <span className="font-semibold">Checked before? {STRENGTH_LABELS[best.strength]}:</span>
      <Link href={`/claims/${best.claim.id}`}>{best.claim.text}</Link>
      <VerdictBadge verdict={best.claim.verdict} />
      <span className="text-xs text-muted">
        {best.claim.publishedAt ? `checked ${formatDate(best.claim.publishedAt)}` : "not published"}
        {why.length > 0 ? ` · shares ${why.join(", ")}` : ""}
        {best.why.disagreeingFigures.length > 0 ? ` · figures differ (${best.why.disagreeingFigures.map((f) => `${f.post} vs ${f.candidate}`).join(", ")})` : ""}
      </span>
    </p>
  );
}
