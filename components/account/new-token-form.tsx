"use client";

import { useState } from "react";
import { apiFields, Field, INPUT, PRIMARY, SECONDARY } from "@/components/form-bits";
import { zodFieldErrors } from "@/lib/errors";
import { SaveError } from "@/components/field-errors";
import { createTokenSchema, type NewApiTokenDTO } from "@/lib/admin-schemas";
import { useCreateToken } from "./hooks";

/** Makes a token and shows its secret once, with a copy button; after "Done" it is gone for good. */
export function NewTokenForm() {
  const [name, setName] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<NewApiTokenDTO | null>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const create = useCreateToken();
  const fields = { ...apiFields(create.error), ...errors };

  if (created) {
    return (
      <div role="status" className="max-w-3xl space-y-3 rounded-md border-2 border-amber-500 bg-amber-50 p-4">
        <h3 className="font-semibold">Your new token “{created.name}”</h3>
        <p className="text-sm font-semibold text-amber-950">Copy it now: it will not be shown again. Only its first characters are kept, so if you lose it, revoke it and make a new one.</p>
        <div className="flex flex-wrap items-center gap-2">
          <input
            readOnly
            aria-label="New API token"
            value={created.token}
            onFocus={(e) => e.currentTarget.select()}
            spellCheck={false}
            className="min-w-0 flex-1 rounded border border-rule bg-white px-2 py-1.5 font-mono text-sm"
          />
          <button
            type="button"
            className={PRIMARY}
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(created.token);
                setCopied("yes");
              } catch {
                setCopied("failed");
              }
            }}
          >
            Copy
          </button>
        </div>
        <p aria-live="polite" className="text-sm empty:hidden">
          {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "The browser would not copy it: select the token and copy it yourself." : ""}
        </p>
        <button
          type="button"
          className={SECONDARY}
          onClick={() => {
            setCreated(null);
            setCopied(null);
          }}
        >
          Done — I have copied it
        </button>
      </div>
    );
  }

  return (
    <form
      aria-labelledby="new-token-title"
      noValidate
      className="max-w-3xl space-y-4 rounded border border-rule bg-white p-4 sm:p-5"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = createTokenSchema.safeParse({ name, expiresAt: expiresOn });
        if (!parsed.success) {
          setErrors(zodFieldErrors(parsed.error));
          return;
        }
        setErrors({});
        create.mutate(parsed.data, {
          onSuccess: (token) => {
            setCreated(token);
            setName("");
            setExpiresOn("");
          },
        });
      }}
    >
      <h3 id="new-token-title" className="font-serif text-lg font-bold">
        New token
      </h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={fields.name} hint="What it is for, such as “newsroom importer”.">
          {(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="off" className={INPUT} />}
        </Field>
        <Field label="Expires on (optional)" error={fields.expiresAt} hint="It works through that whole day (UTC). Empty: until revoked.">
          {(a) => <input {...a} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} className={INPUT} />}
        </Field>
      </div>
      {create.error && Object.keys(apiFields(create.error)).length === 0 ? <SaveError error={create.error} /> : null}
      <button type="submit" disabled={create.isPending} className={PRIMARY}>
        {create.isPending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}
