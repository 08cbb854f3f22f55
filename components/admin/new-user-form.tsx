"use client";

import { useState } from "react";
import { SaveError } from "@/components/field-errors";
import { createUserSchema, MIN_PASSWORD_LENGTH } from "@/lib/admin-schemas";
import { ROLES, type Role } from "@/lib/model";
import { apiFields, Field, INPUT, PRIMARY } from "@/components/form-bits";
import { zodFieldErrors } from "@/lib/errors";
import { useCreateUser } from "./hooks";
import { ROLE_LABELS } from "./admin-chrome";

const EMPTY = { email: "", name: "", role: "factchecker" as Role, password: "" };

/** Adds an account that signs in with email and password; the admin passes the password on. */
export function NewUserForm() {
  const [draft, setDraft] = useState(EMPTY);
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreateUser();
  const fields = { ...apiFields(create.error), ...errors };
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setDraft({ ...draft, [key]: e.target.value });

  return (
    <section aria-labelledby="new-user-title" className="max-w-3xl space-y-3 rounded border border-rule bg-white p-4 sm:p-5">
      <h2 id="new-user-title" className="font-serif text-xl font-bold">
        Add a user
      </h2>
      <form
        aria-labelledby="new-user-title"
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          setAdded(null);
          const parsed = createUserSchema.safeParse(draft);
          if (!parsed.success) {
            setErrors(zodFieldErrors(parsed.error));
            return;
          }
          setErrors({});
          create.mutate(parsed.data, {
            onSuccess: (user) => {
              setAdded(`Added ${user.name} (${user.email}) as ${ROLE_LABELS[user.role].toLowerCase()}. Give them their password over a safe channel; they can sign in now.`);
              setDraft(EMPTY);
              setShowPassword(false);
            },
          });
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" error={fields.name}>
            {(a) => <input {...a} value={draft.name} onChange={set("name")} autoComplete="off" maxLength={200} className={INPUT} />}
          </Field>
          <Field label="Email" error={fields.email}>
            {(a) => <input {...a} type="email" value={draft.email} onChange={set("email")} autoComplete="off" className={INPUT} />}
          </Field>
          <Field label="Role" error={fields.role}>
            {(a) => (
              <select {...a} value={draft.role} onChange={set("role")} className={INPUT}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Initial password" error={fields.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
            {(a) => (
              <div className="flex items-center gap-2">
                <input {...a} type={showPassword ? "text" : "password"} value={draft.password} onChange={set("password")} autoComplete="new-password" className={INPUT} />
                <label className="mt-1 inline-flex shrink-0 items-center gap-1.5 text-sm">
                  <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} className="size-4 accent-ink" />
                  Show
                </label>
              </div>
            )}
          </Field>
        </div>
        {create.error && Object.keys(apiFields(create.error)).length === 0 ? <SaveError error={create.error} /> : null}
        <p aria-live="polite" className="text-sm text-green-800 empty:hidden">
          {added ?? ""}
        </p>
        <button type="submit" disabled={create.isPending} className={PRIMARY}>
          {create.isPending ? "Adding…" : "Add user"}
        </button>
      </form>
    </section>
  );
}
