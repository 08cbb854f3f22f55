"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { SaveError } from "@/components/field-errors";
import { apiFetch } from "@/lib/api-client";
import type { SpeakerDetailDTO, SpeakerMatchDTO } from "@/lib/dto";
import { SPEAKER_KINDS, type SpeakerKind } from "@/lib/model";
import { speakerMatchQuery, speakerSearchQuery } from "@/lib/queries";
import { isOnlyPartyTag, searchableName } from "@/lib/speaker-names";
import { Combobox, type ComboOption } from "./combobox";

export type SpeakerChoice =
  | { kind: "existing"; id: number; name: string }
  | { kind: "new"; name: string; speakerKind: SpeakerKind; affiliation: { id: number; name: string } | null };

const KIND_LABELS: Record<SpeakerKind, string> = { person: "Person", organisation: "Organisation", government: "Government body", other: "Other" };

/**
 * Picks a speaker by name or alias, or creates one inline (name, kind, affiliation) — so a
 * fact-checker never retypes a speaker that exists, and never leaves the form to add one.
 * The speaker a typed name means (its name or an alias, titles such as "Rep." and party tags
 * such as "R-Utah" aside, or the one speaker with that surname) comes first, and Enter pressed
 * before the answer arrives waits for it; creating a name close to an existing one asks first.
 */
