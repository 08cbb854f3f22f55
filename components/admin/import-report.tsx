"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo } from "react";
import type { ImportDTO } from "@/lib/dto";
import { csvRecord } from "@/lib/interchange/csv";
import { importKeys, importQuery } from "./import-hooks";

const OUTCOMES = [
  ["created", "Created"],
  ["updated", "Updated"],
  ["unchanged", "Unchanged"],
  ["refused", "Refused"],
] as const;

/** The report as CSV: one line per item, for a spreadsheet. */
function reportCsv(run: ImportDTO): string {
  return (
    csvRecord(["item", "outcome", "claim_id", "reason", "notes"]) +
    (run.report?.items ?? []).map((i) => csvRecord([i.ref, i.outcome, i.claimId ?? null, i.reason ?? null, (i.notes ?? []).join("; ")])).join("")
  );
}

/** One import as it runs: a progress bar, then its counts, unmapped verdicts, refusals and a report to download. */
export function ImportProgress({ id, onImportForReal, busy }: { id: number; onImportForReal?: () => void; busy?: boolean }) {
  const { data: run } = useQuery(importQuery(id));
  const client = useQueryClient();
  const href = useMemo(() => (run?.report ? URL.createObjectURL(new Blob([reportCsv(run)], { type: "text/csv" })) : null), [run]);
  const ended = run !== undefined && run.state !== "queued" && run.state !== "running";
  // Once it has ended, the list of imports shows it so (and offers its undo): the list was read
  // when it started, and an import may still be running after its first answer.
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: importKeys.all, exact: true });
  }, [ended, client]);
  if (!run) return <p className="text-muted">Starting…</p>;
  const refused = run.report?.items.filter((i) => i.outcome === "refused") ?? [];
  return (
    <section aria-labelledby={`import-${id}`} className="space-y-4 rounded border border-rule bg-white p-4">
      <h2 id={`import-${id}`} className="font-serif text-xl font-bold">
        {run.dryRun ? "Dry run" : "Import"} #{run.id}
        {run.filename ? <span className="font-normal text-muted"> · {run.filename}</span> : null}
      </h2>
      <div>
        <label htmlFor={`progress-${id}`} className="block text-sm font-medium">
          {ended ? (run.state === "failed" ? "Stopped" : run.dryRun ? "Checked" : "Imported") : "Importing"} {run.processed} of {run.total} item(s)
        </label>
        <progress id={`progress-${id}`} max={Math.max(1, run.total)} value={run.processed} className="mt-1 h-3 w-full" />
      </div>
      {run.error ? (
        <p role="alert" className="text-red-800">
          {run.error}
        </p>
      ) : null}
      {ended ? (
        <>
          <p role="status">
            {run.dryRun ? "Nothing was written. This import would give: " : run.state === "undone" ? "Undone. It had given: " : "Done: "}
            {OUTCOMES.map(([k, label]) => `${run.counts[k]} ${label.toLowerCase()}`).join(", ")}.
          </p>
          <dl className="grid grid-cols-4 gap-2 text-center">
            {OUTCOMES.map(([k, label]) => (
              <div key={k} className="rounded bg-stone-50 p-2">
                <dt className="text-xs uppercase tracking-wide text-muted">{label}</dt>
                <dd className="text-2xl font-bold">{run.counts[k]}</dd>
              </div>
            ))}
          </dl>
          {run.report && run.report.unmappedVerdicts.length > 0 ? (
            <div>
              <h3 className="font-semibold">Verdicts not on our scale</h3>
              <p className="text-sm text-muted">These claims are kept as drafts. Map each label to a verdict below and import again: the drafts are updated and published.</p>
              <ul className="mt-1 list-disc pl-6">
                {run.report.unmappedVerdicts.map((u) => (
                  <li key={u.label}>
                    “{u.label}”: {u.count} claim(s) ({u.refs.join(", ")})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {refused.length > 0 ? (
            <div>
              <h3 className="font-semibold">Refused</h3>
              <table className="mt-1 w-full text-left text-sm">
                <thead>
                  <tr>
                    <th scope="col" className="pr-3">Item</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {refused.slice(0, 200).map((i) => (
                    <tr key={i.ref} className="border-t border-rule">
                      <td className="whitespace-nowrap pr-3 align-top">{i.ref}</td>
                      <td>{i.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {refused.length > 200 ? <p className="text-sm text-muted">…and {refused.length - 200} more in the report.</p> : null}
            </div>
          ) : null}
          <p className="flex flex-wrap gap-4">
            {href ? (
              <a href={href} download={`import-${run.id}-report.csv`} className="font-medium">
                Download the report (CSV)
              </a>
            ) : null}
            {run.dryRun && onImportForReal ? (
              <button type="button" onClick={onImportForReal} disabled={busy} className="rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60">
                Import for real
              </button>
            ) : null}
            {!run.dryRun && run.counts.created > 0 ? (
              <Link href="/review" className="font-medium">
                Go to the review queue
              </Link>
            ) : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
