"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ClaimEditor } from "@/components/claim-editor";
import { SaveError } from "@/components/field-errors";
import { useClaimStep } from "@/components/hooks/mutations";
import { LinkEditor, LinkList } from "@/components/link-editor";
import { StatusBadge, VerdictBadge } from "@/components/verdict-badge";
import { formatDate } from "@/lib/format";
import { claimQuery } from "@/lib/queries";

/** A saved claim in the annotator's side panel: what it says, and what can be done with it. */
export function ClaimPanel({ claimId, onClose }: { claimId: number; onClose: () => void }) {
  const { data: claim, error } = useQuery(claimQuery(claimId));
  const [mode, setMode] = useState<"view" | "edit" | "link">("view");
  const submit = useClaimStep(claimId, "submit");
  if (error) return <SaveError error={error} />;
  if (!claim) return <p className="text-sm text-muted">Loading…</p>;
  return (
    <section aria-label="Selected claim" className="space-y-3">
      <div className="flex items-start justify-between gap-2">
        <p className="text-sm">
          <span className="font-semibold">{claim.speaker.name}</span>
          {claim.speaker.affiliation ? <span className="text-muted"> · {claim.speaker.affiliation.name}</span> : null}
        </p>
        <button type="button" onClick={onClose} className="text-sm underline" aria-label="Close the claim panel">
          Close
        </button>
      </div>
      <h2 className="font-serif text-xl font-bold leading-snug">{claim.text}</h2>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <VerdictBadge verdict={claim.verdict} />
        <StatusBadge status={claim.status} />
        <span className="text-muted">{formatDate(claim.statedOn)}</span>
        {claim.story ? <span className="text-muted">· {claim.story.title}</span> : null}
      </div>
      {mode === "edit" ? (
        <ClaimEditor claim={claim} onDone={() => setMode("view")} />
      ) : mode === "link" ? (
        <>
          <LinkEditor claim={claim} onDone={() => setMode("view")} />
          <button type="button" className="text-sm underline" onClick={() => setMode("view")}>
            Back
          </button>
        </>
      ) : (
        <>
          <div className="flex flex-wrap gap-2">
            <button type="button" onClick={() => setMode("edit")} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold">
              Edit
            </button>
            <button type="button" onClick={() => setMode("link")} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold">
              Link to another claim
            </button>
            {claim.status === "draft" || claim.status === "returned" ? (
              <button type="button" disabled={submit.isPending} onClick={() => submit.mutate({ version: claim.version })} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold">
                Submit for review
              </button>
            ) : null}
            <Link href={`/claims/${claim.id}`} className="self-center text-sm">
              Open claim page
            </Link>
          </div>
          <SaveError error={submit.error} />
          <h3 className="pt-2 text-sm font-bold uppercase tracking-wider text-muted">Links</h3>
          <LinkList claim={claim} />
        </>
      )}
    </section>
  );
}
