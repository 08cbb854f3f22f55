/** The drawing's measurements: per density (wide for desktops, compact for phones), and those shared by both. */

export const GEOMETRY = {
  wide: { target: 1040, gutter: 112, laneMin: 124, laneMax: 210, font: 12.5, line: 16, row: 36, item: 26, pad: 12, badgeMin: 96, badgeMax: 124, maxLines: 3 },
  compact: { target: 358, gutter: 56, laneMin: 56, laneMax: 124, font: 11, line: 13, row: 32, item: 24, pad: 10, badgeMin: 96, badgeMax: 120, maxLines: 3 },
} as const;

export const HEADER_PAD = 10;
export const BAND_GAP = 8;
/** Room to the right of the last lane for a same-lane curve. */
export const RIGHT_PAD = 28;
/** Bold text is wider than the estimate for regular text. */
export const BOLD = 1.08;
/** The angle of diagonal lane names, and their longest run. */
export const ROTATION = (62 * Math.PI) / 180;
export const ROTATED_MAX = 170;
