"use client";

import { forwardRef, memo } from "react";
import { segmentParagraphs } from "@/lib/anchoring/highlight";

export interface TextSpan {
  id: number;
  start: number;
  end: number;
  /** claim: a saved claim; suggestion: a proposed one (dashed); selection: the pending selection. */
  kind: "claim" | "suggestion" | "selection";
}

/** Ids below this are not claims: suggestions are -1000 - index, the pending selection is -1. */
export const SELECTION_ID = -1;

/**
 * The source text for annotation: paragraphs of segments, each carrying `data-cp` (its start in
 * code points) so a DOM selection maps back to source offsets, and marks for claims,
 * suggestions and the pending selection.
 */
export const AnnotatedText = memo(
  forwardRef<HTMLDivElement, { text: string; spans: TextSpan[]; activeId: number | null; titles: Map<number, string>; onPointerDown: (e: React.PointerEvent) => void; onPointerUp: () => void; onClick: (e: React.MouseEvent) => void }>(
    function AnnotatedText({ text, spans, activeId, titles, onPointerDown, onPointerUp, onClick }, ref) {
      const kinds = new Map(spans.map((s) => [s.id, s.kind]));
      return (
        <div
          ref={ref}
          tabIndex={0}
          role="document"
          aria-label="Source text. Select a passage to make a claim; press ? for keyboard shortcuts."
          onPointerDown={onPointerDown}
          onPointerUp={onPointerUp}
          onKeyUp={(e) => {
            if (e.shiftKey) onPointerUp();
          }}
          onClick={onClick}
          className="annotator-text space-y-4 rounded-md border border-rule bg-white p-5 font-serif text-lg leading-relaxed outline-offset-4"
          data-testid="annotator-text"
        >
          {segmentParagraphs(text, spans).map((paragraph) => (
            <p key={paragraph.start} data-cp={paragraph.start}>
              {paragraph.segments.map((segment) => {
                if (segment.ids.length === 0) {
                  return (
                    <span key={segment.start} data-cp={segment.start}>
                      {segment.text}
                    </span>
                  );
                }
                const claimIds = segment.ids.filter((id) => kinds.get(id) === "claim");
                const suggestionIds = segment.ids.filter((id) => kinds.get(id) === "suggestion");
                const selected = segment.ids.includes(SELECTION_ID);
                const classes = [
                  claimIds.length > 0 ? "span" : "",
                  suggestionIds.length > 0 && claimIds.length === 0 ? "suggestion" : "",
                  selected ? "pending" : "",
                  activeId !== null && segment.ids.includes(activeId) ? "focused" : "",
                ].join(" ");
                return (
                  <mark
                    key={segment.start}
                    data-cp={segment.start}
                    className={classes}
                    data-depth={Math.min(Math.max(claimIds.length, 1), 3)}
                    data-claim-ids={claimIds.join(" ") || undefined}
                    data-suggestion-ids={suggestionIds.join(" ") || undefined}
                    title={claimIds.map((id) => titles.get(id)).filter(Boolean).join("\n") || undefined}
                  >
                    {segment.text}
                  </mark>
                );
              })}
            </p>
          ))}
        </div>
      );
    },
  ),
);
