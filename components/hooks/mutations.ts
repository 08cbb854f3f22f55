"use client";

/**
 * Mutation hooks: each calls one write endpoint and owns the cache invalidation that follows
 * (components never invalidate), then refreshes the server-rendered page around it.
 */
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api-client";
import type { AcceptedSuggestionsDTO, ClaimDetailDTO, CommentDTO, SuggestionDTO, EditorialDTO, ReanchorReport, SourceDTO, SpeakerDetailDTO } from "@/lib/dto";
import { queryKeys } from "@/lib/queries";
import type { AcceptSuggestionsBody, CreateClaimBody, CreateLinkBody, CreateSourceBody, EvidenceBody, UpdateClaimBody, UpdateSourceBody, UpdateSpeakerBody } from "@/lib/schemas";

function useWrite<TInput, TResult>(request: (input: TInput) => Promise<TResult>, invalidate: (result: TResult, input: TInput) => QueryKey[]) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: request,
    onSuccess: async (result, input) => {
      await Promise.all(invalidate(result, input).map((queryKey) => client.invalidateQueries({ queryKey })));
      router.refresh();
    },
  });
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const useCreateSource = () =>
  useWrite((input: CreateSourceBody) => apiFetch<SourceDTO>("/api/sources", json("POST", input)), () => [queryKeys.sources]);

/** A source from a web page: the server fetches and extracts it. */
export const useCreateSourceFromUrl = () =>
  useWrite((input: { url: string }) => apiFetch<SourceDTO>("/api/sources/from-url", json("POST", input)), () => [queryKeys.sources]);

export const useUpdateSource = (id: number) =>
  useWrite(
    (input: UpdateSourceBody) => apiFetch<SourceDTO & { reanchor: ReanchorReport | null }>(`/api/sources/${id}`, json("PATCH", input)),
    () => [queryKeys.sources, queryKeys.claims],
  );

export const useCreateClaim = () =>
  useWrite(
    (input: CreateClaimBody) => apiFetch<ClaimDetailDTO>("/api/claims", json("POST", input)),
    (claim) => [queryKeys.claims, queryKeys.speakers, queryKeys.stories, queryKeys.contested, ...(claim.source ? [queryKeys.sourceClaims(claim.source.id)] : [])],
  );

/**
 * Accepts a group of claim suggestions at once, in one request and one transaction: a draft
 * claim each (its normalised statement, the verbatim span as anchor, the guessed speaker — a new
 * one named by several is made once), or, when one is refused, none (the error names it).
 * Suggestions without a speaker cannot be claims and are left open (`skipped`).
 */
export const useAcceptSuggestions = (sourceId: number) =>
  useWrite(
    async (suggestions: SuggestionDTO[]) => {
      const items: AcceptSuggestionsBody["items"] = suggestions.flatMap((s) =>
        s.speaker
          ? [
              {
                text: s.statement,
                anchor: { start: s.content.start, end: s.content.end, exact: s.content.text },
                ...(s.speaker.speakerId !== null ? { speakerId: s.speaker.speakerId } : { speaker: { name: s.speaker.name, kind: s.speaker.kind, affiliationId: null } }),
              },
            ]
          : [],
      );
      const skipped = suggestions.length - items.length;
      if (items.length === 0) return { created: [], skipped };
      const { items: created } = await apiFetch<AcceptedSuggestionsDTO>(`/api/sources/${sourceId}/suggestions/accept`, json("POST", { items }));
      return { created, skipped };
    },
    () => [queryKeys.claims, queryKeys.speakers, queryKeys.contested, queryKeys.sourceClaims(sourceId)],
  );

export const useUpdateClaim = (id: number) =>
  useWrite(
    (input: UpdateClaimBody) => apiFetch<ClaimDetailDTO>(`/api/claims/${id}`, json("PATCH", input)),
    (claim) => [queryKeys.claims, queryKeys.contested, ...(claim.source ? [queryKeys.sourceClaims(claim.source.id)] : [])],
  );

export const useClaimStep = (id: number, step: "submit" | "archive") =>
  useWrite(
    (input: { version: number; comment?: string }) => apiFetch<ClaimDetailDTO>(`/api/claims/${id}/${step}`, json("POST", input)),
    () => [queryKeys.claims, queryKeys.contested, queryKeys.sources],
  );

export const useCreateLink = (claimId: number) =>
  useWrite(
    (input: CreateLinkBody) => apiFetch<ClaimDetailDTO & { linkId: number }>(`/api/claims/${claimId}/links`, json("POST", input)),
    () => [queryKeys.claims, queryKeys.contested, queryKeys.sources],
  );

export const useDeleteLink = () =>
  useWrite((linkId: number) => apiFetch<{ id: number }>(`/api/links/${linkId}`, { method: "DELETE" }), () => [queryKeys.claims, queryKeys.contested]);


export const useUpdateSpeaker = (id: number) =>
  useWrite((input: UpdateSpeakerBody) => apiFetch<SpeakerDetailDTO>(`/api/speakers/${id}`, json("PATCH", input)), () => [queryKeys.speakers, queryKeys.claims]);

export const useMergeSpeaker = (id: number) =>
  useWrite(
    (input: { targetId: number; version: number; targetVersion: number }) => apiFetch<SpeakerDetailDTO>(`/api/speakers/${id}/merge`, json("POST", input)),
    () => [queryKeys.speakers, queryKeys.claims, queryKeys.contested],
  );


export const useProposeVerdict = (claimId: number) =>
  useWrite(
    (input: { rating: string; rationale: string; evidence: EvidenceBody[]; submit: boolean; version: number }) =>
      apiFetch<EditorialDTO>(`/api/claims/${claimId}/reviews`, json("POST", input)),
    () => [queryKeys.claims, queryKeys.contested],
  );

export const useDecision = (claimId: number) =>
  useWrite(
    (input: { action: "approve" | "return"; comment?: string; version: number }) => apiFetch<EditorialDTO>(`/api/claims/${claimId}/decision`, json("POST", input)),
    () => [queryKeys.claims, queryKeys.contested, queryKeys.sources],
  );

export const useAddComment = (claimId: number) =>
  useWrite((input: { body: string }) => apiFetch<CommentDTO>(`/api/claims/${claimId}/comments`, json("POST", input)), () => [queryKeys.claims]);

export const useAssign = (claimId: number) =>
  useWrite((input: { assigneeId: string | null; version: number }) => apiFetch<EditorialDTO>(`/api/claims/${claimId}/assign`, json("POST", input)), () => [queryKeys.claims]);

export const useRequestCheck = (claimId: number) =>
  useWrite((input: { reason: string }) => apiFetch<{ requests: number }>(`/api/claims/${claimId}/check-requests`, json("POST", input)), () => []);

/** Settles a quote that changed in its source: accept the new words, or keep the quote (the claim becomes an orphan). */
export const useQuoteDecision = (id: number) =>
  useWrite(
    (input: { decision: "accept" | "keep"; version: number }) => apiFetch<ClaimDetailDTO>(`/api/claims/${id}/quote`, json("POST", input)),
    (claim) => [queryKeys.claims, ...(claim.source ? [queryKeys.sourceClaims(claim.source.id)] : [])],
  );
