import type { ClaimDTO } from "@/lib/dto";
import { STATUS_LABELS } from "@/lib/model";

/** The verdict as a coloured label; colour is never the only signal (the label is always shown). */
export function VerdictBadge({ verdict }: { verdict: ClaimDTO["verdict"] }) {
  if (!verdict) {
    return <span className="inline-flex items-center rounded-full border border-rule px-2 py-0.5 text-xs font-medium text-muted">No verdict yet</span>;
  }
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold text-white"
      style={{ backgroundColor: verdict.rating.colour }}
      title={verdict.rating.description}
    >
      {verdict.rating.label}
    </span>
  );
}

export function StatusBadge({ status }: { status: ClaimDTO["status"] }) {
  if (status === "published") return null;
  return <span className="inline-flex rounded border border-dashed border-muted px-1.5 text-xs font-medium uppercase tracking-wide text-muted">{STATUS_LABELS[status]}</span>;
}
