"use client";

/** The account page's API tokens: the list query and the create and revoke writes. */
import { queryOptions } from "@tanstack/react-query";
import { useWrite } from "@/components/admin/hooks";
import { apiFetch } from "@/lib/api-client";
import type { ApiTokenDTO, CreateTokenBody, NewApiTokenDTO } from "@/lib/admin-schemas";

export const tokenKeys = { own: ["tokens", "own"] as const };

export const tokensQuery = () => queryOptions({ queryKey: tokenKeys.own, queryFn: () => apiFetch<{ items: ApiTokenDTO[] }>("/api/tokens").then((r) => r.items) });

export const useCreateToken = () => useWrite((input: CreateTokenBody) => apiFetch<NewApiTokenDTO>("/api/tokens", { method: "POST", body: JSON.stringify(input) }), [tokenKeys.own]);

export const useRevokeToken = () => useWrite((id: number) => apiFetch<ApiTokenDTO>(`/api/tokens/${id}`, { method: "DELETE" }), [tokenKeys.own]);
