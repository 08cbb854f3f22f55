import type { ScorecardDTO } from "@/lib/dto";
import { plural } from "@/lib/format";

const INK = "#1b1f24";
const MUTED = "#57606a";
const RULE = "#d8d4cb";

const WIDTH = 360;
const LABEL = 112;
const BAR_X = LABEL + 8;
const COUNT_ROOM = 34;
const ROW = 30;
const BAR = 20;
const TOP = 6;

/**
 * A speaker's published verdicts as a horizontal bar chart, drawn on the server: one bar per
 * verdict of the default scale, in scale order and colour, then the claims with no verdict yet.
 * The SVG is an image with a text alternative, and the same numbers are in a table for screen
 * readers (visually hidden), so nothing depends on seeing the bars.
 */
export function ScorecardChart({ scorecard, speakerName, idPrefix = "scorecard" }: { scorecard: ScorecardDTO; speakerName: string; idPrefix?: string }) {
  const rows = [
    ...scorecard.ratings.map(({ rating, count }) => ({ key: rating.key, label: rating.label, count, colour: rating.colour as string | null })),
    { key: "none", label: "No verdict yet", count: scorecard.unrated, colour: null },
  ];
  const max = Math.max(1, ...rows.map((r) => r.count));
  const scale = (WIDTH - BAR_X - COUNT_ROOM) / max;
  const height = TOP * 2 + rows.length * ROW;
  const rated = scorecard.claims - scorecard.unrated;
  const title = `Verdicts on ${speakerName}’s published claims`;
  const summary =
    scorecard.claims === 0
      ? `${speakerName} has no published claims yet.`
      : `${plural(scorecard.claims, "published claim")}, ${rated} with a verdict: ${rows
          .filter((r) => r.count > 0)
          .map((r) => `${r.label} ${r.count}`)
          .join(", ")}.`;
  return (
    <figure className="space-y-2">
      <svg role="img" aria-labelledby={`${idPrefix}-title ${idPrefix}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} className="block h-auto w-full max-w-[480px]">
        <title id={`${idPrefix}-title`}>{title}</title>
        <desc id={`${idPrefix}-desc`}>{summary}</desc>
        <line x1={BAR_X} x2={BAR_X} y1={TOP - 2} y2={height - TOP + 2} stroke={RULE} strokeWidth={1} />
        {rows.map((row, i) => {
          const y = TOP + i * ROW + (ROW - BAR) / 2;
          const w = row.count * scale;
          return (
            <g key={row.key} data-rating={row.key} data-count={row.count}>
              <text x={LABEL} y={y + BAR / 2} dy="0.35em" textAnchor="end" fontSize={13} fill={row.colour ? INK : MUTED}>
                {row.label}
              </text>
              {row.count > 0 ? (
                <rect x={BAR_X} y={y} width={w} height={BAR} rx={3} fill={row.colour ?? "#ffffff"} stroke={row.colour ? "none" : MUTED} strokeWidth={row.colour ? 0 : 1.5} strokeDasharray={row.colour ? undefined : "4 3"} />
              ) : null}
              <text x={BAR_X + w + 6} y={y + BAR / 2} dy="0.35em" fontSize={13} fontWeight={700} fill={INK}>
                {row.count}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Verdict</th>
            <th scope="col">Claims</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.count}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Published claims</th>
            <td>{scorecard.claims}</td>
          </tr>
          <tr>
            <th scope="row">Contested</th>
            <td>{scorecard.contested}</td>
          </tr>
        </tfoot>
      </table>
    </figure>
  );
}
