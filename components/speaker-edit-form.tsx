"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ConflictNotice } from "./conflict-notice";
import { SaveError } from "./field-errors";
import { useMergeSpeaker, useUpdateSpeaker } from "./hooks/mutations";
import { type SpeakerChoice, SpeakerPicker } from "./pickers/speaker-picker";
import { apiFields, Field, INPUT, PRIMARY } from "./form-bits";
import { ApiError, apiFetch } from "@/lib/api-client";
import type { SpeakerDetailDTO } from "@/lib/dto";
import { plural } from "@/lib/format";
import { SPEAKER_KINDS, type SpeakerKind } from "@/lib/model";
import { queryKeys } from "@/lib/queries";
import type { UpdateSpeakerBody } from "@/lib/schemas";

const KIND_LABELS: Record<SpeakerKind, string> = { person: "Person", organisation: "Organisation", government: "Government body", other: "Other" };

interface Draft {
  name: string;
  kind: SpeakerKind;
  description: string;
  /** One alias per line. */
  aliases: string;
  affiliation: { id: number; name: string } | null;
}

const aliasList = (text: string) => text.split("\n").map((a) => a.trim()).filter(Boolean);
const draftOf = (s: SpeakerDetailDTO): Draft => ({
  name: s.name,
  kind: s.kind,
  description: s.description ?? "",
  aliases: s.aliases.join("\n"),
  affiliation: s.affiliation ? { id: s.affiliation.id, name: s.affiliation.name } : null,
});
/** Comparable values of a draft (and the conflict table's cells). */
const flat = (d: Draft, version?: number) => ({ name: d.name, kind: d.kind, description: d.description, aliases: aliasList(d.aliases).join(", "), affiliation: d.affiliation?.name ?? "", version });
const KEYS = ["name", "kind", "description", "aliases", "affiliation"] as const;
const changed = (d: Draft, from: Draft) => KEYS.filter((k) => flat(d)[k] !== flat(from)[k]);

/** The request body for the changed fields only, so a save never reverts someone else's change. */
function patchOf(d: Draft, from: Draft): Omit<UpdateSpeakerBody, "version"> {
  const out: Omit<UpdateSpeakerBody, "version"> = {};
  for (const key of changed(d, from)) {
    if (key === "aliases") out.aliases = aliasList(d.aliases);
    else if (key === "affiliation") out.affiliationId = d.affiliation?.id ?? null;
    else if (key === "kind") out.kind = d.kind;
    else out[key] = d[key];
  }
  return out;
}

/**
 * Edits a speaker (name, kind, description, aliases, affiliation) with stale-version conflict
 * handling, and — for editors and admins — merges it into another speaker.
 */
export function SpeakerEditForm({ speaker, canMerge }: { speaker: SpeakerDetailDTO; canMerge: boolean }) {
  const [base, setBase] = useState(speaker);
  const [draft, setDraft] = useState<Draft>(() => draftOf(speaker));
  const [saved, setSaved] = useState(false);
  const update = useUpdateSpeaker(speaker.id);
  const current = update.error instanceof ApiError && update.error.status === 409 ? (update.error.current as SpeakerDetailDTO | undefined) : undefined;
  const errors = apiFields(update.error);
  const aliasError = Object.entries(errors).find(([k]) => k.startsWith("aliases"))?.[1];
  const dirty = changed(draft, draftOf(base)).length > 0;

  function save(next: Draft, from: SpeakerDetailDTO) {
    setSaved(false);
    update.mutate({ ...patchOf(next, draftOf(from)), version: from.version }, { onSuccess: (result) => (setBase(result), setDraft(draftOf(result)), setSaved(true)) });
  }

  return (
    <div className="space-y-10">
      <form aria-label="Edit speaker" noValidate className="space-y-4" onSubmit={(e) => (e.preventDefault(), save(draft, base))}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Name" error={errors.name}>
            {(a) => <input {...a} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} maxLength={200} className={INPUT} />}
          </Field>
          <Field label="Kind" error={errors.kind}>
            {(a) => (
              <select {...a} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as SpeakerKind })} className={INPUT}>
                {SPEAKER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Description" error={errors.description} className="sm:col-span-2">
            {(a) => <textarea {...a} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} rows={3} maxLength={1000} className={INPUT} />}
          </Field>
          <Field label="Aliases" error={aliasError} hint="One per line: other names, spellings or titles the speaker is found under.">
            {(a) => <textarea {...a} value={draft.aliases} onChange={(e) => setDraft({ ...draft, aliases: e.target.value })} rows={4} className={INPUT} />}
          </Field>
          <div>
            <SpeakerPicker
              label="Affiliated to (optional)"
              allowNew={false}
              value={draft.affiliation ? { kind: "existing", ...draft.affiliation } : null}
              onChange={(c) => {
                if (errors.affiliationId) update.reset(); // the refused choice is gone
                setDraft({ ...draft, affiliation: c?.kind === "existing" ? { id: c.id, name: c.name } : null });
              }}
            />
            <p className="mt-1 text-xs text-muted">“Change” clears it; leave it empty for no affiliation.</p>
            {errors.affiliationId ? (
              <p role="alert" className="mt-1 text-sm text-red-800">
                {errors.affiliationId}
              </p>
            ) : null}
          </div>
        </div>
        {current?.mergedIntoId ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            This speaker was merged into <Link href={`/speakers/${current.mergedIntoId}`}>another speaker</Link> and can no longer be edited.
          </p>
        ) : current ? (
          <ConflictNotice
            what="speaker"
            fields={[
              { key: "name", label: "Name" },
              { key: "kind", label: "Kind" },
              { key: "description", label: "Description" },
              { key: "aliases", label: "Aliases" },
              { key: "affiliation", label: "Affiliated to" },
            ]}
            base={flat(draftOf(base), base.version)}
            mine={flat(draft)}
            current={flat(draftOf(current), current.version)}
            onReapply={() => {
              const next = { ...draftOf(current) };
              for (const key of changed(draft, draftOf(base))) Object.assign(next, { [key]: draft[key] });
              setBase(current);
              setDraft(next);
              save(next, current);
            }}
            onDiscard={() => (setBase(current), setDraft(draftOf(current)), update.reset())}
          />
        ) : (
          <SaveError error={update.error} />
        )}
        {saved && !dirty ? (
          <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-950">
            Saved. <Link href={`/speakers/${speaker.id}`}>View the speaker’s page</Link>
          </p>
        ) : null}
        <button type="submit" disabled={update.isPending || !dirty} className={PRIMARY}>
          {update.isPending ? "Saving…" : "Save changes"}
        </button>
      </form>
      {canMerge ? <MergeSection speaker={base} /> : null}
    </div>
  );
}

