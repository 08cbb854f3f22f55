/**
 * TanStack Query key and option factories. Every client read goes through one of these, so
 * mutation hooks (components/hooks/) can invalidate by key prefix.
 */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch, toQueryString } from "./api-client";
import type { ClaimDetailDTO, ClaimDTO, ContestedPairDTO, EditorialDTO, Page, SourceSummaryDTO, SpeakerDTO, StoryDTO } from "./dto";

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