export function SpeakerPicker({
  value,
  onChange,
  allowNew = true,
  label = "Speaker",
  exclude = [],
  newKind = "person",
}: {
  value: SpeakerChoice | null;
  onChange: (choice: SpeakerChoice | null) => void;
  allowNew?: boolean;
  label?: string;
  /** Speakers never offered (a speaker is not its own merge target). */
  exclude?: number[];
  /** The kind a new speaker starts as. */
  newKind?: SpeakerKind;
}) {
  const [query, setQuery] = useState("");
  const [confirm, setConfirm] = useState<{ choice: SpeakerChoice; close: SpeakerMatchDTO["close"] } | null>(null);
  /** After a choice the input is gone: the Change button takes the focus, so it stays in the form (Ctrl+Enter still saves). */
  const justChose = useRef(false);
  const focusIfChosen = (el: HTMLButtonElement | null) => {
    if (el && justChose.current) {
      justChose.current = false;
      el.focus();
    }
  };
  const typed = query.trim();
  const search = useQuery(speakerSearchQuery(searchableName(typed)));
  const match = useQuery(speakerMatchQuery(typed));
  const exact = match.data?.exact ?? null;
  const found = (search.data?.items ?? []).filter((s) => !exclude.includes(s.id) && s.id !== exact?.id);
  const options: ComboOption<SpeakerChoice>[] = [];
  if (exact && !exclude.includes(exact.id)) {
    options.push({
      key: `s${exact.id}`,
      value: { kind: "existing", id: exact.id, name: exact.name },
      label: (
        <span>
          <span className="font-medium">{exact.name}</span>
          {exact.aliases.length > 0 ? <span className="block text-xs text-muted">also {exact.aliases.join(", ")}</span> : null}
        </span>
      ),
    });
  }
  for (const s of found) {
    options.push({
      key: `s${s.id}`,
      value: { kind: "existing", id: s.id, name: s.name },
      label: (
        <span>
          <span className="font-medium">{s.name}</span>
          {s.affiliation ? <span className="text-muted"> · {s.affiliation.name}</span> : null}
          {s.aliases.length > 0 ? <span className="block text-xs text-muted">also {s.aliases.join(", ")}</span> : null}
        </span>
      ),
    });
  }
  const tagOnly = isOnlyPartyTag(typed);
  // "Create new" is offered only once the match answer for what is typed has arrived: a click
  // before it would skip the question about a close existing name.
  const matchKnown = match.data !== undefined || match.isError;
  if (allowNew && typed && matchKnown && !exact && !tagOnly && !found.some((s) => s.name.toLowerCase() === typed.toLowerCase())) {
    options.push({ key: "new", value: { kind: "new", name: searchableName(typed) || typed, speakerKind: newKind, affiliation: null }, label: <span>Create new speaker “{searchableName(typed) || typed}”</span> });
  }
  // The answer for what is typed now has not arrived (Enter waits for it).
  const busy = typed.length > 0 && (search.isFetching || match.isFetching || (!match.data && !match.isError) || (!search.data && !search.isError));

  const choose = (choice: SpeakerChoice) => {
    const close = (match.data?.close ?? []).filter((c) => !exclude.includes(c.id));
    if (choice.kind === "new" && close.length > 0) {
      setConfirm({ choice, close });
      return;
    }
    setConfirm(null);
    justChose.current = true;
    onChange(choice);
    setQuery("");
  };

  if (value) {
    return (
      <div>
        <p className="text-sm font-medium">{label}</p>
        <div className="mt-1 flex items-center justify-between gap-2 rounded border border-rule bg-stone-50 px-2 py-1.5">
          <span data-testid="chosen-speaker">
            {value.name}
            {value.kind === "new" ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs">new</span> : null}
          </span>
          <button ref={focusIfChosen} type="button" onClick={() => onChange(null)} className="text-sm underline" aria-label={`Change ${label.toLowerCase()}`}>
            Change
          </button>
        </div>
        {value.kind === "new" ? (
          <div className="mt-2 grid gap-2 rounded border border-dashed border-rule p-2 sm:grid-cols-2">
            <label className="text-sm font-medium">
              Kind
              <select
                value={value.speakerKind}
                onChange={(e) => onChange({ ...value, speakerKind: e.target.value as SpeakerKind })}
                className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5"
              >
                {SPEAKER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            </label>
            <AffiliationPicker value={value.affiliation} onChange={(affiliation) => onChange({ ...value, affiliation })} />
          </div>
        ) : null}
      </div>
    );
  }
  return (
    <div>
      <Combobox
        label={label}
        query={query}
        onQueryChange={(q) => {
          setQuery(q);
          setConfirm(null);
        }}
        options={options}
        loading={search.isFetching}
        busy={busy}
        placeholder="Type a name or alias"
        hint={tagOnly ? `“${typed}” is a party/state tag, not a name: type the person’s name.` : undefined}
        onSelect={choose}
      />
      {confirm ? (
        <div role="alertdialog" aria-label="A speaker with a close name exists" className="mt-2 space-y-2 rounded border-2 border-amber-500 bg-amber-50 p-2 text-sm">
          <p className="font-medium">Did you mean an existing speaker?</p>
          <div className="flex flex-wrap gap-2">
            {confirm.close.map((c) => (
              <button key={c.id} type="button" className="rounded border border-ink bg-white px-2 py-1 font-semibold" onClick={() => choose({ kind: "existing", id: c.id, name: c.name })}>
                Use {c.name}
              </button>
            ))}
            <button
              type="button"
              className="rounded border border-ink px-2 py-1"
              onClick={() => {
                setConfirm(null);
                justChose.current = true;
                onChange(confirm.choice);
                setQuery("");
              }}
            >
              No, create “{confirm.choice.name}”
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The organisation a new speaker belongs to: an existing speaker, or a new organisation made
 * on the spot (the server uses an existing one of the same name instead, if there is one).
 */
function AffiliationPicker({ value, onChange }: { value: { id: number; name: string } | null; onChange: (v: { id: number; name: string } | null) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <SpeakerPicker
        label="Affiliated to (optional)"
        newKind="organisation"
        value={value ? { kind: "existing", ...value } : null}
        onChange={(choice) => {
          setError(null);
          if (!choice) return onChange(null);
          if (choice.kind === "existing") return onChange({ id: choice.id, name: choice.name });
          setCreating(true);
          apiFetch<SpeakerDetailDTO>("/api/speakers", { method: "POST", body: JSON.stringify({ name: choice.name, kind: "organisation" }) })
            .then((made) => onChange({ id: made.id, name: made.name }))
            .catch(setError)
            .finally(() => setCreating(false));
        }}
      />
      {creating ? <p className="text-xs text-muted">Creating the organisation…</p> : null}
      {error ? <SaveError error={error} /> : null}
    </div>
  );
}

/** The API body fields for a speaker choice: `speakerId`, or a `speaker` to create. */
export function speakerFields(choice: SpeakerChoice): { speakerId: number } | { speaker: { name: string; kind: SpeakerKind; affiliationId: number | null } } {
  return choice.kind === "existing"
    ? { speakerId: choice.id }
    : { speaker: { name: choice.name, kind: choice.speakerKind, affiliationId: choice.affiliation?.id ?? null } };
}
