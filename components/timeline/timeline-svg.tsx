import type { ClaimDTO } from "@/lib/dto";
import { formatDate } from "@/lib/format";
import { LINK_LABELS, type LinkKind, STATUS_LABELS } from "@/lib/model";
import { fitText, type Item, ROTATION, type TimelineLayout, textWidth } from "@/lib/timeline-layout";

/**
 * A timeline drawn as inline SVG, on the server. Two layers of the same size: underneath, the
 * drawing — lanes, date ticks, link curves — as one `role="img"` with a title and a description;
 * on top, the claims, each a link to its page with an accessible name. They are two SVGs because
 * an image's children are presentational: links inside a `role="img"` would be hidden from
 * assistive technology (and axe reports them as nested interactive content).
 */

export const INK = "#1b1f24";
export const MUTED = "#57606a";
const RULE = "#d8d4cb";
const LANE_TINT = "#f4f1ea";

/** How each kind of link is drawn: colour and dash, so colour is never the only cue. */
export const LINK_STYLE: Record<LinkKind, { colour: string; dash?: string; width: number }> = {
  disputes: { colour: "#b45309", width: 2.25 },
  "responds-to": { colour: "#0b5cad", dash: "7 4", width: 1.75 },
  supports: { colour: "#2f6b12", dash: "2 4", width: 2 },
  qualifies: { colour: MUTED, dash: "1 3", width: 1.5 },
  "same-as": { colour: MUTED, dash: "8 3 2 3", width: 1.5 },
};

/** The verdict written on a badge (cut to fit), or null on a circle, which shows only the number. */
export function badgeLabel(item: Item, claim: ClaimDTO, fontSize: number): string | null {
  if (item.shape !== "badge") return null;
  const room = item.width - 18 - (item.number === null ? 0 : textWidth(String(item.number), fontSize) + 6);
  return fitText(claim.verdict?.rating.label ?? "No verdict", room, fontSize - 0.5);
}

/**
 * An item's accessible name. It starts with the text the item shows (its number, and the verdict
 * on a badge), so speech input can use what is seen (WCAG 2.5.3), then says whose claim it is:
 * "3 Half true: Pen Bona, 26 Jun 2025: The government has not failed to act."
 */
