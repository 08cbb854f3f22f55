"use client";

/**
 * Reads and writes of the admin pages (users, the rating scale): query options, and mutation
 * hooks that own the cache invalidation after each write (components never invalidate) and
 * refresh the server-rendered page around them.
 */
import { type QueryKey, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api-client";
import type { CreateRatingBody, CreateUserBody, RatingScaleDTO, ScaleRatingDTO, UpdateRatingBody, UpdateUserBody, UserDTO } from "@/lib/admin-schemas";

export const adminKeys = {
  users: ["users"] as const,
  ratings: ["ratings"] as const,
};

export const usersQuery = () => queryOptions({ queryKey: adminKeys.users, queryFn: () => apiFetch<{ items: UserDTO[] }>("/api/users").then((r) => r.items) });

export const ratingsQuery = () => queryOptions({ queryKey: adminKeys.ratings, queryFn: () => apiFetch<RatingScaleDTO>("/api/ratings") });

/** A write, then the invalidations it implies and a refresh of the server-rendered page. */
export function useWrite<TInput, TResult>(request: (input: TInput) => Promise<TResult>, invalidate: QueryKey[]) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await Promise.all(invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
      router.refresh();
    },
  });
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const useCreateUser = () => useWrite((input: CreateUserBody) => apiFetch<UserDTO>("/api/users", json("POST", input)), [adminKeys.users]);

export const useUpdateUser = () =>
  useWrite(({ id, ...input }: UpdateUserBody & { id: string }) => apiFetch<UserDTO>(`/api/users/${encodeURIComponent(id)}`, json("PATCH", input)), [adminKeys.users]);

// Verdict labels and colours show on claim pages too, hence ["claims"].
export const useCreateRating = () => useWrite((input: CreateRatingBody) => apiFetch<ScaleRatingDTO>("/api/ratings", json("POST", input)), [adminKeys.ratings]);

export const useUpdateRating = (id: number) =>
  useWrite((input: UpdateRatingBody) => apiFetch<ScaleRatingDTO>(`/api/ratings/${id}`, json("PATCH", input)), [adminKeys.ratings, ["claims"], ["contested"]]);

export const useDeleteRating = (id: number) => useWrite(() => apiFetch<{ id: number }>(`/api/ratings/${id}`, { method: "DELETE" }), [adminKeys.ratings]);
