"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFields, Field, INPUT, SECONDARY } from "./form-bits";
import { useCreateSourceFromUrl } from "./hooks/mutations";

/** A source from a web address: the server fetches the page, extracts the article and its metadata, and the annotator opens. */
export function SourceFromUrl() {
  const router = useRouter();
  const create = useCreateSourceFromUrl();
  const [url, setUrl] = useState("");
  const errors = apiFields(create.error);
  return (
    <form
      aria-label="Import from a web address"
      className="space-y-3 rounded border border-rule bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ url: url.trim() }, { onSuccess: (source) => router.push(`/sources/${source.id}/annotate`) });
      }}
    >
      <Field label="Web address" hint="The page is fetched by the server; its article text, title, author, publisher and date are taken from it." error={errors.url ?? (create.error && !errors.url ? create.error.message : undefined)}>
        {(a) => <input {...a} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" className={INPUT} />}
      </Field>
      <button type="submit" className={SECONDARY} disabled={create.isPending || url.trim() === ""}>
        {create.isPending ? "Fetching…" : "Fetch and annotate"}
      </button>
    </form>
  );
}
