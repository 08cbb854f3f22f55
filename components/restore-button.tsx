"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/api-client";
import type { HistoryEntityType } from "@/lib/history-schemas";
import { queryKeys } from "@/lib/queries";

/** What a restore of each kind of entity can change, for cache invalidation. */
const AFFECTED = {
  claim: [queryKeys.claims, queryKeys.contested, queryKeys.sources, queryKeys.stories, queryKeys.speakers],
  source: [queryKeys.sources, queryKeys.claims, queryKeys.contested],
  speaker: [queryKeys.speakers, queryKeys.claims, queryKeys.contested],
} as const;

/**
 * POST /api/{type}s/{id}/restore. Owns the cache invalidation that follows, and refreshes the
 * server-rendered history on success — and on a 409, so the page shows what changed meanwhile.
 */
export function useRestoreVersion(type: HistoryEntityType, id: number) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (input: { eventId: number; version: number }) => apiFetch<{ id: number; version: number }>(`/api/${type}s/${id}/restore`, { method: "POST", body: JSON.stringify(input) }),
    onSuccess: async () => {
      await Promise.all(AFFECTED[type].map((queryKey) => client.invalidateQueries({ queryKey })));
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) router.refresh();
    },
  });
}

/**
 * "Restore this version": asks once, then restores based on the version the page showed. A
 * refusal (someone changed it meanwhile, a merged speaker …) stays on screen with its message.
 */
export function RestoreButton({ type, id, eventId, version, when }: { type: HistoryEntityType; id: number; eventId: number; version: number; when: string }) {
  const restore = useRestoreVersion(type, id);
  const [asking, setAsking] = useState(false);
  const button = "rounded border border-ink px-3 py-1 text-sm font-semibold disabled:opacity-50";
  return (
    <div className="space-y-2">
      {asking ? (
        <div role="group" aria-label="Confirm restore" className="flex flex-wrap items-center gap-2 text-sm">
          <span>
            Restore the version of {when}? It becomes a new version; nothing is lost.
            {type === "claim" ? " A restored quote is looked for in the source as it reads now; if it is not there, the claim becomes an orphan to re-attach." : ""}
          </span>
          <button
            type="button"
            className={`${button} bg-ink text-white`}
            disabled={restore.isPending}
            onClick={() => restore.mutate({ eventId, version }, { onSettled: () => setAsking(false) })}
          >
            {restore.isPending ? "Restoring…" : "Yes, restore"}
          </button>
          <button type="button" className={button} disabled={restore.isPending} onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={button}
          onClick={() => {
            restore.reset();
            setAsking(true);
          }}
        >
          Restore this version
        </button>
      )}
      {restore.isSuccess ? (
        <p role="status" className="text-sm text-green-800">
          Restored: it is now version {restore.data.version}.
        </p>
      ) : null}
      {restore.error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {restore.error.message}
          {restore.error instanceof ApiError && restore.error.status === 409 ? " The page has been reloaded with the latest version." : ""}
        </p>
      ) : null}
    </div>
  );
}
