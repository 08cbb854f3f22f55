"use client";

import { useState } from "react";
import { SaveError } from "./field-errors";
import { useRequestCheck } from "./hooks/mutations";

/** A reader asks the newsroom to check a claim, saying why. */
export function RequestCheck({ claimId }: { claimId: number }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const request = useRequestCheck(claimId);
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
