"use client";

import { SaveError } from "@/components/field-errors";
import { useUpdateClaim } from "@/components/hooks/mutations";
import type { ClaimDTO } from "@/lib/dto";

type Span = { start: number; end: number; exact: string };

/** Claims whose quote is no longer in the text: kept, and re-attachable to a new selection. */
export function Orphans({ orphans, selection }: { orphans: ClaimDTO[]; selection: Span | null }) {
  return (
    <section aria-labelledby="orphans-title" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-sm">
      <h2 id="orphans-title" className="mb-1 font-semibold">
        Orphaned claims ({orphans.length})
      </h2>
      <p className="mb-2 text-muted">Their quotes were not found in this revision. Select the new passage, then re-attach.</p>
      <ul className="space-y-2">
        {orphans.map((c) => (
          <OrphanItem key={c.id} claim={c} selection={selection} />
        ))}
      </ul>
    </section>
  );
}

function OrphanItem({ claim, selection }: { claim: ClaimDTO; selection: Span | null }) {
  const update = useUpdateClaim(claim.id);
  return (
    <li className="rounded border border-amber-300 bg-white p-2">
      <p>
        <span className="font-semibold">{claim.speaker.name}:</span> {claim.text}
      </p>
      <p className="mt-1 font-serif text-muted">“{claim.anchor?.exact}”</p>
      <button
        type="button"
        disabled={!selection || update.isPending}
        onClick={() => selection && update.mutate({ anchor: selection, version: claim.version })}
        className="mt-1 rounded border border-ink px-2 py-1 text-xs font-semibold disabled:opacity-50"
      >
        Re-attach to the selection
      </button>
      <SaveError error={update.error} />
    </li>
  );
}
