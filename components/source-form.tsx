"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { SaveError } from "./field-errors";
import { apiFields, Field, INPUT, PRIMARY } from "./form-bits";
import { useCreateSource } from "./hooks/mutations";
import { apiUpload } from "@/lib/api-client";
import type { SourceDTO } from "@/lib/dto";
import { SOURCE_KINDS, type SourceKind } from "@/lib/model";
import { MAX_SOURCE_TEXT_BYTES } from "@/lib/schemas";


/**
 * The largest file we send. lib/import converts up to 20 MiB (an HTML page is mostly markup), but
 * proxy.ts runs on every request and Next passes only the first 10 MB of a body through it
 * (experimental.proxyClientMaxBodySize), so a larger upload arrives truncated. Kept below that,
 * with room for the other form fields, until the config raises it.
 */
const MAX_UPLOAD_BYTES = 2 * MAX_SOURCE_TEXT_BYTES - 64 * 1024;
const LIMITS = "Up to 5 MB of text; .txt, .md or .html";

const KIND_LABELS: Record<SourceKind, string> = { article: "Article", report: "Report", statement: "Statement", transcript: "Transcript", "social-post": "Social media post" };

export interface SourceMeta {
  title: string;
  kind: SourceKind;
  publisher: string;
  author: string;
  url: string;
  publishedOn: string;
  language: string;
}

export const META_KEYS = ["title", "kind", "publisher", "author", "url", "publishedOn", "language"] as const satisfies readonly (keyof SourceMeta)[];


