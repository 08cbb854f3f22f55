"use client";

import { useState } from "react";
import { SaveError } from "@/components/field-errors";
import { useCreateClaim } from "@/components/hooks/mutations";
import { type SpeakerChoice, SpeakerPicker, speakerFields } from "@/components/pickers/speaker-picker";
import { type StoryChoice, StoryPicker, storyFields } from "@/components/pickers/story-picker";
import { SimilarClaims } from "@/components/search/similar-claims";
import type { ClaimDetailDTO } from "@/lib/dto";

export interface Prefill {
  text?: string;
  speaker?: SpeakerChoice | null;
  story?: StoryChoice | null;
}

/**
 * The claim panel for a new span: the quote as selected, the normalised claim (prefilled with
 * the quote), speaker, stated date (the source's date by default) and story. Ctrl/⌘+Enter saves.
 */
export function ClaimForm({
  sourceId,
  span,
  defaultDate,
  prefill,
  onSaved,
  onCancel,
}: {
  sourceId: number;
  span: { start: number; end: number; exact: string };
  defaultDate: string | null;
  prefill?: Prefill;
  onSaved: (claim: ClaimDetailDTO) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(prefill?.text ?? span.exact);
  const [speaker, setSpeaker] = useState<SpeakerChoice | null>(prefill?.speaker ?? null);
  const [story, setStory] = useState<StoryChoice | null>(prefill?.story ?? null);
  const [statedOn, setStatedOn] = useState(defaultDate ?? "");
  const [missingSpeaker, setMissingSpeaker] = useState(false);
  const create = useCreateClaim();

  /** Saves the claim; with `sameAsClaimId`, as a repetition of that existing claim. */
  function save(sameAsClaimId?: number) {
    if (!speaker) {
      setMissingSpeaker(true);
      return;
    }
    create.mutate(
      { text, sourceId, anchor: span, statedOn: statedOn || null, ...speakerFields(speaker), ...storyFields(story), ...(sameAsClaimId ? { sameAsClaimId } : {}) },
      { onSuccess: (claim) => onSaved(claim) },
    );
  }

  return (
    <form
      aria-label="New claim"
      data-claim-form=""
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        } else if (e.key === "Escape") onCancel();
      }}
      className="space-y-3"
    >
      <h2 className="font-serif text-xl font-bold">New claim</h2>
      <figure>
        <figcaption className="text-xs font-bold uppercase tracking-wider text-muted">Quote</figcaption>
        <blockquote className="mt-1 border-l-2 border-rule pl-3 font-serif" data-testid="form-quote">
          {span.exact}
        </blockquote>
      </figure>
      <label className="block text-sm font-medium">
        Claim, in normalised words
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} required className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5" />
      </label>
      <SimilarClaims text={text} onRepeat={(id) => save(id)} pending={create.isPending} />
      <SpeakerPicker
        value={speaker}
        onChange={(choice) => {
          setSpeaker(choice);
          setMissingSpeaker(false);
        }}
      />
      {missingSpeaker ? (
        <p role="alert" className="text-sm text-red-800">
          Choose who made this claim.
        </p>
      ) : null}
      <label className="block text-sm font-medium">
        Stated on
        <input type="date" value={statedOn} onChange={(e) => setStatedOn(e.target.value)} className="mt-1 block rounded border border-rule bg-white px-2 py-1.5" />
      </label>
      <StoryPicker value={story} onChange={setStory} />
      <SaveError error={create.error} />
      <div className="flex gap-2 pt-1">
        <button type="submit" disabled={create.isPending} className="rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60">
          {create.isPending ? "Saving…" : "Save claim"}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-ink px-4 py-2 font-semibold">
          Cancel
        </button>
      </div>
      <p className="text-xs text-muted">Ctrl+Enter saves · Esc cancels</p>
    </form>
  );
}
