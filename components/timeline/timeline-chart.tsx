import type { ClaimDTO, TimelineViewDTO } from "@/lib/dto";
import { LINK_LABELS, type LinkKind } from "@/lib/model";
import { DRAWN_LINK_KINDS, layoutTimeline, type TimelineLayout } from "@/lib/timeline-layout";
import { INK, LINK_STYLE, MUTED, TimelineSvg } from "./timeline-svg";

/**
 * The timeline chart for every screen: a wide drawing (verdict badges) from the `md` breakpoint
 * up, a compact one (numbered circles) below it, and one legend. The hidden drawing is
 * `display: none`, so it is neither read out nor reached with the keyboard.
 */
export function TimelineChart({ view, title, leadSpeakerId, idPrefix = "timeline" }: { view: TimelineViewDTO; title: string; leadSpeakerId?: number; idPrefix?: string }) {
  const claims = new Map<number, ClaimDTO>([...view.claims, ...view.context].map((c) => [c.id, c]));
  const options = { lanes: view.filters.by, leadSpeakerId };
  const wide = layoutTimeline(view, { ...options, density: "wide" });
  const compact = layoutTimeline(view, { ...options, density: "compact" });
  return (
    <figure className="space-y-3">
      <div className="hidden md:block">
        <TimelineSvg layout={wide} claims={claims} title={title} idPrefix={`${idPrefix}-wide`} />
      </div>
      <div className="md:hidden">
        <TimelineSvg layout={compact} claims={claims} title={title} idPrefix={`${idPrefix}-compact`} />
      </div>
      <figcaption>
        <TimelineLegend layout={wide} claims={[...claims.values()]} />
      </figcaption>
    </figure>
  );
}

function LinkSwatch({ kind }: { kind: LinkKind }) {
  const style = LINK_STYLE[kind];
  return (
    <svg aria-hidden="true" width="34" height="10" viewBox="0 0 34 10" className="shrink-0">
      <line x1="1" y1="5" x2="26" y2="5" stroke={style.colour} strokeWidth={style.width} strokeDasharray={style.dash} strokeLinecap="round" />
      <path d="M25 0.5 L33 5 L25 9.5 z" fill={style.colour} />
    </svg>
  );
}

function ItemSwatch({ colour, dashed = false, ring = false }: { colour: string | null; dashed?: boolean; ring?: boolean }) {
  return (
    <svg aria-hidden="true" width="22" height="16" viewBox="0 0 22 16" className="shrink-0">
      {ring ? <rect x="1" y="1" width="20" height="14" rx="7" fill="none" stroke={MUTED} strokeWidth="1.25" strokeDasharray="3 2" /> : null}
      <rect x="4" y="4" width="14" height="8" rx="4" fill={colour && !dashed ? colour : "#ffffff"} stroke={colour ?? MUTED} strokeWidth={colour && !dashed ? 0 : 1.5} strokeDasharray={dashed ? "3 2" : undefined} />
    </svg>
  );
}

/** What the marks mean: the verdict colours in use, the kinds of arrows, context and unpublished items. */
export function TimelineLegend({ layout, claims }: { layout: TimelineLayout; claims: ClaimDTO[] }) {
  const contextIds = new Set(layout.items.filter((i) => i.context).map((i) => i.claimId));
  const own = claims.filter((c) => !contextIds.has(c.id));
  const verdicts = [...new Map(own.filter((c) => c.verdict).map((c) => [c.verdict!.rating.key, c.verdict!.rating])).values()].sort((a, b) => a.position - b.position);
  const unrated = own.some((c) => !c.verdict);
  const unpublished = claims.some((c) => c.status !== "published");
  const kinds = DRAWN_LINK_KINDS.filter((k) => layout.paths.some((p) => p.kind === k));
  return (
    <div className="space-y-1.5 text-sm" style={{ color: INK }}>
      <p className="text-muted">Each mark is a claim, numbered as in the list below; select one to open it. Arrows run from a claim to the claim it disputes, answers or supports.</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Verdict colours">
        {verdicts.map((r) => (
          <li key={r.key} className="flex items-center gap-1.5">
            <ItemSwatch colour={r.colour} />
            {r.label}
          </li>
        ))}
        {unrated ? (
          <li className="flex items-center gap-1.5">
            <ItemSwatch colour={null} />
            No verdict yet
          </li>
        ) : null}
        {contextIds.size > 0 ? (
          <li className="flex items-center gap-1.5">
            <ItemSwatch colour={MUTED} dashed />
            Shown for context (the other end of a dispute or response)
          </li>
        ) : null}
        {unpublished ? (
          <li className="flex items-center gap-1.5">
            <ItemSwatch colour={MUTED} ring />
            Not published (staff only)
          </li>
        ) : null}
      </ul>
      {kinds.length > 0 ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Arrows">
          {kinds.map((kind) => (
            <li key={kind} className="flex items-center gap-1.5">
              <LinkSwatch kind={kind} />
              {LINK_LABELS[kind].verb}
            </li>
          ))}
        </ul>
      ) : null}
      {layout.conflicts.length > 0 ? (
        <p className="text-muted">
          Some disputes form a cycle of an odd number of claims, so they cannot all be split into two sides: {layout.conflicts.length === 1 ? "one dispute is" : `${layout.conflicts.length} disputes are`} drawn within one side.
        </p>
      ) : null}
    </div>
  );
}
