"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { MatchList } from "@/components/matches/match-list";
import { matchesQuery } from "@/lib/queries";

/**
 * "Checked before?" where a claim is written: while a fact-checker writes a claim, the claims
 * already recorded that it may repeat (the claim matcher, /api/matches: same names, figures and
 * phrases), each with its verdict, date and why, and one button to save the new claim as a
 * repetition of it (a `same-as` link) instead of a standalone duplicate. Weak matches are left out.
 */
export function SimilarClaims({ text, onRepeat, pending, excludeId }: { text: string; onRepeat: (claimId: number) => void; pending: boolean; excludeId?: number }) {
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), 400);
    return () => clearTimeout(timer);
  }, [text]);
  const matches = useQuery(matchesQuery(debounced, excludeId));
  const items = (matches.data ?? []).filter((m) => m.strength !== "weak");
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="similar-claims-heading" className="rounded border border-amber-300 bg-amber-50 p-3" data-testid="similar-claims">
      <h3 id="similar-claims-heading" className="text-sm font-bold">
        Looks like an existing claim
      </h3>
      <div className="mt-2 text-sm">
        <MatchList
          items={items}
          label="Existing claims this may repeat"
          newTab
          action={(m) => (
            <button type="button" disabled={pending} onClick={() => onRepeat(m.claim.id)} className="rounded border border-ink px-2 py-1 text-xs font-semibold disabled:opacity-60">
              Save as a repetition of this claim
            </button>
          )}
        />
      </div>
    </section>
  );
}
