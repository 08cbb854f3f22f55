"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { matchesQuery } from "@/lib/queries";
import { SaveError } from "./field-errors";
import { useRequestCheck } from "./hooks/mutations";
import { MatchList } from "./matches/match-list";

/** How many existing checks a reader is shown before sending a request. */
const SHOWN_MATCHES = 3;

/**
 * A reader asks the newsroom to check a claim, saying why. Before the request is sent, the form
 * shows the best published checks the claim may repeat (verdict, date, why it matches), so a
 * reader whose question is already answered can read the answer instead.
 */
export function RequestCheck({ claimId, text }: { claimId: number; text: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const request = useRequestCheck(claimId);
  const matches = useQuery({ ...matchesQuery(text, claimId), enabled: open && text.trim().length >= 12 });
  // Published checks only, whoever is signed in: a reader's form never shows a draft.
  const answered = (matches.data ?? []).filter((m) => m.claim.status === "published" && m.claim.verdict !== null).slice(0, SHOWN_MATCHES);
  if (request.isSuccess) {
    return (
      <p role="status" className="text-sm text-green-900">
        Thank you — your request was sent to the editors.
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold">
        Request a check
      </button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ reason });
      }}
      className="max-w-xl space-y-2"
      aria-label="Request a check"
    >
      {answered.length > 0 ? (
        <section aria-labelledby="checked-before-heading" className="space-y-2 rounded border border-rule bg-paper p-3">
          <h2 id="checked-before-heading" className="text-sm font-semibold">
            Checked before?
          </h2>
          <p className="text-xs text-muted">We may already have checked this. Have a look before you send your request.</p>
          <MatchList items={answered} label="Published checks this claim may repeat" newTab />
        </section>
      ) : null}
      <label className="block text-sm font-medium">
        Why should this claim be checked?
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5" />
      </label>
      <SaveError error={request.error} />
      <button type="submit" disabled={request.isPending || reason.trim().length < 3} className="rounded bg-ink px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
        Send request
      </button>
    </form>
  );
}
