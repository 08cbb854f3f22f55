/**
 * WCAG 2.x contrast between colours, for verdict badges (white text on the verdict's colour).
 * Pure: the scale form checks a colour as it is typed and the API refuses the same colours.
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */

/** WCAG AA for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The channels of `#rrggbb` as 0–255 integers; anything else throws (callers validate first). */
export function parseHex(hex: string): [number, number, number] {
  if (!HEX_COLOUR.test(hex)) throw new TypeError(`not a #rrggbb colour: ${hex}`);
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** An sRGB channel (0–255) as linear light. */
function linear(channel: number): number {
  const c = channel / 255;
  // WCAG 2.2 uses 0.04045 (the sRGB standard's threshold); 2.0's 0.03928 differs on no 8-bit value.
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (0 black … 1 white) of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (identical) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Contrast of white text on `background`. */
export function whiteTextContrast(background: string): number {
  return contrastRatio("#ffffff", background);
}

/** Whether white text on `background` meets WCAG AA (4.5:1). Not rounded up: 4.49 fails. */
export function isReadableWithWhiteText(background: string): boolean {
  return HEX_COLOUR.test(background) && whiteTextContrast(background) >= MIN_TEXT_CONTRAST;
}

/** A ratio as people write it: 4.5:1, 12.63:1 (two decimals, rounded down so a fail never reads as a pass). */
export function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 100) / 100}:1`;
}
