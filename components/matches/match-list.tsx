import type { ReactNode } from "react";
import type { MatchDTO, MatchStrength } from "@/lib/dto";
import { formatDate } from "@/lib/format";
import { StatusBadge, VerdictBadge } from "../verdict-badge";

export const STRENGTH_LABELS: Record<MatchStrength, string> = {
  strong: "Strong match",
  possible: "Possible match",
  weak: "Weak match",
};

const STRENGTH_STYLE: Record<MatchStrength, string> = {
  strong: "border-emerald-700 text-emerald-800",
  possible: "border-amber-600 text-amber-800",
  weak: "border-rule text-muted",
};

/** "Why it matches": the names, figures and phrases the text shares with the claim, and figures that differ. */
export function MatchReasons({ why }: { why: MatchDTO["why"] }) {
  const rows: [string, string[]][] = [
    ["Shared names", why.sharedNames],
    ["Same figures", why.sharedFigures],
    ["Shared phrases", why.sharedPhrases.map((p) => `“${p}”`)],
  ];
  const shown = rows.filter(([, v]) => v.length > 0);
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {shown.map(([label, values]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd>{values.join(", ")}</dd>
        </div>
      ))}
      {why.disagreeingFigures.length > 0 ? (
        <div className="contents">
          <dt className="font-semibold text-red-800">Figures differ</dt>
          <dd className="text-red-800">{why.disagreeingFigures.map((f) => `${f.post} here, ${f.candidate} in the claim`).join("; ")}</dd>
        </div>
      ) : null}
      {shown.length === 0 && why.disagreeingFigures.length === 0 ? (
        <div className="contents">
          <dt className="text-muted">Shared words</dt>
          <dd>only single words in common</dd>
        </div>
      ) : null}
    </dl>
  );
}

/**
 * Claims already recorded that a text may repeat, best first: the claim, its verdict, when it
 * was checked, how strong the match is and why. `action` adds a control per claim (staff: link
 * the claim being written as `same-as`); `newTab` opens claims in a new tab (a form stays as typed).
 */
export function MatchList({ items, label, action, newTab = false }: { items: MatchDTO[]; label: string; action?: (m: MatchDTO) => ReactNode; newTab?: boolean }) {
  return (
    <ol className="space-y-3" aria-label={label}>
      {items.map((m) => (
        <li key={m.claim.id} className="rounded border border-rule bg-white p-3" aria-label={`Match: ${m.claim.text}`}>
          <div className="flex flex-wrap items-center gap-2">
            <VerdictBadge verdict={m.claim.verdict} />
            <StatusBadge status={m.claim.status} />
            <span className={`rounded border px-1.5 text-xs font-semibold ${STRENGTH_STYLE[m.strength]}`}>{STRENGTH_LABELS[m.strength]}</span>
          </div>
          <a href={`/claims/${m.claim.id}`} className="mt-1 block font-medium text-ink" {...(newTab ? { target: "_blank", rel: "noreferrer" } : {})}>
            {m.claim.text}
          </a>
          <p className="mt-0.5 text-xs text-muted">
            {m.claim.speaker.name}
            {m.claim.publishedAt ? ` · checked ${formatDate(m.claim.publishedAt)}` : ""}
            {m.claim.statedOn ? ` · said ${formatDate(m.claim.statedOn)}` : ""}
          </p>
          <MatchReasons why={m.why} />
          {action ? <div className="mt-2">{action(m)}</div> : null}
        </li>
      ))}
    </ol>
  );
}
