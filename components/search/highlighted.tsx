import type { SearchSegment } from "@/lib/search-query";

/** Snippet segments as text, the matched words in <mark>: the text is never parsed as HTML. */
export function Highlighted({ segments }: { segments: SearchSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-mark px-0.5 text-inherit">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

const BADGE_STYLE = {
  claim: "border-claim text-claim",
  source: "border-stone-500 text-stone-700",
  speaker: "border-counter text-counter",
} as const;

/** "Claim", "Source" or "Speaker" in a small outlined label. */
export function TypeBadge({ type, label }: { type: keyof typeof BADGE_STYLE; label: string }) {
  return <span className={`inline-flex shrink-0 items-center rounded border bg-white px-1.5 text-xs font-semibold uppercase tracking-wide ${BADGE_STYLE[type]}`}>{label}</span>;
}
