import Link from "next/link";
import type { EvidenceDTO, VerdictRecordDTO } from "@/lib/dto";
import { formatDate, hostOf } from "@/lib/format";

const STANCE_LABELS: Record<EvidenceDTO["stance"], { label: string; className: string }> = {
  supports: { label: "Supports", className: "text-green-800" },
  refutes: { label: "Refutes", className: "text-red-800" },
  context: { label: "Context", className: "text-muted" },
};

/**
 * How a published verdict was reached, for readers: when it was published, who checked and who
 * approved it, and the evidence it rests on (server-rendered, so it reads without JavaScript).
 */
export function VerdictRecord({ record }: { record: VerdictRecordDTO }) {
  return (
    <div className="mt-6 space-y-4">
      <p className="text-sm text-muted" data-testid="verdict-byline">
        Published <time dateTime={record.publishedAt}>{formatDate(record.publishedAt)}</time>
        {record.checkedBy ? <> · Checked by {record.checkedBy.name}</> : null}
        {record.approvedBy ? <> · Reviewed and approved by {record.approvedBy.name}</> : null}
      </p>
      <section aria-labelledby="evidence-heading">
        <h3 id="evidence-heading" className="mb-2 text-xs font-bold uppercase tracking-wider text-muted">
          Sources and evidence
        </h3>
        {record.evidence.length === 0 ? (
          <p className="text-sm text-muted">No evidence was attached to this verdict.</p>
        ) : (
          <ul className="space-y-3" aria-label="Evidence for the verdict">
            {record.evidence.map((e) => (
              <li key={e.id} className="rounded-md border border-rule bg-white p-3 text-sm">
                <span className={`mr-2 text-xs font-bold uppercase tracking-wider ${STANCE_LABELS[e.stance].className}`}>{STANCE_LABELS[e.stance].label}</span>
                {e.source ? (
                  <Link href={`/sources/${e.source.id}`} className="font-medium">
                    {e.source.title}
                  </Link>
                ) : e.url ? (
                  <a href={e.url} rel="noopener noreferrer nofollow" className="font-medium">
                    {hostOf(e.url)}
                  </a>
                ) : null}
                {e.source?.publisher ? <span className="text-muted"> · {e.source.publisher}</span> : null}
                {e.quote ? <blockquote className="mt-2 border-l-2 border-rule pl-3 font-serif text-base">“{e.quote}”</blockquote> : null}
                {e.note ? <p className="mt-1 text-muted">{e.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
