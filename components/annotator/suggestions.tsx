"use client";

import { useState } from "react";
import { SaveError } from "@/components/field-errors";
import type { ScoreParts } from "@/lib/suggest/types";
import type { SuggestionDTO } from "@/lib/dto";
import type { ShownSuggestion, Suggestions } from "./use-suggestions";

const KIND_LABELS: Record<string, string> = { person: "person", organisation: "organisation", government: "government body", other: "other" };

const SUGGESTION_KINDS: Record<SuggestionDTO["kind"], string> = {
  "direct-quote": "direct quote",
  indirect: "reported speech",
  "according-to": "“according to”",
  other: "other",
};

/** Each ingredient of the check-worthiness score, with its weight (lib/suggest/README.md). */
const SCORE_PARTS: [keyof ScoreParts, string, string][] = [
  ["quantities", "Figures", "+0.35 ×"],
  ["comparisons", "Comparisons", "+0.15 ×"],
  ["namedEntities", "Names", "+0.15 ×"],
  ["attribution", "Attribution", "+0.25 ×"],
  ["hedges", "Hedges", "−0.2 ×"],
];

const CONFIDENCE_LABELS: Record<SuggestionDTO["group"], string> = { high: "high", medium: "medium", low: "low" };

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Above the text: "Suggest claims", the reading progress (a long text is read chunk by chunk),
 * how many suggestions are open and how many were rejected, and a switch to hide them.
 */
export function SuggestionBar({ suggestions: s }: { suggestions: Suggestions }) {
  const count = s.items.length;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm" role="group" aria-label="Claim suggestions">
      <button type="button" onClick={s.request} disabled={s.progress !== null} className="rounded border border-ink px-3 py-1.5 font-semibold disabled:opacity-60">
        {s.requested ? "Suggest again" : "Suggest claims"}
      </button>
      {s.progress !== null ? (
        <label className="flex items-center gap-2" aria-live="polite">
          <span>Reading the text… {percent(s.progress)}</span>
          <progress value={Math.round(s.progress * 100)} max={100} className="w-32" aria-label="Reading the text" />
        </label>
      ) : s.requested && !s.error ? (
        <>
          <span data-testid="suggestion-count" aria-live="polite">
            {count} suggestion{count === 1 ? "" : "s"} · {s.rejected} rejected
          </span>
          {count > 0 ? (
            <button type="button" className="underline" aria-pressed={s.hidden} onClick={() => s.setHidden(!s.hidden)}>
              {s.hidden ? "Show suggestions" : "Hide suggestions"}
            </button>
          ) : null}
        </>
      ) : null}
      {s.error ? <SaveError error={s.error} /> : null}
    </div>
  );
}

