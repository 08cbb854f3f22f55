"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Field, INPUT, PRIMARY, SECONDARY } from "@/components/form-bits";
import { ApiError } from "@/lib/api-client";
import type { ImportDTO } from "@/lib/dto";
import { formatDate } from "@/lib/format";
import { importsQuery, type StartImportInput, useStartImport, useUndoImport } from "./import-hooks";
import { ImportProgress } from "./import-report";

const TYPES = [
  ["", "Decide from the file"],
  ["application/ld+json", "JSON-LD: ClaimReview or Web Annotation"],
  ["text/html", "A web page with ClaimReview markup"],
  ["text/csv", "CSV of claims"],
  ["text/tab-separated-values", "LIAR dataset (TSV)"],
] as const;

/** The media type a file's name suggests; pasted text is JSON-LD, or a page when it starts with a tag. */
function mediaTypeFor(name: string | null, content: string): string {
  const ext = name?.toLowerCase().split(".").pop() ?? "";
  if (ext === "csv") return "text/csv";
  if (ext === "tsv") return "text/tab-separated-values";
  if (ext === "html" || ext === "htm") return "text/html";
  return /^\s*</.test(content) ? "text/html" : "application/ld+json";
}

/** Upload a file or paste JSON-LD, preview it with a dry run, import it, watch it run; the latest imports, with undo. */
export function ImportPanel({ initial }: { initial: ImportDTO[] }) {
  const { data: imports = initial } = useQuery({ ...importsQuery(), initialData: initial });
  const start = useStartImport();
  const undo = useUndoImport();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [type, setType] = useState("");
  const [mapping, setMapping] = useState("");
  const [current, setCurrent] = useState<number | null>(null);
  const [last, setLast] = useState<StartImportInput | null>(null);
  const error = start.error instanceof ApiError ? start.error : null;

  async function submit(dryRun: boolean) {
    const content = file ? await file.text() : pasted;
    const ratingMap = Object.fromEntries(
      mapping
        .split("\n")
        .map((l) => l.split("=").map((p) => p.trim()))
        .filter((p): p is [string, string] => p.length === 2 && p[0] !== "" && p[1] !== ""),
    );
    const input: StartImportInput = { content, mediaType: type || mediaTypeFor(file?.name ?? null, content), filename: file?.name ?? null, dryRun, ratingMap };
    setLast(input);
    start.mutate(input, { onSuccess: (run) => setCurrent(run.id) });
  }

  return (
    <div className="space-y-8">
      <form
        className="space-y-4 rounded border border-rule bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(true);
        }}
      >
        <Field label="File" hint=".json or .jsonld (ClaimReview, Web Annotation), .html, .csv, .tsv (LIAR)" error={error?.fields.file}>
          {(a11y) => <input {...a11y} type="file" accept=".json,.jsonld,.html,.htm,.csv,.tsv,.txt" className={INPUT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <Field label="Or paste JSON-LD" hint="Used when no file is chosen.">
          {(a11y) => <textarea {...a11y} rows={5} className={`${INPUT} font-mono text-sm`} value={pasted} onChange={(e) => setPasted(e.target.value)} />}
        </Field>
        <Field label="Type" error={error?.fields["content-type"]}>
          {(a11y) => (
            <select {...a11y} className={INPUT} value={type} onChange={(e) => setType(e.target.value)}>
              {TYPES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Map verdicts our scale lacks" hint="One per line, LABEL = rating key, e.g. Four Pinocchios = false." error={error?.fields["map.0"]}>
          {(a11y) => <textarea {...a11y} rows={2} className={`${INPUT} font-mono text-sm`} value={mapping} onChange={(e) => setMapping(e.target.value)} />}
        </Field>
        {start.error ? (
          <p role="alert" className="text-red-800">
            {start.error.message}
          </p>
        ) : null}
        <p className="flex gap-3">
          <button type="submit" className={PRIMARY} disabled={start.isPending || (!file && pasted.trim() === "")}>
            Preview (dry run)
          </button>
          <button type="button" className={SECONDARY} disabled={start.isPending || (!file && pasted.trim() === "")} onClick={() => void submit(false)}>
            Import
          </button>
        </p>
      </form>

      {current !== null ? (
        <ImportProgress key={current} id={current} busy={start.isPending} onImportForReal={last ? () => start.mutate({ ...last, dryRun: false }, { onSuccess: (run) => setCurrent(run.id) }) : undefined} />
      ) : null}

      <section aria-labelledby="recent-imports" className="space-y-2">
        <h2 id="recent-imports" className="font-serif text-xl font-bold">
          Recent imports
        </h2>
        {undo.error ? (
          <p role="alert" className="text-red-800">
            {undo.error.message}
          </p>
        ) : null}
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">State</th>
              <th scope="col">Created / updated / refused</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {imports.map((i) => (
              <tr key={i.id} className="border-t border-rule">
                <td>{i.id}</td>
                <td>{formatDate(i.createdAt.slice(0, 10))}</td>
                <td>
                  {i.format}
                  {i.filename ? ` · ${i.filename}` : ""}
                  {i.dryRun ? " (dry run)" : ""}
                </td>
                <td>{i.state}</td>
                <td>
                  {i.counts.created} / {i.counts.updated} / {i.counts.refused}
                </td>
                <td className="space-x-3 text-right">
                  <button type="button" className="font-medium underline" onClick={() => setCurrent(i.id)}>
                    Report<span className="sr-only"> of import {i.id}</span>
                  </button>
                  {!i.dryRun && (i.state === "done" || i.state === "failed") ? (
                    <button
                      type="button"
                      className="font-medium text-red-800 underline"
                      disabled={undo.isPending}
                      onClick={() => window.confirm(`Undo import #${i.id}? Everything it created is deleted and everything it changed is put back.`) && undo.mutate(i.id)}
                    >
                      Undo<span className="sr-only"> import {i.id}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