export function itemName(claim: ClaimDTO, number: number | null, shown: string | null): string {
  const visible = [number === null ? null : String(number), shown].filter(Boolean).join(" ");
  const lead = number === null ? `${visible ? `${visible} ` : ""}(for context)` : visible;
  const full = claim.verdict?.rating.label ?? "No verdict yet";
  const verdict = shown === full || (shown === "No verdict" && !claim.verdict) ? "" : ` Verdict: ${full}.`;
  const status = claim.status === "published" ? "" : ` ${STATUS_LABELS[claim.status]}.`;
  const date = claim.statedOn ? formatDate(claim.statedOn) : "date not known";
  const text = /[.!?…”"]$/.test(claim.text) ? claim.text : `${claim.text}.`;
  return `${lead}: ${claim.speaker.name}, ${date}: ${text}${verdict}${status}`;
}

/** One sentence per layer for the image's description. */
export function describeTimeline(layout: TimelineLayout, claims: Map<number, ClaimDTO>): string {
  const own = layout.items.filter((i) => !i.context);
  const context = layout.items.length - own.length;
  const dates = own.map((i) => i.date).filter((d): d is string => d !== null);
  const undated = own.length - dates.length;
  const parts: string[] = [];
  const count = `${own.length} ${own.length === 1 ? "claim" : "claims"}`;
  const span = dates.length === 0 ? "" : dates[0] === dates[dates.length - 1] ? `, on ${formatDate(dates[0])}` : `, from ${formatDate(dates[0])} to ${formatDate(dates[dates.length - 1])}`;
  parts.push(`${count}${span}${undated ? ` (${undated} with no known date, placed last)` : ""}${context ? `, with ${context} more for context` : ""}.`);
  parts.push(`Lanes ${layout.laneMode === "side" ? "by side of the disputes" : "by speaker"}: ${layout.lanes.map((l) => l.label).join("; ")}.`);
  const byKind = new Map<LinkKind, number>();
  for (const p of layout.paths) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
  if (byKind.size > 0) parts.push(`Arrows: ${[...byKind].map(([kind, n]) => `${n} ${LINK_LABELS[kind].verb}`).join(", ")}.`);
  if (layout.conflicts.length > 0) parts.push(`${layout.conflicts.length} of the disputes join claims drawn on the same side: the disputes form a cycle of three or another odd number of claims.`);
  const verdicts = new Map<string, number>();
  for (const i of own) {
    const label = claims.get(i.claimId)?.verdict?.rating.label ?? "No verdict yet";
    verdicts.set(label, (verdicts.get(label) ?? 0) + 1);
  }
  parts.push(`Verdicts: ${[...verdicts].map(([label, n]) => `${label} ${n}`).join(", ")}. Every claim is also listed below.`);
  return parts.join(" ");
}

function ItemShape({ item, claim, fontSize }: { item: Item; claim: ClaimDTO; fontSize: number }) {
  const colour = claim.verdict?.rating.colour ?? null;
  const filled = colour !== null && !item.context;
  const fill = filled ? colour : "#ffffff";
  const stroke = colour ?? MUTED;
  const text = filled ? "#ffffff" : INK;
  const dash = item.context ? "3 2.5" : undefined;
  const x = item.cx - item.width / 2;
  const y = item.cy - item.height / 2;
  const r = item.height / 2;
  const unpublished = claim.status !== "published";
  const number = item.number === null ? "" : String(item.number);
  const label = badgeLabel(item, claim, fontSize);
  return (
    <>
      {unpublished ? <rect x={x - 3.5} y={y - 3.5} width={item.width + 7} height={item.height + 7} rx={r + 3.5} fill="none" stroke={MUTED} strokeWidth={1.25} strokeDasharray="3 2" /> : null}
      <rect x={x} y={y} width={item.width} height={item.height} rx={r} fill={fill} stroke={stroke} strokeWidth={filled ? 0 : 1.75} strokeDasharray={dash} />
      {item.shape === "circle" ? (
        <text x={item.cx} y={item.cy} dy="0.35em" textAnchor="middle" fontSize={fontSize} fontWeight={700} fill={text}>
          {number}
        </text>
      ) : (
        <text x={x + 9} y={item.cy} dy="0.35em" fontSize={fontSize - 0.5} fill={text}>
          {number ? <tspan fontWeight={700}>{`${number} `}</tspan> : null}
          <tspan fontWeight={600}>
            {label}
          </tspan>
        </text>
      )}
    </>
  );
}

export interface TimelineSvgProps {
  layout: TimelineLayout;
  /** Every claim the layout places (the timeline's own and the context ones), by id. */
  claims: Map<number, ClaimDTO>;
  title: string;
  /** Keeps ids (title, description, arrowheads) unique when a page holds several drawings. */
  idPrefix: string;
}

export function TimelineSvg({ layout, claims, title, idPrefix }: TimelineSvgProps) {
  const { width, height, fontSize, lineHeight } = layout;
  const kinds = [...new Set(layout.paths.map((p) => p.kind))];
  const marker = (kind: LinkKind) => `${idPrefix}-arrow-${kind}`;
  const bottom = height - 6;
  return (
    <div className="overflow-x-auto" data-timeline-chart={layout.density}>
      <div className="relative" style={{ width: "100%", maxWidth: width, minWidth: Math.round(width * 0.8) }}>
        <svg
          role="img"
          aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          className="block h-auto w-full"
          fontFamily="ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
        >
          <title id={`${idPrefix}-title`}>{title}</title>
          <desc id={`${idPrefix}-desc`}>{describeTimeline(layout, claims)}</desc>
          <defs>
            {kinds.map((kind) => (
              <marker key={kind} id={marker(kind)} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={9} markerHeight={9} markerUnits="userSpaceOnUse" orient="auto">
                <path d="M0 0 L10 5 L0 10 z" fill={LINK_STYLE[kind].colour} />
              </marker>
            ))}
          </defs>
          <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
          {layout.lanes.map((lane, i) => (
            <g key={lane.key} data-lane={lane.key}>
              {i % 2 === 1 ? <rect x={lane.x} y={layout.headerHeight} width={lane.width} height={bottom - layout.headerHeight} fill={LANE_TINT} /> : null}
              {layout.headerRotated ? (
                <text
                  x={lane.x + lane.width / 2 - 2}
                  y={layout.headerHeight - 8}
                  transform={`rotate(${(-ROTATION * 180) / Math.PI} ${lane.x + lane.width / 2 - 2} ${layout.headerHeight - 8})`}
                  fontSize={fontSize}
                  fontWeight={700}
                  fill={INK}
                >
                  {lane.lines[0]}
                </text>
              ) : (
                <text x={lane.x + lane.width / 2} y={10 + lineHeight * 0.8} textAnchor="middle" fontSize={fontSize} fontWeight={700} fill={INK}>
                  {lane.lines.map((line, k) => (
                    <tspan key={k} x={lane.x + lane.width / 2} dy={k === 0 ? 0 : lineHeight}>
                      {line}
                    </tspan>
                  ))}
                </text>
              )}
            </g>
          ))}
          <line x1={4} x2={width - 4} y1={layout.headerHeight} y2={layout.headerHeight} stroke={INK} strokeWidth={1.25} />
          {layout.bands.map((band) => (
            <g key={band.date ?? "undated"} data-band={band.date ?? "undated"}>
              {band.gap ? (
                <text x={layout.gutter - 8} y={band.gap.y + lineHeight * 0.75} textAnchor="end" fontSize={fontSize - 1} fontStyle="italic" fill={MUTED}>
                  {band.gap.lines.map((line, k) => (
                    <tspan key={k} x={layout.gutter - 8} dy={k === 0 ? 0 : lineHeight}>
                      {line}
                    </tspan>
                  ))}
                </text>
              ) : null}
              <line x1={4} x2={width - 4} y1={band.y} y2={band.y} stroke={band.date ? RULE : MUTED} strokeWidth={1} strokeDasharray={band.date ? undefined : "4 3"} />
              <text x={layout.gutter - 8} y={band.y + 12 + lineHeight * 0.6} textAnchor="end" fontSize={fontSize - 0.5} fontWeight={600} fill={band.date ? INK : MUTED} fontStyle={band.date ? undefined : "italic"}>
                {band.lines.map((line, k) => (
                  <tspan key={k} x={layout.gutter - 8} dy={k === 0 ? 0 : lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          ))}
          {layout.paths.map((p) => {
            const style = LINK_STYLE[p.kind];
            return (
              <path
                key={p.linkId}
                d={p.d}
                fill="none"
                stroke={style.colour}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
                strokeLinecap="round"
                markerEnd={`url(#${marker(p.kind)})`}
                data-link-id={p.linkId}
                data-kind={p.kind}
                data-conflict={p.conflict ? "true" : undefined}
              />
            );
          })}
        </svg>
        <svg
          role="group"
          aria-label={`${title}: the claims, in timeline order`}
          viewBox={`0 0 ${width} ${height}`}
          className="absolute inset-0 h-full w-full"
          fontFamily="ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
        >
          {layout.items.map((item) => {
            const claim = claims.get(item.claimId)!;
            const name = itemName(claim, item.number, badgeLabel(item, claim, fontSize));
            return (
              <a key={item.claimId} href={`/claims/${item.claimId}`} aria-label={name} className="group no-underline focus-visible:outline-none" data-claim-id={item.claimId}>
                <g aria-hidden="true">
                  <title>{name}</title>
                  <rect
                    x={item.cx - item.width / 2 - 4}
                    y={item.cy - item.height / 2 - 4}
                    width={item.width + 8}
                    height={item.height + 8}
                    rx={item.height / 2 + 4}
                    fill="none"
                    stroke="#2563eb"
                    strokeWidth={3}
                    className="opacity-0 group-hover:opacity-50 group-focus-visible:opacity-100"
                  />
                  <ItemShape item={item} claim={claim} fontSize={fontSize} />
                </g>
              </a>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
