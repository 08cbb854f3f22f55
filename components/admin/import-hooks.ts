"use client";

/** Reads and writes of the import page: the import list, one import while it runs, starting and undoing. */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { ImportDTO } from "@/lib/dto";

export const importKeys = {
  all: ["imports"] as const,
  one: (id: number) => ["imports", id] as const,
};

export const importsQuery = () => queryOptions({ queryKey: importKeys.all, queryFn: () => apiFetch<{ items: ImportDTO[] }>("/api/imports").then((r) => r.items) });

/** One import, polled twice a second until it has ended. */
export const importQuery = (id: number) =>
  queryOptions({
    queryKey: importKeys.one(id),
    queryFn: () => apiFetch<ImportDTO>(`/api/imports/${id}`),
    refetchInterval: (q) => (q.state.data && q.state.data.state !== "queued" && q.state.data.state !== "running" ? false : 500),
  });

export interface StartImportInput {
  content: string;
  mediaType: string;
  filename: string | null;
  dryRun: boolean;
  ratingMap: Record<string, string>;
}

export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ content, mediaType, filename, dryRun, ratingMap }: StartImportInput) => {
      const query = new URLSearchParams();
      if (dryRun) query.set("dryRun", "1");
      if (filename) query.set("filename", filename);
      for (const [label, key] of Object.entries(ratingMap)) query.append("map", `${label}:${key}`);
      return apiFetch<ImportDTO>(`/api/imports?${query}`, { method: "POST", body: content, headers: { "content-type": mediaType } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: importKeys.all }),
  });
}

export function useUndoImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<ImportDTO>(`/api/imports/${id}/undo`, { method: "POST" }),
    onSuccess: (_, id) => Promise.all([client.invalidateQueries({ queryKey: importKeys.all }), client.invalidateQueries({ queryKey: importKeys.one(id) })]),
  });
}
