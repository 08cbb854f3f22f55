"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useAcceptSuggestions } from "@/components/hooks/mutations";
import { CodePointIndex } from "@/lib/codepoints";
import type { ClaimDetailDTO, ClaimDTO, SourceDTO } from "@/lib/dto";
import { sourceClaimsQuery } from "@/lib/queries";
import { sentenceRanges } from "@/lib/sentences";
import { AnnotatedText, SELECTION_ID, type TextSpan } from "./annotated-text";
import { ClaimForm } from "./claim-form";
import { ClaimPanel } from "./claim-panel";
import { offsetOf, selectionOffsets } from "./dom-offsets";
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
  ["Tap (touch screens)", "select the sentence; tap another sentence to extend to it"],
  ["n / p", "select the next / previous sentence, from where you are (the selection, the open claim or where you clicked)"],
  ["Shift+N", "extend the selection by the next sentence"],
  ["c", "make a claim from the selection"],
  ["] / [", "go to the next / previous highlight"],
  ["} / {", "open the next / previous suggested claim"],
  ["a / x", "accept / reject the open suggestion"],
  ["Enter", "open the highlighted claim or suggestion"],
  ["Ctrl+Enter", "save the claim form (accept)"],
  ["Esc", "clear the selection or close the panel"],
  ["?", "show or hide this list"],
];

