/**
 * Text anchoring for claims: W3C Web Annotation selectors in code points, re-anchoring after a
 * source revision (position, exact, then fuzzy, else orphan), and span highlighting for the
 * source reader. Pure TypeScript, no Node APIs: safe in the browser and on the server.
 */
export {
  AnchorRangeError,
  DEFAULT_CONTEXT_LENGTH,
  anchorMatches,
  createAnchor,
  describeAnchorMismatch,
  selectionToAnchor,
  type TextAnchor,
} from "./selectors";
export {
  segmentHighlights,
  segmentParagraphs,
  splitParagraphs,
  validateSpans,
  type HighlightSpan,
  type ParagraphRange,
  type ParagraphSegments,
  type Segment,
  type SpanProblem,
} from "./highlight";
export {
  reanchor,
  reanchorAll,
  type Anchored,
  type Orphan,
  type ReanchorMethod,
  type ReanchorOptions,
  type ReanchorResult,
} from "./reanchor";
export {
  DEFAULT_MAX_ERROR_RATE,
  MIN_CONTEXT,
  maxErrorsFor,
} from "./scoring";
export { PreparedText } from "./prepared-text";