/** Title, kind, publisher, author, URL, publication date and language of a source. */
export function SourceMetaFields({ value, onChange, errors, hints = {} }: { value: SourceMeta; onChange: (next: SourceMeta) => void; errors: Record<string, string>; hints?: Partial<Record<keyof SourceMeta, ReactNode>> }) {
  const set = (key: keyof SourceMeta) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => onChange({ ...value, [key]: e.target.value });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Title" error={errors.title} hint={hints.title} className="sm:col-span-2">
        {(a) => <input {...a} value={value.title} onChange={set("title")} maxLength={300} className={`${INPUT} font-serif text-lg`} />}
      </Field>
      <Field label="Kind" error={errors.kind}>
        {(a) => (
          <select {...a} value={value.kind} onChange={set("kind")} className={INPUT}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Publisher" error={errors.publisher} hint={hints.publisher}>
        {(a) => <input {...a} value={value.publisher} onChange={set("publisher")} maxLength={200} className={INPUT} />}
      </Field>
      <Field label="Author" error={errors.author} hint={hints.author}>
        {(a) => <input {...a} value={value.author} onChange={set("author")} maxLength={200} className={INPUT} />}
      </Field>
      <Field label="URL" error={errors.url} hint={hints.url}>
        {(a) => <input {...a} type="url" inputMode="url" placeholder="https://" value={value.url} onChange={set("url")} className={INPUT} />}
      </Field>
      <Field label="Publication date" error={errors.publishedOn} hint={hints.publishedOn}>
        {(a) => <input {...a} type="date" value={value.publishedOn} onChange={set("publishedOn")} className={INPUT} />}
      </Field>
      <Field label="Language" error={errors.language} hint={hints.language ?? "A language tag such as en, fr or pt-BR."}>
        {(a) => <input {...a} value={value.language} onChange={set("language")} maxLength={35} className={`${INPUT} max-w-[10rem]`} />}
      </Field>
    </div>
  );
}

const EMPTY: SourceMeta = { title: "", kind: "article", publisher: "", author: "", url: "", publishedOn: "", language: "en" };

/**
 * A new source from pasted text (JSON through useCreateSource) or an uploaded .txt/.md/.html
 * file (multipart). With a file, fields left empty are filled from the document itself
 * (its title, byline, date, language and link), so they are sent only when filled in.
 */
export function SourceForm() {
  const router = useRouter();
  const [meta, setMeta] = useState<SourceMeta>(EMPTY);
  const [languageTouched, setLanguageTouched] = useState(false);
  const [mode, setMode] = useState<"paste" | "file">("paste");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useCreateSource();
  // No hook for uploads yet (components/hooks/mutations.ts); the page we go to is rendered fresh.
  const upload = useMutation({ mutationFn: (form: FormData) => apiUpload<SourceDTO>("/api/sources", form) });
  const active = mode === "file" ? upload : create;
  const errors = { ...apiFields(active.error), ...local };
  const busy = active.isPending || active.isSuccess;
  const done = (source: SourceDTO) => router.push(`/sources/${source.id}/annotate`);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (mode === "paste" && !meta.title.trim()) problems.title = "A title is required (or upload a file, whose own title is used).";
    if (mode === "paste" && !text.trim()) problems.text = "Paste the source's text.";
    if (mode === "file" && !file) problems.file = "Choose a .txt, .md or .html file.";
    if (file && mode === "file" && file.size > MAX_UPLOAD_BYTES) problems.file = `The file is too large (${(file.size / 1048576).toFixed(1)} MB; an upload may be at most 10 MB).`;
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    if (mode === "paste") {
      create.mutate({ ...meta, text }, { onSuccess: done });
      return;
    }
    const form = new FormData();
    for (const key of META_KEYS) {
      if (key === "language" && !languageTouched) continue; // let the file's own language (or "en") apply
      if (meta[key].trim()) form.set(key, meta[key]);
    }
    form.set("file", file!);
    upload.mutate(form, { onSuccess: done });
  }

  const fileHint = "Left empty, this is taken from the file.";
  return (
    <form onSubmit={submit} noValidate aria-label="New source" className="space-y-6">
      <fieldset className="space-y-3">
        <legend className="mb-2 font-serif text-xl font-bold">The text</legend>
        <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label="How to bring the text in">
          {(["paste", "file"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 font-medium">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {m === "paste" ? "Paste the text" : "Upload a file"}
            </label>
          ))}
        </div>
        {mode === "paste" ? (
          <Field label="Text" error={errors.text} hint={`${LIMITS} files can be uploaded instead. Paragraphs are separated by a blank line.`}>
            {(a) => <textarea {...a} value={text} onChange={(e) => setText(e.target.value)} rows={16} className={`${INPUT} font-serif leading-relaxed`} />}
          </Field>
        ) : (
          <Field label="File to import" error={errors.file ?? errors.text} hint={`${LIMITS}. Markdown and HTML are converted to plain text; the file's title, byline, date, language and link fill any field left empty.`}>
            {(a) => (
              <div className="mt-1 flex flex-wrap items-center gap-3">
                <input
                  {...a}
                  type="file"
                  accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                  className="block text-sm file:mr-3 file:rounded file:border file:border-ink file:bg-white file:px-3 file:py-1.5 file:font-semibold"
                />
                {file ? <span className="text-sm text-muted">{(file.size / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} KB</span> : null}
              </div>
            )}
          </Field>
        )}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 font-serif text-xl font-bold">Details</legend>
        <SourceMetaFields
          value={meta}
          onChange={(next) => {
            if (next.language !== meta.language) setLanguageTouched(true);
            setMeta(next);
          }}
          errors={errors}
          hints={
            mode === "file"
              ? { title: "Optional with a file: its own title (or its name) is used.", author: fileHint, url: fileHint, publishedOn: fileHint, language: "The file's own language is used unless you change this." }
              : {}
          }
        />
      </fieldset>
      <SaveError error={active.error} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} aria-busy={active.isPending} className={PRIMARY}>
          {busy ? (mode === "file" ? "Importing…" : "Saving…") : mode === "file" ? "Import and annotate" : "Save and annotate"}
        </button>
        <span className="text-sm text-muted">Next you mark its claims in the annotator.</span>
      </div>
    </form>
  );
}
