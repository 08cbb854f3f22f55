"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SaveError } from "@/components/field-errors";
import { useUpdateClaim } from "@/components/hooks/mutations";
import { CodePointIndex } from "@/lib/codepoints";
import type { ClaimDTO, SourceDTO } from "@/lib/dto";
import { sourceClaimsQuery } from "@/lib/queries";
import { sentenceRanges } from "@/lib/sentences";
import { AnnotatedText, SELECTION_ID, type TextSpan } from "./annotated-text";
import { ClaimForm } from "./claim-form";
import { ClaimPanel } from "./claim-panel";
import { selectionOffsets } from "./dom-offsets";

type Span = { start: number; end: number; exact: string };
type Panel = { kind: "idle" } | { kind: "create"; span: Span } | { kind: "claim"; id: number };

const SHORTCUTS: [string, string][] = [
  ["Select with the mouse", "open the claim form with the quote filled in"],
  ["n / p", "select the next / previous sentence"],
  ["Shift+N", "extend the selection by the next sentence"],
  ["c", "make a claim from the selection"],
  ["] / [", "go to the next / previous highlight"],
  ["Enter", "open the highlighted claim"],
  ["Ctrl+Enter", "save the claim form (accept)"],
  ["Esc", "clear the selection or close the panel"],
];

/**
 * The fact-checker's annotator: the source text with its claims highlighted; selecting text
 * (mouse or keyboard) opens the claim form; saving shows the new highlight at once (the
 * source's claims query is invalidated by the mutation hook).
 */
