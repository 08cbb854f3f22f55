/**
 * TanStack Query key and option factories. Every client read goes through one of these, so
 * mutation hooks (components/hooks/) can invalidate by key prefix.
 */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch, toQueryString } from "./api-client";
import type { ClaimDetailDTO, ClaimDTO, ContestedPairDTO, EditorialDTO, MatchDTO, Page, SourceSummaryDTO, SpeakerDTO, SpeakerMatchDTO, StoryDTO } from "./dto";
import type { SearchPageDTO } from "./search-query";

export interface ContestedFilters {
  story?: number;
  speaker?: number;
  status?: string;
}

export const queryKeys = {
  claims: ["claims"] as const,
  contested: ["contested"] as const,
  speakers: ["speakers"] as const,
  sources: ["sources"] as const,
  stories: ["stories"] as const,
  sourceClaims: (sourceId: number) => ["sources", sourceId, "claims"] as const,
};

export const contestedQuery = (filters: ContestedFilters) =>
  infiniteQueryOptions({
    queryKey: [...queryKeys.contested, filters] as const,
    queryFn: ({ pageParam }) => apiFetch<Page<ContestedPairDTO>>(`/api/contested${toQueryString({ ...filters, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Every claim of a source (the annotator's highlights), in text order, orphans last. */
export const sourceClaimsQuery = (sourceId: number) =>
  queryOptions({
    queryKey: queryKeys.sourceClaims(sourceId),
    queryFn: () => apiFetch<{ items: ClaimDTO[] }>(`/api/sources/${sourceId}/claims`).then((r) => r.items),
  });

export const claimQuery = (id: number) =>
  queryOptions({
    queryKey: [...queryKeys.claims, "detail", id] as const,
    queryFn: () => apiFetch<ClaimDetailDTO>(`/api/claims/${id}`),
  });

/** Claims whose text or quote contains `q` (the link picker). */
export const claimSearchQuery = (q: string) =>
  queryOptions({
    queryKey: [...queryKeys.claims, "search", q] as const,
    queryFn: () => apiFetch<Page<ClaimDTO>>(`/api/claims${toQueryString({ q, limit: 10 })}`),
    enabled: q.trim().length > 1,
  });

/** Speakers whose name or an alias contains `q` (the speaker autocomplete). */
export const speakerSearchQuery = (q: string) =>
  queryOptions({
    queryKey: [...queryKeys.speakers, "search", q] as const,
    queryFn: () => apiFetch<Page<SpeakerDTO>>(`/api/speakers${toQueryString({ q, limit: 8 })}`),
    enabled: q.trim().length > 0,
  });

/** The speaker a typed name means, and the close ones (the speaker picker: exact first; ask before a near-duplicate). */
export const speakerMatchQuery = (name: string) =>
  queryOptions({
    queryKey: [...queryKeys.speakers, "match", name] as const,
    queryFn: () => apiFetch<SpeakerMatchDTO>(`/api/speakers/match${toQueryString({ name })}`),
    enabled: name.trim().length > 0,
  });

export const storySearchQuery = (q: string) =>
  queryOptions({
    queryKey: [...queryKeys.stories, "search", q] as const,
    queryFn: () => apiFetch<Page<StoryDTO>>(`/api/stories${toQueryString({ q, limit: 8 })}`),
    enabled: q.trim().length > 0,
  });

/** Staff only: proposed verdicts, evidence, comments, check requests and assignee of a claim. */
export const editorialQuery = (claimId: number) =>
  queryOptions({
    queryKey: [...queryKeys.claims, "editorial", claimId] as const,
    queryFn: () => apiFetch<EditorialDTO>(`/api/claims/${claimId}/editorial`),
  });

export const sourceSearchQuery = (q: string) =>
  queryOptions({
    queryKey: [...queryKeys.sources, "search", q] as const,
    queryFn: () => apiFetch<Page<SourceSummaryDTO>>(`/api/sources${toQueryString({ q, limit: 8 })}`),
    enabled: q.trim().length > 0,
  });

/** Claim suggestions are read per source revision, outside the "sources" prefix: no other write refetches them. */
export const suggestionKeys = {
  source: (sourceId: number, revision: number) => ["suggestions", sourceId, revision] as const,
};

/** Code points of text per suggestions request (each chunk is then aligned to paragraphs). */
export const SUGGESTION_CHUNK = 20_000;

/**
 * A source's claim suggestions, one page per paragraph-aligned chunk of its text, so a long
 * text shows progress (pages so far: `range.end` of `length`). Fetched only when asked for.
 */
export const sourceSuggestionsQuery = (sourceId: number, revision: number) =>
  infiniteQueryOptions({
    queryKey: suggestionKeys.source(sourceId, revision),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<import("./dto").SuggestionsPageDTO>(`/api/sources/${sourceId}/suggestions`, { method: "POST", body: JSON.stringify({ start: pageParam, end: pageParam + SUGGESTION_CHUNK }), signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.done ? undefined : last.range.end),
    staleTime: Infinity,
  });

/**
 * Search as you type (the header box): the top results for what was typed so far, the last
 * word taken as a prefix ("camb" finds Cambodia).
 */
export const searchSuggestQuery = (typed: string) => {
  const q = /[\p{L}\p{N}]$/u.test(typed.trim()) ? `${typed.trim()}*` : typed.trim();
  return queryOptions({
    queryKey: ["search", "suggest", q] as const,
    queryFn: ({ signal }) => apiFetch<SearchPageDTO>(`/api/search${toQueryString({ q, limit: 6 })}`, { signal }),
    enabled: typed.trim().length > 1,
    staleTime: 30_000,
  });
};

/**
 * Claims already recorded that a text may repeat ("Checked before?"): published ones for a
 * reader; for staff (the claim form) every status. `exclude` leaves out the claim being edited.
 */
export const matchesQuery = (text: string, exclude?: number) =>
  queryOptions({
    queryKey: [...queryKeys.claims, "matches", text.trim(), exclude ?? null] as const,
    queryFn: ({ signal }) => apiFetch<{ items: MatchDTO[] }>(`/api/matches${toQueryString({ text: text.trim(), exclude })}`, { signal }).then((r) => r.items),
    enabled: text.trim().length >= 12,
    staleTime: 30_000,
  });
