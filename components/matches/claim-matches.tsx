"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { SaveError } from "@/components/field-errors";
import { useCreateLink } from "@/components/hooks/mutations";
import type { ClaimDetailDTO } from "@/lib/dto";
import { matchesQuery } from "@/lib/queries";
import { MatchList } from "./match-list";

/**
 * Staff, on a claim's page: "Checked before?" — claims already recorded that this one may repeat
 * (not itself, not those already linked, weak matches left out), each with one click to link it
 * as `same-as` (POST /api/claims/{id}/links: validated, authorized, audited like every link).
 */
export function ClaimMatches({ claim }: { claim: ClaimDetailDTO }) {
  const router = useRouter();
  const matches = useQuery(matchesQuery(claim.text, claim.id));
  const create = useCreateLink(claim.id);
  const linked = new Set(claim.links.map((l) => l.claim.id));
  const items = (matches.data ?? []).filter((m) => m.strength !== "weak" && !linked.has(m.claim.id));
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="claim-matches-heading" className="max-w-4xl space-y-3">
      <h2 id="claim-matches-heading" className="font-serif text-2xl font-bold">
        Checked before?
      </h2>
      <p className="text-sm text-muted">Claims already recorded that this one may repeat. Linking one records this claim as a repetition of it.</p>
      <SaveError error={create.error} />
      <MatchList
        items={items}
        label="Claims this may repeat"
        action={(m) => (
          <button
            type="button"
            disabled={create.isPending}
            onClick={() => create.mutate({ kind: "same-as", targetClaimId: m.claim.id }, { onSuccess: () => router.refresh() })}
            className="rounded border border-ink px-2 py-1 text-xs font-semibold disabled:opacity-60"
          >
            Link as the same claim
          </button>
        )}
      />
    </section>
  );
}
