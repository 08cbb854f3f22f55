import type { ContestedPairDTO } from "@/lib/dto";
import { ClaimCard } from "./claim-card";

/** A disputed claim and its counter-claim in two columns (stacked on a phone). */
export function ContestedPair({ pair, headingLevel = 3 }: { pair: ContestedPairDTO; headingLevel?: 3 | 4 }) {
  return (
    <section aria-label={`${pair.claim.speaker.name} against ${pair.counter.speaker.name}`} className="rounded-lg border border-rule bg-stone-50 p-3" data-pair-id={pair.linkId}>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="flex flex-col">
          <p className="mb-1 text-xs font-bold uppercase tracking-wider text-claim">Claim</p>
          <ClaimCard claim={pair.claim} side="claim" headingLevel={headingLevel} />
        </div>
        <div className="flex flex-col">
          <p className="mb-1 text-xs font-bold uppercase tracking-wider text-counter">Disputed by</p>
          <ClaimCard claim={pair.counter} side="counter" headingLevel={headingLevel} />
        </div>
      </div>
      {pair.note ? <p className="mt-2 px-1 text-sm text-muted">{pair.note}</p> : null}
    </section>
  );
}
