"use client";

import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { SpeakerChoice } from "@/components/pickers/speaker-picker";
import { apiFetch } from "@/lib/api-client";
import type { ClaimDTO, SuggestionDTO, SuggestionRejectionDTO, SuggestionsPageDTO } from "@/lib/dto";
import { sourceSuggestionsQuery, suggestionKeys } from "@/lib/queries";
import { type ConfidenceGroup, groupSuggestions, rankSuggestions } from "@/lib/suggest/rank";

/**
 * Ids of suggestion highlights are below -1000 (see annotated-text.tsx): -1000 minus the
 * content's start, stable while suggestions come and go (contents never share a start).
 */
const FIRST_SUGGESTION_ID = -1000;

export const isSuggestionId = (id: number) => id <= FIRST_SUGGESTION_ID;

export const suggestionKey = (s: SuggestionDTO) => `${s.content.start}-${s.content.end}`;

/** The server's rule (server/suggestions.ts): spans overlapping by half of either are the same claim. */
function coversHalf(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && (2 * overlap >= a.end - a.start || 2 * overlap >= b.end - b.start);
}

/** The speaker an accepted suggestion proposes: the matched speaker, or a new one of the guessed kind. */
export function speakerChoiceOf(s: SuggestionDTO): SpeakerChoice | null {
  if (!s.speaker) return null;
  if (s.speaker.speakerId !== null) return { kind: "existing", id: s.speaker.speakerId, name: s.speaker.speakerName ?? s.speaker.name };
  return { kind: "new", name: s.speaker.name, speakerKind: s.speaker.kind, affiliation: null };
}

/** A suggestion as the annotator shows it: with its highlight id and a stable key. */
export type ShownSuggestion = SuggestionDTO & { id: number; key: string };

export interface Suggestions {
  /** Asked for (the button was pressed) in this page view. */
  requested: boolean;
  /** Start, or start again from the beginning of the text. */
  request: () => void;
  /** Reading: what share of the text is done, 0..1; null when not reading. */
  progress: number | null;
  error: unknown;
  /** Suggestions still open (not rejected, not made into claims), most confident first, each with its highlight id. */
  items: ShownSuggestion[];
  /** The same, in their confidence groups (high, medium, low; empty ones left out). */
  groups: { group: ConfidenceGroup; label: string; items: ShownSuggestion[] }[];
  /** Rejected ones: remembered from before, and rejected now. */
  rejected: number;
  hidden: boolean;
  setHidden: (hidden: boolean) => void;
  byId: (id: number) => ShownSuggestion | undefined;
  byKey: (key: string) => ShownSuggestion | undefined;
  reject: ReturnType<typeof useRejectSuggestion>;
  /** Rejects several at once (a whole group). */
  rejectMany: ReturnType<typeof useRejectSuggestions>;
}

/**
 * The annotator's claim suggestions: read chunk by chunk (each chunk one request, so a long text
 * shows progress), without the spans that are claims now, with rejection.
 */
export function useSuggestions(source: { id: number; revision: number }, claims: ClaimDTO[]): Suggestions {
  const [requested, setRequested] = useState(false);
  const [hidden, setHidden] = useState(false);
  const client = useQueryClient();
  const options = sourceSuggestionsQuery(source.id, source.revision);
  const query = useInfiniteQuery({ ...options, enabled: requested });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;

  // Read on, one chunk at a time, until the end of the text.
  useEffect(() => {
    if (requested && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [requested, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const request = useCallback(() => {
    setHidden(false);
    if (requested) void client.resetQueries({ queryKey: options.queryKey });
    else setRequested(true);
  }, [client, options.queryKey, requested]);

  const pages = query.data?.pages;
  const items = useMemo(() => {
    const spans = claims.flatMap((c) => (c.anchor?.state === "anchored" ? [c.anchor] : []));
    return rankSuggestions(
      (pages ?? [])
        .flatMap((p) => p.items)
        .filter((s) => !spans.some((c) => coversHalf(c, s.content)))
        .map((s) => ({ ...s, id: FIRST_SUGGESTION_ID - s.content.start, key: suggestionKey(s) })),
    );
  }, [pages, claims]);
  const groups = useMemo(() => groupSuggestions(items), [items]);

  const last = pages?.at(-1);
  const reading = requested && (query.isPending || hasNextPage || query.isFetching) && !isError;
  const progress = reading ? (last && last.length > 0 ? last.range.end / last.length : 0) : null;
  const rejected = (pages ?? []).reduce((n, p) => n + p.rejected, 0);

  return {
    requested,
    request,
    progress,
    error: query.error,
    items,
    groups,
    rejected,
    hidden,
    setHidden,
    byId: (id) => items.find((s) => s.id === id),
    byKey: (key) => items.find((s) => s.key === key),
    reject: useRejectSuggestion(source),
    rejectMany: useRejectSuggestions(source),
  };
}

/**
 * Rejects a suggestion (remembered by the server for this source) and takes it out of the
 * suggestions read so far, counting it as rejected — no re-read of the text.
 */
export function useRejectSuggestion(source: { id: number; revision: number }) {
  const forget = useForgetRejected(source);
  return useMutation({
    mutationFn: (s: SuggestionDTO) => postRejection(source.id, s),
    onSuccess: (_rejection, s) => forget([s]),
  });
}

/**
 * Rejects a group of suggestions, one request each (each rejection is its own audited record);
 * those rejected before a failure leave the list, the rest stay.
 */
export function useRejectSuggestions(source: { id: number; revision: number }) {
  const forget = useForgetRejected(source);
  return useMutation({
    mutationFn: async (items: SuggestionDTO[]) => {
      const done: SuggestionDTO[] = [];
      try {
        for (const s of items) {
          await postRejection(source.id, s);
          done.push(s);
        }
      } finally {
        forget(done);
      }
      return done;
    },
  });
}

const postRejection = (sourceId: number, s: SuggestionDTO) =>
  apiFetch<SuggestionRejectionDTO>(`/api/sources/${sourceId}/suggestions/rejections`, {
    method: "POST",
    body: JSON.stringify({ start: s.content.start, end: s.content.end, exact: s.content.text }),
  });

/** Takes rejected suggestions out of those read so far, counting them as rejected. */
function useForgetRejected(source: { id: number; revision: number }) {
  const client = useQueryClient();
  return useCallback(
    (gone: SuggestionDTO[]) => {
      if (gone.length === 0) return;
      const keys = new Set(gone.map(suggestionKey));
      client.setQueryData<InfiniteData<SuggestionsPageDTO, number>>(suggestionKeys.source(source.id, source.revision), (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => {
                const items = p.items.filter((i) => !keys.has(suggestionKey(i)));
                return items.length === p.items.length ? p : { ...p, items, rejected: p.rejected + p.items.length - items.length };
              }),
            }
          : data,
      );
    },
    [client, source.id, source.revision],
  );
}
