"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SaveError } from "@/components/field-errors";
import type { UserDTO } from "@/lib/admin-schemas";
import { formatDate } from "@/lib/format";
import { ROLES, type Role } from "@/lib/model";
import { ROLE_LABELS } from "./admin-chrome";
import { useUpdateUser, usersQuery } from "./hooks";

/**
 * Every account, with its role and whether it is active. A change saves at once; your own role
 * and active flag are fixed (the API refuses them too), so an admin always remains.
 */
export function UserTable({ initialUsers, selfId }: { initialUsers: UserDTO[]; selfId: string }) {
  const { data: users = initialUsers } = useQuery({ ...usersQuery(), initialData: initialUsers });
  const update = useUpdateUser();
  const [saved, setSaved] = useState<string | null>(null);

  function change(user: UserDTO, patch: { role?: Role; active?: boolean }, what: string) {
    if (patch.active === false && !window.confirm(`Deactivate ${user.name}? They are signed out at once and their API tokens stop working until you reactivate them.`)) return;
    setSaved(null);
    update.mutate({ id: user.id, ...patch, version: user.version }, { onSuccess: (u) => setSaved(`${u.name}: ${what}.`) });
  }

  return (
    <section aria-labelledby="users-title" className="space-y-3">
      <h2 id="users-title" className="font-serif text-xl font-bold">
        Accounts <span className="text-base font-normal text-muted">({users.length})</span>
      </h2>
      <div className="overflow-x-auto rounded border border-rule bg-white">
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
          <thead className="border-b border-rule bg-stone-50 text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">Name</th>
              <th scope="col" className="px-3 py-2 font-semibold">Email</th>
              <th scope="col" className="px-3 py-2 font-semibold">Role</th>
              <th scope="col" className="px-3 py-2 font-semibold">Active</th>
              <th scope="col" className="px-3 py-2 font-semibold">Added</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const self = user.id === selfId;
              const busy = update.isPending && update.variables?.id === user.id;
              return (
                <tr key={user.id} className={`border-b border-rule last:border-0 ${user.active ? "" : "bg-stone-50 text-muted"}`}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {user.name}
                    {self ? <span className="ml-1.5 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-normal text-muted">you</span> : null}
                  </th>
                  <td className="px-3 py-2">{user.email}</td>
                  <td className="px-3 py-2">
                    <select
                      aria-label={`Role of ${user.name}`}
                      value={user.role}
                      disabled={self || busy}
                      title={self ? "You cannot change your own role" : undefined}
                      onChange={(e) => change(user, { role: e.target.value as Role }, `role is now ${ROLE_LABELS[e.target.value as Role].toLowerCase()}`)}
                      className="rounded border border-rule bg-white px-2 py-1 disabled:opacity-60"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="px-3 py-2">
                    <label className="inline-flex items-center gap-2" title={self ? "You cannot deactivate yourself" : undefined}>
                      <input
                        type="checkbox"
                        checked={user.active}
                        disabled={self || busy}
                        onChange={(e) => change(user, { active: e.target.checked }, e.target.checked ? "reactivated" : "deactivated")}
                        className="size-4 accent-ink"
                      />
                      <span>{user.active ? "Active" : "Deactivated"}</span>
                      <span className="sr-only"> — {user.name}</span>
                    </label>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-muted">{formatDate(user.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-green-800">
        {saved && !update.error ? saved : ""}
      </p>
      <SaveError error={update.error} />
    </section>
  );
}
