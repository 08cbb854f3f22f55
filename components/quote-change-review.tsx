"use client";

import { SaveError } from "./field-errors";
import { useQuoteDecision } from "./hooks/mutations";
import type { ClaimDTO } from "@/lib/dto";
import { diffWords } from "@/lib/word-diff";

/**
 * "Quote changed in source": a revision edited the quoted passage, so the claim's anchored span
 * now holds other words. The verified quote and the source's words side by side (the changed
 * words marked), with the two ways out: accept the new words as the quote, or keep the quote and
 * re-attach it (the claim becomes an orphan, listed in the annotator). Until then readers keep
 * seeing the verified quote.
 */
export function QuoteChangeReview({ claim, canDecide }: { claim: ClaimDTO; canDecide: boolean }) {
  const decide = useQuoteDecision(claim.id);
  if (claim.quoteChanged === null || claim.quote === null) return null;
  const parts = diffWords(claim.quote, claim.quoteChanged);
  const button = "rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-50";
  return (
    <section aria-labelledby="quote-change-heading" data-testid="quote-change" className="rounded-md border border-amber-400 bg-amber-50 p-4">
      <h2 id="quote-change-heading" className="font-serif text-lg font-bold">
        Quote changed in source
      </h2>
      <p className="mb-3 text-sm text-muted">
        A revision of the source changed the quoted words. The claim keeps the quote that was checked{claim.status === "published" ? " — readers still see it —" : ""} until it is accepted or kept.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        <figure className="rounded border border-rule bg-white p-3">
          <figcaption className="mb-1 text-xs font-bold uppercase tracking-wider text-muted">The claim quotes</figcaption>
          <blockquote className="font-serif leading-snug" data-testid="quote-old">
            {parts.map((p, i) => (p.op === "added" ? null : p.op === "removed" ? <del key={i} className="bg-red-100 text-red-900">{p.text}</del> : <span key={i}>{p.text}</span>))}
          </blockquote>
        </figure>
        <figure className="rounded border border-rule bg-white p-3">
          <figcaption className="mb-1 text-xs font-bold uppercase tracking-wider text-muted">The source now reads</figcaption>
          <blockquote className="font-serif leading-snug" data-testid="quote-new">
            {parts.map((p, i) => (p.op === "removed" ? null : p.op === "added" ? <ins key={i} className="bg-green-100 text-green-900 no-underline">{p.text}</ins> : <span key={i}>{p.text}</span>))}
          </blockquote>
        </figure>
      </div>
      {canDecide ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <button type="button" disabled={decide.isPending} onClick={() => decide.mutate({ decision: "accept", version: claim.version })} className={`${button} bg-ink text-white`}>
            Accept the new words
          </button>
          <button type="button" disabled={decide.isPending} onClick={() => decide.mutate({ decision: "keep", version: claim.version })} className={`${button} border border-ink`}>
            Keep the quote and re-attach
          </button>
        </div>
      ) : (
        <p className="mt-3 text-sm text-muted">An editor decides the quote of a published claim.</p>
      )}
      <SaveError error={decide.error} />
    </section>
  );
}