export function Annotator({ source, initialClaims }: { source: SourceDTO; initialClaims: ClaimDTO[] }) {
  const { data: claims = initialClaims } = useQuery({ ...sourceClaimsQuery(source.id), initialData: initialClaims });
  const textRef = useRef<HTMLDivElement>(null);
  const index = useMemo(() => new CodePointIndex(source.text), [source.text]);
  const sentences = useMemo(() => sentenceRanges(source.text), [source.text]);
  const [selection, setSelection] = useState<Span | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: "idle" });
  const [activeId, setActiveId] = useState<number | null>(null);
  const [sentence, setSentence] = useState(-1);
  const [help, setHelp] = useState(false);
  const [status, setStatus] = useState("");

  const anchored = useMemo(() => claims.filter((c) => c.anchor?.state === "anchored"), [claims]);
  const orphans = useMemo(() => claims.filter((c) => c.anchor?.state === "orphan"), [claims]);
  const titles = useMemo(() => new Map(anchored.map((c) => [c.id, `${c.speaker.name}: ${c.text}`])), [anchored]);
  const spans = useMemo<TextSpan[]>(() => {
    const out: TextSpan[] = anchored.map((c) => ({ id: c.id, start: c.anchor!.start, end: c.anchor!.end, kind: "claim" }));
    if (selection) out.push({ id: SELECTION_ID, start: selection.start, end: selection.end, kind: "selection" });
    return out;
  }, [anchored, selection]);

  const select = useCallback(
    (start: number, end: number, open = true) => {
      const span = { start, end, exact: index.slice(start, end) };
      setSelection(span);
      setActiveId(null);
      if (open) setPanel({ kind: "create", span });
      setStatus(`Selected: ${span.exact.slice(0, 80)}`);
    },
    [index],
  );

  const onPointerUp = useCallback(() => {
    const container = textRef.current;
    if (!container) return;
    const offsets = selectionOffsets(container, index);
    if (offsets) select(offsets.start, offsets.end);
  }, [index, select]);

  const onClick = useCallback(
    (e: React.MouseEvent) => {
      if (window.getSelection()?.isCollapsed === false) return;
      const ids = (e.target as HTMLElement).closest("mark")?.getAttribute("data-claim-ids");
      if (!ids) return;
      const id = Number(ids.split(" ").pop());
      setActiveId(id);
      setPanel({ kind: "claim", id });
    },
    [],
  );

  // Keep the active highlight, or the keyboard selection, in view.
  useEffect(() => {
    if (activeId === null) return;
    textRef.current?.querySelector(`mark[data-claim-ids~="${activeId}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [activeId]);
  useEffect(() => {
    if (selection) textRef.current?.querySelector("mark.pending")?.scrollIntoView({ block: "nearest" });
  }, [selection]);

  function moveHighlight(step: 1 | -1) {
    if (anchored.length === 0) return;
    const i = anchored.findIndex((c) => c.id === activeId);
    const next = anchored[(i + step + anchored.length) % anchored.length]!;
    setActiveId(next.id);
    setSelection(null);
    setStatus(`Claim ${anchored.indexOf(next) + 1} of ${anchored.length}: ${next.speaker.name}: ${next.text}`);
  }

  function moveSentence(step: 1 | -1, extend: boolean) {
    if (sentences.length === 0) return;
    const i = Math.min(Math.max(sentence + step, 0), sentences.length - 1);
    setSentence(i);
    const s = sentences[i]!;
    if (extend && selection) select(Math.min(selection.start, s.start), Math.max(selection.end, s.end), false);
    else select(s.start, s.end, false);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key;
    if (key === "n" || key === "N") moveSentence(1, e.shiftKey);
    else if (key === "p" || key === "P") moveSentence(-1, e.shiftKey);
    else if (key === "]") moveHighlight(1);
    else if (key === "[") moveHighlight(-1);
    else if (key === "c" && selection) setPanel({ kind: "create", span: selection });
    else if (key === "Enter" && activeId !== null) setPanel({ kind: "claim", id: activeId });
    else if (key === "Enter" && selection) setPanel({ kind: "create", span: selection });
    else if (key === "Escape") {
      setSelection(null);
      setPanel({ kind: "idle" });
    } else if (key === "?") setHelp((h) => !h);
    else return;
    e.preventDefault();
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div>
        <p className="sr-only" aria-live="polite">
          {status}
        </p>
        <AnnotatedText ref={textRef} text={source.text} spans={spans} activeId={activeId} titles={titles} onKeyDown={onKeyDown} onPointerUp={onPointerUp} onClick={onClick} />
        <button type="button" className="mt-2 text-sm underline" onClick={() => setHelp((h) => !h)} aria-expanded={help}>
          Keyboard shortcuts
        </button>
        {help ? (
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-rule bg-white p-3 text-sm">
            {SHORTCUTS.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-mono font-semibold">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
      <aside className="space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-auto" aria-label="Claim panel">
        <div className="rounded-md border border-rule bg-white p-4">
          {panel.kind === "create" ? (
            <ClaimForm
              key={`${panel.span.start}-${panel.span.end}`}
              sourceId={source.id}
              span={panel.span}
              defaultDate={source.publishedOn}
              onSaved={(claim) => {
                setSelection(null);
                window.getSelection()?.removeAllRanges();
                setActiveId(claim.id);
                setPanel({ kind: "claim", id: claim.id });
                setStatus(`Saved: ${claim.text}`);
              }}
              onCancel={() => {
                setSelection(null);
                setPanel({ kind: "idle" });
                textRef.current?.focus();
              }}
            />
          ) : panel.kind === "claim" ? (
            <ClaimPanel claimId={panel.id} onClose={() => setPanel({ kind: "idle" })} />
          ) : (
            <div className="space-y-2 text-sm">
              <h2 className="font-serif text-xl font-bold">Mark a claim</h2>
              <p>Select a passage of the text to record it as a claim, or click a highlight to open its claim.</p>
              <p className="text-muted">
                {anchored.length} claim{anchored.length === 1 ? "" : "s"} marked in this text.
              </p>
            </div>
          )}
        </div>
        {orphans.length > 0 ? <Orphans orphans={orphans} selection={selection} /> : null}
      </aside>
    </div>
  );
}

/** Claims whose quote is no longer in the text: kept, and re-attachable to a new selection. */
function Orphans({ orphans, selection }: { orphans: ClaimDTO[]; selection: Span | null }) {
  return (
    <section aria-labelledby="orphans-title" className="rounded-md border border-amber-400 bg-amber-50 p-4 text-sm">
      <h2 id="orphans-title" className="mb-1 font-semibold">
        Orphaned claims ({orphans.length})
      </h2>
      <p className="mb-2 text-muted">Their quotes were not found in this revision. Select the new passage, then re-attach.</p>
      <ul className="space-y-2">
        {orphans.map((c) => (
          <OrphanItem key={c.id} claim={c} selection={selection} />
        ))}
      </ul>
    </section>
  );
}

function OrphanItem({ claim, selection }: { claim: ClaimDTO; selection: Span | null }) {
  const update = useUpdateClaim(claim.id);
  return (
    <li className="rounded border border-amber-300 bg-white p-2">
      <p>
        <span className="font-semibold">{claim.speaker.name}:</span> {claim.text}
      </p>
      <p className="mt-1 font-serif text-muted">“{claim.anchor?.exact}”</p>
      <button
        type="button"
        disabled={!selection || update.isPending}
        onClick={() => selection && update.mutate({ anchor: selection, version: claim.version })}
        className="mt-1 rounded border border-ink px-2 py-1 text-xs font-semibold disabled:opacity-50"
      >
        Re-attach to the selection
      </button>
      <SaveError error={update.error} />
    </li>
  );
}
