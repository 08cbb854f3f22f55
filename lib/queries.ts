/**
 * TanStack Query key and option factories. Every client read goes through one of these, so
 * mutation hooks can invalidate by key prefix (`queryKeys.claims.all`, …).
 */
import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiFetch, toQueryString } from "./api-client";
import type { ContestedPairDTO, Page } from "./dto";

export interface ContestedFilters {
  story?: number;
  speaker?: number;
  status?: string;
}

export const queryKeys = {
  claims: { all: ["claims"] as const },
  contested: { all: ["contested"] as const },
  speakers: { all: ["speakers"] as const },
  sources: { all: ["sources"] as const },
  stories: { all: ["stories"] as const },
};

export const contestedQuery = (filters: ContestedFilters) =>
  infiniteQueryOptions({
    queryKey: [...queryKeys.contested.all, filters] as const,
    queryFn: ({ pageParam }) => apiFetch<Page<ContestedPairDTO>>(`/api/contested${toQueryString({ ...filters, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
