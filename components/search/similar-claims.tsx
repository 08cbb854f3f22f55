"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { formatDate } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/model";
import { similarClaimsQuery } from "@/lib/queries";

/**
 * "Looks like an existing claim": while a fact-checker writes a claim, the claims already
 * recorded that resemble it (same words, same figures), each with one button to save the new
 * claim as a repetition of it (a `same-as` link) instead of a standalone duplicate.
 */
export function SimilarClaims({ text, onRepeat, pending, excludeId }: { text: string; onRepeat: (claimId: number) => void; pending: boolean; excludeId?: number }) {
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 400);
    return () => clearTimeout(timer);
  }, [text]);
  const similar = useQuery(similarClaimsQuery(debounced, excludeId));
  const items = similar.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="similar-claims-heading" className="rounded border border-amber-300 bg-amber-50 p-3" data-testid="similar-claims">
      <h3 id="similar-claims-heading" className="text-sm font-bold">
        Looks like an existing claim
      </h3>
      <ul className="mt-2 space-y-2">
        {items.map(({ claim, sharedNumbers }) => (
          <li key={claim.id} className="rounded border border-rule bg-white p-2 text-sm">
            <a href={`/claims/${claim.id}`} target="_blank" rel="noreferrer" className="font-medium text-ink">
              {claim.text}
            </a>
            <p className="mt-0.5 text-xs text-muted">
              {claim.speaker.name} · {formatDate(claim.statedOn)} · {STATUS_LABELS[claim.status]}
              {sharedNumbers.length > 0 ? ` · same figure: ${sharedNumbers.map((n) => n.toLocaleString("en")).join(", ")}` : ""}
            </p>
            <button type="button" disabled={pending} onClick={() => onRepeat(claim.id)} className="mt-1.5 rounded border border-ink px-2 py-1 text-xs font-semibold disabled:opacity-60">
              Save as a repetition of this claim
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
