"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useAcceptSuggestions } from "@/components/hooks/mutations";
import { CodePointIndex } from "@/lib/codepoints";
import type { ClaimDetailDTO, ClaimDTO, SourceDTO } from "@/lib/dto";
import { sourceClaimsQuery } from "@/lib/queries";
import { sentenceRanges } from "@/lib/sentences";
import { AnnotatedText, SELECTION_ID, type TextSpan } from "./annotated-text";
import { ClaimForm } from "./claim-form";
import { ClaimPanel } from "./claim-panel";
import { selectionOffsets } from "./dom-offsets";
import { Orphans } from "./orphans";
import { SuggestionBar, SuggestionGroups, SuggestionPanel } from "./suggestions";
import { isSuggestionId, type ShownSuggestion, speakerChoiceOf, useSuggestions } from "./use-suggestions";

type Span = { start: number; end: number; exact: string };
/**
 * What the side panel shows. "accept" keeps its own copy of the suggestion: once the claim is
 * saved the suggestion leaves the list, and the form must stay mounted until the save returns.
 */
type Panel =
  | { kind: "idle" }
  | { kind: "create"; span: Span }
  | { kind: "claim"; id: number }
  | { kind: "suggestion"; key: string }
  | { kind: "accept"; suggestion: ShownSuggestion };