/** A suggestion opened from its dashed highlight: what it says, who said it, why it scores, and accept or reject. */
export function SuggestionPanel({
  suggestion: s,
  position,
  onAccept,
  onReject,
  rejecting,
  rejectError,
  onClose,
}: {
  suggestion: SuggestionDTO;
  position: string;
  onAccept: () => void;
  onReject: () => void;
  rejecting: boolean;
  rejectError: unknown;
  onClose: () => void;
}) {
  return (
    <section aria-label="Suggested claim" className="space-y-3 text-sm">
      <div className="flex items-start justify-between gap-2">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">
          Suggested claim <span className="font-normal normal-case tracking-normal">· {position}</span>
        </p>
        <button type="button" onClick={onClose} className="underline" aria-label="Close the suggestion">
          Close
        </button>
      </div>
      <blockquote className="border-l-2 border-dashed border-slate-500 pl-3 font-serif text-base" data-testid="suggestion-content">
        {s.content.text}
      </blockquote>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-semibold">Speaker</dt>
        <dd data-testid="suggestion-speaker">
          {!s.speaker ? (
            <span className="text-muted">none found</span>
          ) : s.speaker.speakerId !== null ? (
            <>
              {s.speaker.speakerName ?? s.speaker.name} <span className="text-muted">(existing speaker)</span>
            </>
          ) : (
            <>
              new: {s.speaker.name} ({KIND_LABELS[s.speaker.kind] ?? s.speaker.kind})
            </>
          )}
          {s.source && s.source.text !== (s.speaker?.speakerName ?? s.speaker?.name) ? <span className="block text-xs text-muted">from “{s.source.text}”</span> : null}
        </dd>
        <dt className="font-semibold">Confidence</dt>
        <dd data-testid="suggestion-confidence">
          {CONFIDENCE_LABELS[s.group]} <span className="text-muted">({percent(s.confidence)})</span>
        </dd>
        <dt className="font-semibold">Claim</dt>
        <dd data-testid="suggestion-statement">{s.statement}</dd>
        <dt className="font-semibold">Cue</dt>
        <dd>{s.cue ? `“${s.cue.text}”` : <span className="text-muted">none</span>} <span className="text-muted">· {SUGGESTION_KINDS[s.kind]}</span></dd>
        <dt className="font-semibold">Figures</dt>
        <dd>
          {s.quantities.length === 0 ? (
            <span className="text-muted">none</span>
          ) : (
            <ul>
              {s.quantities.map((q) => (
                <li key={q.start}>
                  {q.text}
                  {q.value !== null ? <span className="text-muted"> = {q.value.toLocaleString("en")}{q.unit ? ` ${q.unit}` : ""}</span> : null}
                  {q.comparator ? <span className="text-muted"> ({q.comparator})</span> : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <details>
        <summary className="cursor-pointer">
          Check-worthiness <strong data-testid="suggestion-score">{percent(s.score)}</strong>
        </summary>
        <table className="mt-1 w-full text-xs">
          <tbody>
            {SCORE_PARTS.map(([key, label, weight]) => (
              <tr key={key}>
                <th scope="row" className="py-0.5 pr-2 text-left font-medium">
                  {label}
                </th>
                <td className="text-muted">{weight}</td>
                <td className="text-right tabular-nums">{s.scoreParts[key].toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-xs text-muted">From 0.1 plus the weighted ingredients; halved for a claim under four words.</p>
      </details>
      <div className="flex gap-2 pt-1">
        <button type="button" onClick={onAccept} className="rounded bg-ink px-4 py-2 font-semibold text-white">
          Accept
        </button>
        <button type="button" onClick={onReject} disabled={rejecting} className="rounded border border-ink px-4 py-2 font-semibold disabled:opacity-60">
          {rejecting ? "Rejecting…" : "Reject"}
        </button>
      </div>
      <SaveError error={rejectError} />
      <p className="text-xs text-muted">a accepts · x rejects · {"{"} / {"}"} previous / next suggestion</p>
    </section>
  );
}

type Group = Suggestions["groups"][number];

/**
 * The open suggestions in their confidence groups, most confident first: each opens from the
 * list, and a whole group can be accepted (a claim each, with its normalised statement and
 * speaker) or rejected, after a confirmation that says what will happen.
 */
export function SuggestionGroups({
  groups,
  onOpen,
  onAccept,
  onReject,
  busy,
  error,
  report,
}: {
  groups: Group[];
  onOpen: (s: ShownSuggestion) => void;
  onAccept: (items: ShownSuggestion[]) => void;
  onReject: (items: ShownSuggestion[]) => void;
  busy: boolean;
  error: unknown;
  report: string;
}) {
  const [confirming, setConfirming] = useState<{ group: string; action: "accept" | "reject" } | null>(null);
  return (
    <div className="space-y-4" data-testid="suggestion-groups">
      <h2 className="font-serif text-xl font-bold">Suggested claims</h2>
      {report ? (
        <p role="status" className="text-sm">
          {report}
        </p>
      ) : null}
      <SaveError error={error} />
      {groups.map((g) => {
        const withSpeaker = g.items.filter((s) => s.speaker).length;
        const asking = confirming?.group === g.group ? confirming.action : null;
        return (
          <section key={g.group} aria-label={`${g.label} suggestions`} className="space-y-2 border-t border-rule pt-3">
            <h3 className="text-sm font-bold">
              {g.label} <span className="font-normal text-muted">· {g.items.length}</span>
            </h3>
            {asking ? (
              <div className="space-y-2 rounded border border-ink p-2 text-sm" role="group" aria-label="Confirm">
                <p>
                  {asking === "accept"
                    ? `Save ${withSpeaker} claim${withSpeaker === 1 ? "" : "s"} as drafts, each with its proposed claim text and speaker?${withSpeaker < g.items.length ? ` ${g.items.length - withSpeaker} without a speaker stay open.` : ""}`
                    : `Reject ${g.items.length} suggestion${g.items.length === 1 ? "" : "s"} for good?`}
                </p>
                <div className="flex gap-2">
                  <button
                    type="button"
                    disabled={busy}
                    className="rounded bg-ink px-3 py-1.5 font-semibold text-white disabled:opacity-60"
                    onClick={() => {
                      setConfirming(null);
                      if (asking === "accept") onAccept(g.items);
                      else onReject(g.items);
                    }}
                  >
                    {asking === "accept" ? `Save ${withSpeaker}` : `Reject ${g.items.length}`}
                  </button>
                  <button type="button" className="underline" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </div>
              </div>
            ) : (
              <div className="flex gap-2 text-sm">
                <button type="button" disabled={busy || withSpeaker === 0} className="rounded border border-ink px-3 py-1 font-semibold disabled:opacity-60" onClick={() => setConfirming({ group: g.group, action: "accept" })}>
                  Accept all
                </button>
                <button type="button" disabled={busy} className="rounded border border-ink px-3 py-1 font-semibold disabled:opacity-60" onClick={() => setConfirming({ group: g.group, action: "reject" })}>
                  Reject all
                </button>
              </div>
            )}
            <ol className="space-y-1 text-sm">
              {g.items.map((s) => (
                <li key={s.key}>
                  <button type="button" className="w-full rounded px-1 py-0.5 text-left hover:bg-slate-100" onClick={() => onOpen(s)} data-testid="suggestion-item">
                    <span className="font-semibold">{s.speaker ? (s.speaker.speakerName ?? s.speaker.name) : "No speaker"}:</span> {s.statement}
                  </button>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
