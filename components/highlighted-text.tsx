import Link from "next/link";
import { Fragment } from "react";
import { segmentParagraphs } from "@/lib/anchoring/highlight";
import type { ClaimDTO } from "@/lib/dto";

/**
 * A source text with each anchored claim's span highlighted. Overlapping and nested spans are
 * split into segments; a segment under several claims is drawn darker and links to the
 * innermost one. The first segment of each claim carries the `claim-{id}` scroll target.
 */
export function HighlightedText({ text, claims, focusedId }: { text: string; claims: ClaimDTO[]; focusedId?: number }) {
  const titles = new Map<number, string>();
  const spans = claims.flatMap((c) => {
    if (c.anchor?.state !== "anchored") return [];
    titles.set(c.id, `${c.speaker.name}: ${c.text}`);
    return [{ id: c.id, start: c.anchor.start, end: c.anchor.end }];
  });
  const seen = new Set<number>();
  return (
    <div className="space-y-4 font-serif text-lg leading-relaxed" data-testid="source-text">
      {segmentParagraphs(text, spans).map((paragraph) => (
        <p key={paragraph.start}>
          {paragraph.segments.map((segment) => {
            if (segment.ids.length === 0) return <Fragment key={segment.start}>{segment.text}</Fragment>;
            const targets = segment.ids.filter((id) => !seen.has(id));
            targets.forEach((id) => seen.add(id));
            const innermost = segment.ids[segment.ids.length - 1]!;
            const focused = focusedId !== undefined && segment.ids.includes(focusedId);
            return (
              <Fragment key={segment.start}>
                {targets.map((id) => (
                  <span key={id} id={`claim-${id}`} className="scroll-mt-24" />
                ))}
                <mark
                  className={`span${focused ? " focused" : ""}`}
                  data-depth={Math.min(segment.ids.length, 3)}
                  data-claim-ids={segment.ids.join(" ")}
                  title={segment.ids.map((id) => titles.get(id)).join("\n")}
                >
                  <Link href={`/claims/${innermost}`}>{segment.text}</Link>
                </mark>
              </Fragment>
            );
          })}
        </p>
      ))}
    </div>
  );
}