/** The code-point offset of the text under a click or tap (the caret the browser would put there). */
function pointOffset(container: HTMLElement | null, x: number, y: number, target: HTMLElement): number | null {
  if (!container) return null;
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const caret = doc.caretPositionFromPoint?.(x, y);
  if (caret) {
    const at = offsetOf(container, caret.offsetNode, caret.offset);
    if (at !== null) return at;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  if (range) {
    const at = offsetOf(container, range.startContainer, range.startOffset);
    if (at !== null) return at;
  }
  const segment = target.closest<HTMLElement>("[data-cp]");
  return segment && container.contains(segment) ? Number(segment.dataset.cp) : null;
}

/** Keys typed into these belong to them, not to the annotator. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el?.closest?.("input, textarea, select, [contenteditable=''], [contenteditable=true]"));
}

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
  const [help, setHelp] = useState(false);
  const helpRef = useRef<HTMLDialogElement>(null);
  /** Where the reader last clicked or tapped in the text (code points): `n` continues from there. */
  const lastPoint = useRef<number | null>(null);
  const pointerType = useRef<string>("mouse");
  /**
   * The selection as of the last key: keys can come faster than React renders (n n c), and each
   * must continue from the one before.
   */
  const selectionNow = useRef<Span | null>(null);
  const [listening, setListening] = useState(false);
  const clearSelection = useCallback(() => {
    selectionNow.current = null;
    setSelection(null);
  }, []);
  const [status, setStatus] = useState("");
  const suggestions = useSuggestions(source, claims);
  const acceptMany = useAcceptSuggestions(source.id);
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
      lastPoint.current = null;
      selectionNow.current = span;
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

  /** The sentence holding a code-point offset. */
  const sentenceAt = useCallback((offset: number) => sentences.find((s) => s.end > offset) ?? sentences[sentences.length - 1], [sentences]);

  // A long-press selection on a touch screen ends without a pointerup in the text: follow the
  // selection itself once it settles.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      if (pointerType.current !== "touch") return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const container = textRef.current;
        const offsets = container ? selectionOffsets(container, index) : null;
        if (offsets) select(offsets.start, offsets.end);
      }, 350);
    };
    document.addEventListener("selectionchange", onChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("selectionchange", onChange);
    };
  }, [index, select]);

  const onClick = useCallback(
    (e: React.MouseEvent) => {
      if (window.getSelection()?.isCollapsed === false) return;
      const point = pointOffset(textRef.current, e.clientX, e.clientY, e.target as HTMLElement);
      const mark = (e.target as HTMLElement).closest("mark");
      const ids = mark?.getAttribute("data-claim-ids");
      lastPoint.current = ids ? null : point;
      if (ids) {
        const id = Number(ids.split(" ").pop());
        setActiveId(id);
        setPanel({ kind: "claim", id });
        return;
      }
      const suggested = mark?.getAttribute("data-suggestion-ids");
      const s = suggested ? suggestions.byId(Number(suggested.split(" ").pop())) : undefined;
      if (s) {
        setActiveId(s.id);
        clearSelection();
        setPanel({ kind: "suggestion", key: s.key });
        return;
      }
      // A tap on a touch screen selects its sentence; a tap on another sentence extends to it.
      if (pointerType.current === "touch" && point !== null) {
        const tapped = sentenceAt(point);
        if (!tapped) return;
        if (selection && panel.kind === "create") select(Math.min(selection.start, tapped.start), Math.max(selection.end, tapped.end));
        else select(tapped.start, tapped.end);
      }
    },
    [suggestions, sentenceAt, selection, panel.kind, select, clearSelection],
  );

  // Keep the active highlight, or the keyboard selection, in view.
  useEffect(() => {
    if (activeId === null) return;
    const attribute = isSuggestionId(activeId) ? "data-suggestion-ids" : "data-claim-ids";
    const phone = window.matchMedia("(max-width: 1023px)").matches;
    textRef.current?.querySelector(`mark[${attribute}~="${activeId}"]`)?.scrollIntoView({ block: phone ? "start" : "center", behavior: "smooth" });
  }, [activeId]);
  useEffect(() => {
    if (!selection) return;
    // On a phone the claim form is a sheet over the lower half: keep the selection above it.
    const phone = window.matchMedia("(max-width: 1023px)").matches;
    textRef.current?.querySelector("mark.pending")?.scrollIntoView({ block: phone ? "start" : "nearest" });
  }, [selection]);

  function moveHighlight(step: 1 | -1) {
    if (anchored.length === 0) return;
    const i = anchored.findIndex((c) => c.id === activeId);
    const next = anchored[(i + step + anchored.length) % anchored.length]!;
    lastPoint.current = null;
    setActiveId(next.id);
    clearSelection();
    setStatus(`Claim ${anchored.indexOf(next) + 1} of ${anchored.length}: ${next.speaker.name}: ${next.text}`);
  }

  /** Opens the next or previous suggestion, most confident first (from the active highlight, if any). */
  function moveSuggestion(step: 1 | -1) {
    const list = suggestions.hidden ? [] : suggestions.items;
    if (list.length === 0) return;
    const at = activeId !== null && isSuggestionId(activeId) ? list.findIndex((s) => s.id === activeId) : -1;
    const next = list[at < 0 ? (step === 1 ? 0 : list.length - 1) : (at + step + list.length) % list.length]!;
    setActiveId(next.id);
    clearSelection();
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

  /**
   * Where the keyboard continues from: the selection; else the open claim; else where the text
   * was last clicked; else the first paragraph in view.
   */
  function position(): { start: number; end: number } | null {
    const selection = selectionNow.current;
    if (selection) return selection;
    const claim = activeId !== null && !isSuggestionId(activeId) ? anchored.find((c) => c.id === activeId) : undefined;
    if (claim?.anchor) return { start: claim.anchor.start, end: claim.anchor.end };
    const suggestion = activeId !== null && isSuggestionId(activeId) ? suggestions.byId(activeId) : undefined;
    if (suggestion) return { start: suggestion.content.start, end: suggestion.content.end };
    const paragraphs = textRef.current ? [...textRef.current.querySelectorAll<HTMLElement>(":scope > p[data-cp]")] : [];
    const inView = paragraphs.find((p) => p.getBoundingClientRect().bottom > 0);
    if (inView && inView !== paragraphs[0]) lastPoint.current = Number(inView.dataset.cp);
    return null;
  }

  function moveSentence(step: 1 | -1, extend: boolean) {
    if (sentences.length === 0) return;
    const at = lastPoint.current === null ? position() : null;
    let s: (typeof sentences)[number] | undefined;
    if (lastPoint.current !== null) s = sentenceAt(lastPoint.current);
    else if (at) s = step === 1 ? sentences.find((x) => x.start >= at.end) : sentences.findLast((x) => x.end <= at.start);
    else s = step === 1 ? sentences[0] : sentences[sentences.length - 1];
    if (!s) s = step === 1 ? sentences[sentences.length - 1]! : sentences[0]!;
    lastPoint.current = null;
    const selection = selectionNow.current;
    if (extend && selection) select(Math.min(selection.start, s.start), Math.max(selection.end, s.end), false);
    else select(s.start, s.end, false);
  }

  /** Extends the selection by one sentence (the touch screen's button; Shift+N on a keyboard). */
  function extendSelection() {
    if (!selection) return;
    const next = sentences.find((x) => x.start >= selection.end);
    if (next) select(selection.start, next.end);
  }

  // The suggestion the panel is about; gone once it is rejected or made into a claim.
  const openSuggestion = panel.kind === "suggestion" ? suggestions.byKey(panel.key) : undefined;

  function onSaved(claim: ClaimDetailDTO) {
    clearSelection();
    window.getSelection()?.removeAllRanges();
    setActiveId(claim.id);
    setPanel({ kind: "claim", id: claim.id });
    setStatus(`Saved: ${claim.text}`);
  }

  function onKeyDown(e: KeyboardEvent) {
    // Ctrl/⌘+Enter saves the open claim form wherever the focus is (even after the picker closed).
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      const form = document.querySelector<HTMLFormElement>("form[data-claim-form]");
      if (form && !form.contains(e.target as Node)) {
        e.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    if (isTyping(e.target) || help) return;
    const key = e.key;
    // Enter and Space on a button or link are theirs.
    if ((key === "Enter" || key === " ") && (e.target as HTMLElement).closest?.("button, a, summary")) return;
    const selection = selectionNow.current;
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
      clearSelection();
      setPanel({ kind: "idle" });
    } else if (key === "?") setHelp(true);
    else return;
    e.preventDefault();
  }

  // The shortcuts work as soon as the page is open: the annotator listens on the document.
  const onDocumentKey = useEffectEvent(onKeyDown);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onDocumentKey(e);
    document.addEventListener("keydown", listener);
    // Marks the text as listening (browser tests wait for it instead of guessing).
    queueMicrotask(() => setListening(true));
    return () => document.removeEventListener("keydown", listener);
  }, []);
  useEffect(() => {
    const dialog = helpRef.current;
    if (!dialog) return;
    if (help && !dialog.open) dialog.showModal();
    else if (!help && dialog.open) dialog.close();
  }, [help]);

  const sheet = panel.kind !== "idle";

  return (
    <div className={`grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] ${panel.kind !== "idle" ? "max-lg:pb-[55vh]" : ""}`} data-keys={listening ? "ready" : undefined}>
      <div>
        <p className="sr-only" aria-live="polite">
          {status}
        </p>
        <SuggestionBar suggestions={suggestions} />
        <AnnotatedText
          ref={textRef}
          text={source.text}
          spans={spans}
          activeId={activeId}
          titles={titles}
          onPointerDown={(e) => {
            pointerType.current = e.pointerType;
          }}
          onPointerUp={onPointerUp}
          onClick={onClick}
        />
        <button type="button" className="mt-2 text-sm underline" onClick={() => setHelp(true)} aria-haspopup="dialog">
          Keyboard shortcuts
        </button>
        {typeof document === "undefined"
          ? null
          : createPortal(
              <dialog
                ref={helpRef}
                aria-labelledby="shortcuts-heading"
                onClose={() => setHelp(false)}
                onClick={(e) => {
                  if (e.target === e.currentTarget) setHelp(false);
                }}
                className="m-auto max-w-lg rounded-md border border-rule bg-white p-5 text-ink shadow-xl backdrop:bg-black/40"
              >
                <div className="mb-3 flex items-start justify-between gap-4">
                  <h2 id="shortcuts-heading" className="font-serif text-xl font-bold">
                    Keyboard shortcuts
                  </h2>
                  <button type="button" onClick={() => setHelp(false)} className="text-sm underline">
                    Close
                  </button>
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  {SHORTCUTS.map(([k, v]) => (
                    <div key={k} className="contents">
                      <dt className="font-mono font-semibold">{k}</dt>
                      <dd>{v}</dd>
                    </div>
                  ))}
                </dl>
              </dialog>,
              document.body,
            )}
      </div>
      <aside
        className={`space-y-6 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-auto ${
          sheet ? "max-lg:fixed max-lg:inset-x-0 max-lg:bottom-0 max-lg:z-30 max-lg:max-h-[50vh] max-lg:overflow-auto max-lg:rounded-t-xl max-lg:border-t-2 max-lg:border-ink max-lg:bg-paper max-lg:p-2 max-lg:shadow-[0_-8px_24px_rgba(0,0,0,0.2)]" : ""
        }`}
        aria-label="Claim panel"
        data-sheet={sheet ? "open" : undefined}
      >
        <div className="rounded-md border border-rule bg-white p-4">
          {panel.kind === "create" ? (
            <>
            <div className="mb-3 flex flex-wrap gap-2 text-sm">
              <button type="button" onClick={extendSelection} className="rounded border border-rule px-2 py-1">
                Extend by a sentence
              </button>
            </div>
            <ClaimForm
              key={`${panel.span.start}-${panel.span.end}`}
              sourceId={source.id}
              span={panel.span}
              defaultDate={source.publishedOn}
              onSaved={onSaved}
              onCancel={() => {
                clearSelection();
                setPanel({ kind: "idle" });
                textRef.current?.focus();
              }}
            />
            </>
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
