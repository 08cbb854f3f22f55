"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SaveError } from "@/components/field-errors";
import type { ApiTokenDTO } from "@/lib/admin-schemas";
import { formatDate } from "@/lib/format";
import { NewTokenForm } from "./new-token-form";
import { tokensQuery, useRevokeToken } from "./hooks";

/**
 * "2025-06-26T14:03:00.000Z" → "26 Jun 2025, 14:03 UTC". Always UTC, so the server-rendered and
 * the hydrated text agree whatever the server's and the browser's time zones.
 */
function when(iso: string | null, none: string): string {
  if (!iso) return none;
  return `${formatDate(iso)}, ${iso.slice(11, 16)} UTC`;
}

function status(token: ApiTokenDTO, now: number): { text: string; live: boolean } {
  if (token.revokedAt) return { text: `Revoked ${when(token.revokedAt, "")}`, live: false };
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return { text: "Expired", live: false };
  return { text: "Active", live: true };
}

/** Your API tokens (never their secrets), each revocable, and the form that makes a new one. */
export function TokenManager({ initialTokens }: { initialTokens: ApiTokenDTO[] }) {
  const { data: tokens = initialTokens } = useQuery({ ...tokensQuery(), initialData: initialTokens });
  const revoke = useRevokeToken();
  const [now] = useState(() => Date.now());

  return (
    <section aria-labelledby="tokens-title" className="space-y-4">
      <div>
        <h2 id="tokens-title" className="font-serif text-xl font-bold">
          API tokens
        </h2>
        <p className="text-sm text-muted">For scripts, importers and other tools. Only the first characters of each token are kept for you to recognise it.</p>
      </div>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted">You have no API tokens yet.</p>
      ) : (
        <div className="overflow-x-auto rounded border border-rule bg-white">
          <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
            <thead className="border-b border-rule bg-stone-50 text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Name</th>
                <th scope="col" className="px-3 py-2 font-semibold">Token</th>
                <th scope="col" className="px-3 py-2 font-semibold">Created</th>
                <th scope="col" className="px-3 py-2 font-semibold">Last used</th>
                <th scope="col" className="px-3 py-2 font-semibold">Expires</th>
                <th scope="col" className="px-3 py-2 font-semibold">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const s = status(token, now);
                return (
                  <tr key={token.id} className={`border-b border-rule last:border-0 ${s.live ? "" : "text-muted"}`}>
                    <th scope="row" className="px-3 py-2 font-medium">
                      {token.name}
                    </th>
                    <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{token.prefix}…</td>
                    <td className="px-3 py-2 whitespace-nowrap">{when(token.createdAt, "")}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{when(token.lastUsedAt, "Never")}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{when(token.expiresAt, "Never")}</td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {s.live ? (
                        <span className="flex items-center gap-3">
                          <span className="text-green-800">Active</span>
                          <button
                            type="button"
                            disabled={revoke.isPending && revoke.variables === token.id}
                            onClick={() => {
                              if (window.confirm(`Revoke “${token.name}”? Anything using it stops working at once.`)) revoke.mutate(token.id);
                            }}
                            className="rounded border border-red-800 px-2 py-0.5 text-xs font-semibold text-red-800 disabled:opacity-50"
                          >
                            Revoke<span className="sr-only"> {token.name}</span>
                          </button>
                        </span>
                      ) : (
                        s.text
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <SaveError error={revoke.error} />
      <NewTokenForm />
    </section>
  );
}
