"use client";

import { useState } from "react";
import { ConflictNotice } from "./conflict-notice";
import { SaveError } from "./field-errors";
import { useUpdateClaim } from "./hooks/mutations";
import { type SpeakerChoice, SpeakerPicker } from "./pickers/speaker-picker";
import { type StoryChoice, StoryPicker } from "./pickers/story-picker";
import { ApiError } from "@/lib/api-client";
import type { ClaimDetailDTO } from "@/lib/dto";

interface Draft {
  text: string;
  statedOn: string;
  speaker: SpeakerChoice | null;
  story: StoryChoice | null;
}

const draftOf = (c: ClaimDetailDTO): Draft => ({
  text: c.text,
  statedOn: c.statedOn ?? "",
  speaker: { kind: "existing", id: c.speaker.id, name: c.speaker.name },
  story: c.story ? { kind: "existing", id: c.story.id, title: c.story.title } : null,
});

/** Flat values for the conflict table. */
const flat = (d: Draft, version?: number) => ({ text: d.text, statedOn: d.statedOn, speaker: d.speaker?.name ?? "", story: d.story?.title ?? "", version });

/**
 * Edits a claim's wording, speaker, stated date and story. The save names the version the
 * edit started from; if someone saved in between, the conflict is shown field by field and the
 * user re-applies or discards — never a silent overwrite.
 */
export function ClaimEditor({ claim, onDone }: { claim: ClaimDetailDTO; onDone: () => void }) {
  const [base, setBase] = useState(claim);
  const [draft, setDraft] = useState<Draft>(() => draftOf(claim));
  const update = useUpdateClaim(claim.id);
  const conflict = update.error instanceof ApiError && update.error.status === 409 ? (update.error.current as ClaimDetailDTO | undefined) : undefined;

  function save(version: number) {
    if (!draft.speaker || draft.speaker.kind !== "existing") return;
    update.mutate(
      {
        text: draft.text,
        statedOn: draft.statedOn || null,
        speakerId: draft.speaker.id,
        storyId: draft.story?.kind === "existing" ? draft.story.id : null,
        version,
      },
      { onSuccess: () => onDone() },
    );
  }

  return (
    <form
      aria-label="Edit claim"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        save(base.version);
      }}
    >
      <label className="block text-sm font-medium">
        Claim
        <textarea value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} rows={3} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5" />
      </label>
      <SpeakerPicker value={draft.speaker} allowNew={false} onChange={(speaker) => setDraft({ ...draft, speaker })} />
      <label className="block text-sm font-medium">
        Stated on
        <input type="date" value={draft.statedOn} onChange={(e) => setDraft({ ...draft, statedOn: e.target.value })} className="mt-1 block rounded border border-rule bg-white px-2 py-1.5" />
      </label>
      <StoryPicker value={draft.story?.kind === "existing" ? draft.story : null} onChange={(story) => setDraft({ ...draft, story })} />
      {conflict ? (
        <ConflictNotice
          what="claim"
          fields={[
            { key: "text", label: "Claim" },
            { key: "speaker", label: "Speaker" },
            { key: "statedOn", label: "Stated on" },
            { key: "story", label: "Story" },
          ]}
          base={flat(draftOf(base), base.version)}
          mine={flat(draft)}
          current={flat(draftOf(conflict), conflict.version)}
          onReapply={() => {
            setBase(conflict);
            save(conflict.version);
          }}
          onDiscard={() => {
            setBase(conflict);
            setDraft(draftOf(conflict));
            update.reset();
          }}
        />
      ) : (
        <SaveError error={update.error} />
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={update.isPending || !draft.speaker} className="rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60">
          {update.isPending ? "Saving…" : "Save changes"}
        </button>
        <button type="button" onClick={onDone} className="rounded border border-ink px-4 py-2 font-semibold">
          Cancel
        </button>
      </div>
    </form>
  );
}
