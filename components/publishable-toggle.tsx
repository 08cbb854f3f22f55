"use client";

import { SaveError } from "./field-errors";
import { useUpdateSource } from "./hooks/mutations";

/**
 * Whether readers see the source's whole text, on the source page for staff. Only editors may
 * change it (a document the newsroom owns or may reproduce); until then readers see the source
 * only through its published claims, in context.
 */
export function PublishableToggle({ id, publishable, version, canChange }: { id: number; publishable: boolean; version: number; canChange: boolean }) {
  const update = useUpdateSource(id);
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-rule bg-stone-50 px-3 py-2 text-sm" data-testid="publishable">
      <span>{publishable ? "Readers see the full text of this source." : "Readers see only the passages published claims quote, not the full text."}</span>
      {canChange ? (
        <button type="button" disabled={update.isPending} onClick={() => update.mutate({ publishable: !publishable, version })} className="rounded border border-ink px-2 py-1 text-xs font-semibold disabled:opacity-50">
          {publishable ? "Withhold the full text" : "Publish the full text"}
        </button>
      ) : (
        <span className="text-muted">An editor decides this.</span>
      )}
      <SaveError error={update.error} />
    </div>
  );
}