/** Merging into another speaker (editors and admins): pick, read what will happen, confirm. */
function MergeSection({ speaker }: { speaker: SpeakerDetailDTO }) {
  const router = useRouter();
  const [target, setTarget] = useState<SpeakerChoice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const targetId = target?.kind === "existing" && target.id !== speaker.id ? target.id : null;
  const detail = useQuery({
    queryKey: [...queryKeys.speakers, "detail", targetId],
    queryFn: () => apiFetch<SpeakerDetailDTO>(`/api/speakers/${targetId}`),
    enabled: targetId !== null,
  });
  const merge = useMergeSpeaker(speaker.id);
  const into = detail.data;
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const choose = (choice: SpeakerChoice | null) => (setTarget(choice), setConfirming(false), merge.reset());
  return (
    <section aria-labelledby="merge-heading" className="space-y-3 rounded-lg border border-dashed border-muted bg-white p-5">
      <h2 id="merge-heading" className="font-serif text-xl font-bold">
        Merge into another speaker
      </h2>
      <p className="text-sm text-muted">For duplicates: the same person or body entered twice. Merging cannot be undone.</p>
      <SpeakerPicker label="Merge into" allowNew={false} exclude={[speaker.id]} value={target} onChange={choose} />
      {target?.kind === "existing" && target.id === speaker.id ? (
        <p role="alert" className="text-sm text-red-800">
          Pick another speaker: a speaker cannot be merged into itself.
        </p>
      ) : null}
      {detail.isError ? <SaveError error={detail.error} /> : null}
      {into ? (
        <div className="space-y-3 text-sm">
          <ul className="list-disc space-y-1 pl-5" aria-label="What will happen">
            <li>
              {plural(speaker.claimCount, "claim")} {speaker.claimCount === 1 ? "moves" : "move"} to <Link href={`/speakers/${into.id}`}>{into.name}</Link> (who has {plural(into.claimCount, "claim")}).
            </li>
            <li>
              “{speaker.name}”{speaker.aliases.length > 0 ? ` and its aliases (${speaker.aliases.join(", ")})` : ""} {speaker.aliases.length > 0 ? "become aliases" : "becomes an alias"} of {into.name}.
            </li>
            {speaker.affiliates.length > 0 ? <li>{plural(speaker.affiliates.length, "affiliated speaker")} will be affiliated to {into.name} instead.</li> : null}
            <li>This speaker’s page will point to {into.name}.</li>
          </ul>
          {confirming ? (
            <div role="group" aria-labelledby="merge-confirm" className="space-y-2 rounded border-2 border-amber-500 bg-amber-50 p-3">
              <p id="merge-confirm" className="font-medium">
                Merge “{speaker.name}” into “{into.name}”? This cannot be undone.
              </p>
              <div className="flex flex-wrap gap-2">
                <button
                  ref={confirmRef}
                  type="button"
                  disabled={merge.isPending || merge.isSuccess}
                  onClick={() => merge.mutate({ targetId: into.id, version: speaker.version, targetVersion: into.version }, { onSuccess: (s) => router.push(`/speakers/${s.id}`) })}
                  className={PRIMARY}
                >
                  {merge.isPending || merge.isSuccess ? "Merging…" : "Yes, merge"}
                </button>
                <button type="button" onClick={() => setConfirming(false)} className="rounded border border-ink px-4 py-2 font-semibold">
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} className="rounded border border-ink px-4 py-2 font-semibold">
              Merge into {into.name}…
            </button>
          )}
          <SaveError error={merge.error} />
          {merge.error instanceof ApiError && merge.error.status === 409 ? <p className="text-sm">One of the two speakers changed meanwhile: reload the page to merge the latest versions.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