const SHORTCUTS: [string, string][] = [
  ["Select with the mouse", "open the claim form with the quote filled in"],
  ["n / p", "select the next / previous sentence"],
  ["Shift+N", "extend the selection by the next sentence"],
  ["c", "make a claim from the selection"],
  ["] / [", "go to the next / previous highlight"],
  ["} / {", "open the next / previous suggested claim"],
  ["a / x", "accept / reject the open suggestion"],
  ["Enter", "open the highlighted claim or suggestion"],
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
  const suggestions = useSuggestions(source, claims);
  const acceptMany = useAcceptSuggestions(source.id, source.publishedOn);
  const [groupReport, setGroupReport] = useState("");

  const anchored = useMemo(() => claims.filter((c) => c.anchor?.state === "anchored"), [claims]);
  const orphans = useMemo(() => claims.filter((c) => c.anchor?.state === "orphan"), [claims]);
  const titles = useMemo(() => new Map(anchored.map((c) => [c.id, `${c.speaker.name}: ${c.text}`])), [anchored]);
  const spans = useMemo<TextSpan[]>(() => {
    const out: TextSpan[] = anchored.map((c) => ({ id: c.id, start: c.anchor!.start, end: c.anchor!.end, kind: "claim" }));
    if (!suggestions.hidden) for (const s of suggestions.items) out.push({ id: s.id, start: s.content.start, end: s.content.end, kind: "suggestion" });
    if (selection) out.push({ id: SELECTION_ID, start: selection.start, end: selection.end, kind: "selection" });
    return out;
  }, [anchored, selection, suggestions.items, suggestions.hidden]);

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
      const mark = (e.target as HTMLElement).closest("mark");
      const ids = mark?.getAttribute("data-claim-ids");
      if (ids) {
        const id = Number(ids.split(" ").pop());
        setActiveId(id);
        setPanel({ kind: "claim", id });
        return;
      }
      const suggested = mark?.getAttribute("data-suggestion-ids");
      const s = suggested ? suggestions.byId(Number(suggested.split(" ").pop())) : undefined;
      if (!s) return;
      setActiveId(s.id);
      setSelection(null);
      setPanel({ kind: "suggestion", key: s.key });
    },
    [suggestions],
  );

  // Keep the active highlight, or the keyboard selection, in view.
  useEffect(() => {
    if (activeId === null) return;
    const attribute = isSuggestionId(activeId) ? "data-suggestion-ids" : "data-claim-ids";
    textRef.current?.querySelector(`mark[${attribute}~="${activeId}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
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

  /** Opens the next or previous suggestion, most confident first (from the active highlight, if any). */
  function moveSuggestion(step: 1 | -1) {
    const list = suggestions.hidden ? [] : suggestions.items;
    if (list.length === 0) return;
    const at = activeId !== null && isSuggestionId(activeId) ? list.findIndex((s) => s.id === activeId) : -1;
    const next = list[at < 0 ? (step === 1 ? 0 : list.length - 1) : (at + step + list.length) % list.length]!;
    setActiveId(next.id);
    setSelection(null);
    setPanel({ kind: "suggestion", key: next.key });
    setStatus(`Suggestion ${list.indexOf(next) + 1} of ${list.length}: ${next.speaker?.name ?? "no speaker"}: ${next.content.text}`);
  }

  function openSuggestionOf(s: ShownSuggestion) {
    setActiveId(s.id);
    setSelection(null);
    setPanel({ kind: "suggestion", key: s.key });
  }

  function acceptGroup(items: ShownSuggestion[]) {
    setGroupReport("");
    acceptMany.mutate(items, {
      onSuccess: ({ created, skipped }) =>
        setGroupReport(`Saved ${created.length} claim${created.length === 1 ? "" : "s"} as drafts${skipped ? `; ${skipped} without a speaker left open` : ""}.`),
    });
  }

  function rejectGroup(items: ShownSuggestion[]) {
    setGroupReport("");
    suggestions.rejectMany.mutate(items, {
      onSuccess: (done) => setGroupReport(`Rejected ${done.length} suggestion${done.length === 1 ? "" : "s"}.`),
    });
  }

  function rejectSuggestion(key: string) {
    const s = suggestions.byKey(key);
    if (!s) return;
    suggestions.reject.mutate(s, {
      onSuccess: () => {
        setActiveId(null);
        setPanel({ kind: "idle" });
        setStatus(`Rejected: ${s.content.text.slice(0, 80)}`);
        textRef.current?.focus();
      },
    });
  }

  function moveSentence(step: 1 | -1, extend: boolean) {
    if (sentences.length === 0) return;
    const i = Math.min(Math.max(sentence + step, 0), sentences.length - 1);
    setSentence(i);
    const s = sentences[i]!;
    if (extend && selection) select(Math.min(selection.start, s.start), Math.max(selection.end, s.end), false);
    else select(s.start, s.end, false);
  }

  // The suggestion the panel is about; gone once it is rejected or made into a claim.
  const openSuggestion = panel.kind === "suggestion" ? suggestions.byKey(panel.key) : undefined;

  function onSaved(claim: ClaimDetailDTO) {
    setSelection(null);
    window.getSelection()?.removeAllRanges();
    setActiveId(claim.id);
    setPanel({ kind: "claim", id: claim.id });
    setStatus(`Saved: ${claim.text}`);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key;
    if (key === "n" || key === "N") moveSentence(1, e.shiftKey);
    else if (key === "p" || key === "P") moveSentence(-1, e.shiftKey);
    else if (key === "]") moveHighlight(1);
    else if (key === "[") moveHighlight(-1);
    else if (key === "}") moveSuggestion(1);
    else if (key === "{") moveSuggestion(-1);
    else if (key === "a" && openSuggestion) setPanel({ kind: "accept", suggestion: openSuggestion });
    else if (key === "x" && panel.kind === "suggestion") rejectSuggestion(panel.key);
    else if (key === "c" && selection) setPanel({ kind: "create", span: selection });
    else if (key === "Enter" && activeId !== null && isSuggestionId(activeId)) {
      const s = suggestions.byId(activeId);
      if (s) setPanel({ kind: "suggestion", key: s.key });
    } else if (key === "Enter" && activeId !== null) setPanel({ kind: "claim", id: activeId });
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
        <SuggestionBar suggestions={suggestions} />
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
              onSaved={onSaved}
              onCancel={() => {
                setSelection(null);
                setPanel({ kind: "idle" });
                textRef.current?.focus();
              }}
            />
          ) : panel.kind === "claim" ? (
            <ClaimPanel claimId={panel.id} onClose={() => setPanel({ kind: "idle" })} />
          ) : panel.kind === "accept" ? (
            <ClaimForm
              key={`suggestion-${panel.suggestion.key}`}
              sourceId={source.id}
              span={{ start: panel.suggestion.content.start, end: panel.suggestion.content.end, exact: panel.suggestion.content.text }}
              defaultDate={source.publishedOn}
              prefill={{ text: panel.suggestion.statement, speaker: speakerChoiceOf(panel.suggestion) }}
              onSaved={onSaved}
              onCancel={() => {
                setPanel({ kind: "suggestion", key: panel.suggestion.key });
                textRef.current?.focus();
              }}
            />
          ) : openSuggestion ? (
            <SuggestionPanel
              key={openSuggestion.key}
              suggestion={openSuggestion}
              position={`${suggestions.items.indexOf(openSuggestion) + 1} of ${suggestions.items.length}`}
              onAccept={() => setPanel({ kind: "accept", suggestion: openSuggestion })}
              onReject={() => rejectSuggestion(openSuggestion.key)}
              rejecting={suggestions.reject.isPending}
              rejectError={suggestions.reject.error}
              onClose={() => {
                setActiveId(null);
                setPanel({ kind: "idle" });
              }}
            />
          ) : (
            <div className="space-y-2 text-sm">
              <h2 className="font-serif text-xl font-bold">Mark a claim</h2>
              <p>Select a passage of the text to record it as a claim, or click a highlight to open its claim.</p>
              <p className="text-muted">
                {anchored.length} claim{anchored.length === 1 ? "" : "s"} marked in this text.
              </p>
              {suggestions.items.length > 0 && !suggestions.hidden ? (
                <p className="text-muted">Suggested claims are dashed: click one (or press {"}"}, most confident first) to accept or reject it, or a whole group below.</p>
              ) : null}
            </div>
          )}
        </div>
        {(suggestions.items.length > 0 && !suggestions.hidden) || groupReport || acceptMany.error || suggestions.rejectMany.error ? (
          <div className="rounded-md border border-rule bg-white p-4">
            <SuggestionGroups
              groups={suggestions.hidden ? [] : suggestions.groups}
              onOpen={openSuggestionOf}
              onAccept={acceptGroup}
              onReject={rejectGroup}
              busy={acceptMany.isPending || suggestions.rejectMany.isPending}
              error={acceptMany.error ?? suggestions.rejectMany.error}
              report={groupReport}
            />
          </div>
        ) : null}
        {orphans.length > 0 ? <Orphans orphans={orphans} selection={selection} /> : null}
      </aside>
    </div>
  );
}
