"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SaveError } from "@/components/field-errors";
import { useProposeVerdict } from "@/components/hooks/mutations";
import { Combobox } from "@/components/pickers/combobox";
import { Rationale } from "@/components/rationale";
import type { RatingDTO, SourceSummaryDTO } from "@/lib/dto";
import { EVIDENCE_STANCES, type EvidenceStance } from "@/lib/model";
import { sourceSearchQuery } from "@/lib/queries";

interface EvidenceRow {
  stance: EvidenceStance;
  note: string;
  kind: "url" | "source";
  url: string;
  source: SourceSummaryDTO | null;
  quote: string;
}

const emptyRow = (): EvidenceRow => ({ stance: "refutes", note: "", kind: "url", url: "", source: null, quote: "" });

/** A fact-checker proposes a verdict: a rating from the scale, a Markdown rationale, evidence. */
export function VerdictForm({ claimId, version, ratings, canSubmit }: { claimId: number; version: number; ratings: RatingDTO[]; canSubmit: boolean }) {
  const [rating, setRating] = useState("");
  const [rationale, setRationale] = useState("");
  const [preview, setPreview] = useState(false);
  const [rows, setRows] = useState<EvidenceRow[]>([]);
  const [submit, setSubmit] = useState(true);
  const propose = useProposeVerdict(claimId);
  const update = (i: number, patch: Partial<EvidenceRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <form
      aria-label="Propose a verdict"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        propose.mutate(
          {
            rating,
            rationale,
            submit: canSubmit && submit,
            version,
            evidence: rows.map((r) =>
              r.kind === "url" ? { stance: r.stance, note: r.note, url: r.url } : { stance: r.stance, note: r.note, sourceId: r.source?.id, quote: r.quote || undefined },
            ),
          },
          {
            onSuccess: () => {
              setRationale("");
              setRows([]);
              setRating("");
            },
          },
        );
      }}
    >
      <label className="block text-sm font-medium">
        Verdict
        <select value={rating} onChange={(e) => setRating(e.target.value)} required className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5">
          <option value="">Choose a verdict…</option>
          {ratings.map((r) => (
            <option key={r.key} value={r.key}>
              {r.label} — {r.description}
            </option>
          ))}
        </select>
      </label>
      <div>
        <div className="flex items-center justify-between">
          <label htmlFor={`rationale-${claimId}`} className="text-sm font-medium">
            Rationale (Markdown)
          </label>
          <button type="button" className="text-xs underline" onClick={() => setPreview((p) => !p)} aria-pressed={preview}>
            {preview ? "Edit" : "Preview"}
          </button>
        </div>
        {preview ? (
          <div className="mt-1 rounded border border-rule bg-stone-50 p-3" data-testid="rationale-preview">
            <Rationale markdown={rationale || "_Nothing yet._"} />
          </div>
        ) : (
          <textarea id={`rationale-${claimId}`} value={rationale} onChange={(e) => setRationale(e.target.value)} rows={6} required className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5 font-mono text-sm" />
        )}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Evidence</legend>
        {rows.map((row, i) => (
          <EvidenceEditor key={i} index={i} row={row} onChange={(patch) => update(i, patch)} onRemove={() => setRows(rows.filter((_, j) => j !== i))} />
        ))}
        <button type="button" className="rounded border border-ink px-3 py-1 text-sm font-semibold" onClick={() => setRows([...rows, emptyRow()])}>
          Add evidence
        </button>
      </fieldset>
      {canSubmit ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={submit} onChange={(e) => setSubmit(e.target.checked)} /> Send the claim to the review queue
        </label>
      ) : null}
      <SaveError error={propose.error} />
      <button type="submit" disabled={propose.isPending || !rating || !rationale.trim()} className="rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-50">
        {propose.isPending ? "Saving…" : "Propose verdict"}
      </button>
    </form>
  );
}

function EvidenceEditor({ index, row, onChange, onRemove }: { index: number; row: EvidenceRow; onChange: (patch: Partial<EvidenceRow>) => void; onRemove: () => void }) {
  const [query, setQuery] = useState("");
  const search = useQuery(sourceSearchQuery(query));
  const n = index + 1;
  return (
    <div className="space-y-2 rounded border border-rule bg-stone-50 p-3" data-testid={`evidence-${n}`}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium">
          Evidence {n} stance
          <select value={row.stance} onChange={(e) => onChange({ stance: e.target.value as EvidenceStance })} className="mt-1 block rounded border border-rule bg-white px-2 py-1">
            {EVIDENCE_STANCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Evidence {n} is
          <select value={row.kind} onChange={(e) => onChange({ kind: e.target.value as "url" | "source" })} className="mt-1 block rounded border border-rule bg-white px-2 py-1">
            <option value="url">a web page</option>
            <option value="source">a passage of a source</option>
          </select>
        </label>
        <button type="button" onClick={onRemove} className="ml-auto text-sm underline">
          Remove
        </button>
      </div>
      {row.kind === "url" ? (
        <label className="block text-sm font-medium">
          Evidence {n} URL
          <input type="url" value={row.url} onChange={(e) => onChange({ url: e.target.value })} placeholder="https://" className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1" />
        </label>
      ) : (
        <>
          {row.source ? (
            <p className="text-sm">
              Source: <span className="font-medium">{row.source.title}</span>{" "}
              <button type="button" className="underline" onClick={() => onChange({ source: null })}>
                change
              </button>
            </p>
          ) : (
            <Combobox
              label={`Evidence ${n} source`}
              query={query}
              onQueryChange={setQuery}
              loading={search.isFetching}
              options={(search.data?.items ?? []).map((s) => ({ key: String(s.id), value: s, label: s.title }))}
              onSelect={(source) => onChange({ source })}
            />
          )}
          <label className="block text-sm font-medium">
            Evidence {n} quoted passage (exactly as in the source)
            <textarea value={row.quote} onChange={(e) => onChange({ quote: e.target.value })} rows={2} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1" />
          </label>
        </>
      )}
      <label className="block text-sm font-medium">
        Evidence {n} note
        <input value={row.note} onChange={(e) => onChange({ note: e.target.value })} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1" />
      </label>
    </div>
  );
}
