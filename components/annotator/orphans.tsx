"use client";

import { useState } from "react";
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
  // The selection being re-attached to, when its words differ from the quote: ask which the claim quotes.
  const [asking, setAsking] = useState<Span | null>(null);
  const attach = (span: Span, quote: string) => update.mutate({ anchor: span, quote, version: claim.version }, { onSuccess: () => setAsking(null) });
  const button = "mt-1 rounded border border-ink px-2 py-1 text-xs font-semibold disabled:opacity-50";
  return (
    <li className="rounded border border-amber-300 bg-white p-2">
      <p>
        <span className="font-semibold">{claim.speaker.name}:</span> {claim.text}
      </p>
      <p className="mt-1 font-serif text-muted">“{claim.quote ?? claim.anchor?.exact}”</p>
      {asking && claim.quote !== null ? (
        <div role="group" aria-label="Which words does the claim quote?" className="mt-2 space-y-1 rounded bg-amber-100 p-2">
          <p className="font-semibold">The selection has other words. Which does the claim quote now?</p>
          <p>
            Old: <span className="font-serif">“{claim.quote}”</span>
          </p>
          <p>
            New: <span className="font-serif">“{asking.exact}”</span>
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={update.isPending} onClick={() => attach(asking, asking.exact)} className={`${button} bg-ink text-white`}>
              The new words
            </button>
            <button type="button" disabled={update.isPending} onClick={() => attach(asking, claim.quote!)} className={button}>
              Keep the old quote (flag for review)
            </button>
            <button type="button" disabled={update.isPending} onClick={() => setAsking(null)} className={button}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          disabled={!selection || update.isPending}
          onClick={() => {
            if (!selection) return;
            if (claim.quote === null || selection.exact === claim.quote) attach(selection, selection.exact);
            else setAsking(selection);
          }}
          className={button}
        >
          Re-attach to the selection
        </button>
      )}
      <SaveError error={update.error} />
    </li>
  );
}
