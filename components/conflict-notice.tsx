"use client";

/**
 * Shown when a save is refused with 409 because someone else saved first. It lists what the
 * other person changed (base → theirs) beside what you were saving, and lets you re-apply your
 * changes on top of theirs or discard yours. Nothing is ever overwritten silently.
 */
export interface ConflictField {
  key: string;
  label: string;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function ConflictNotice({
  what,
  fields,
  base,
  mine,
  current,
  onReapply,
  onDiscard,
}: {
  what: string;
  fields: ConflictField[];
  base: Record<string, unknown>;
  mine: Record<string, unknown>;
  current: Record<string, unknown>;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const rows = fields.filter((f) => show(base[f.key]) !== show(current[f.key]) || show(mine[f.key]) !== show(base[f.key]));
  return (
    <div role="alertdialog" aria-labelledby="conflict-title" className="rounded-md border-2 border-amber-500 bg-amber-50 p-4 text-sm">
      <h3 id="conflict-title" className="mb-1 font-semibold">
        Someone else changed this {what} while you were editing
      </h3>
      <p className="mb-3 text-muted">It is now at version {show(current.version)}. Compare, then re-apply your changes on top of theirs or discard yours.</p>
      <table className="mb-3 w-full border-collapse text-left">
        <thead>
          <tr className="border-b border-amber-300">
            <th className="py-1 pr-2 font-semibold">Field</th>
            <th className="py-1 pr-2 font-semibold">Was</th>
            <th className="py-1 pr-2 font-semibold">Their version</th>
            <th className="py-1 font-semibold">Yours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.key} className="border-b border-amber-200 align-top" data-conflict-field={f.key}>
              <th scope="row" className="py-1 pr-2 font-medium">
                {f.label}
              </th>
              <td className="py-1 pr-2 text-muted">{show(base[f.key])}</td>
              <td className="py-1 pr-2">{show(current[f.key])}</td>
              <td className="py-1">{show(mine[f.key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex gap-2">
        <button type="button" onClick={onReapply} className="rounded bg-ink px-3 py-1.5 font-semibold text-white">
          Re-apply my changes
        </button>
        <button type="button" onClick={onDiscard} className="rounded border border-ink px-3 py-1.5 font-semibold">
          Discard mine
        </button>
      </div>
    </div>
  );
}
