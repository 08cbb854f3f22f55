"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SPEAKER_KINDS, type SpeakerKind } from "@/lib/model";
import { speakerSearchQuery } from "@/lib/queries";
import { Combobox, type ComboOption } from "./combobox";

export type SpeakerChoice =
  | { kind: "existing"; id: number; name: string }
  | { kind: "new"; name: string; speakerKind: SpeakerKind; affiliation: { id: number; name: string } | null };

const KIND_LABELS: Record<SpeakerKind, string> = { person: "Person", organisation: "Organisation", government: "Government body", other: "Other" };

/**
 * Picks a speaker by name or alias, or creates one inline (name, kind, affiliation) — so a
 * fact-checker never retypes a speaker that exists, and never leaves the form to add one.
 */
export function SpeakerPicker({ value, onChange, allowNew = true, label = "Speaker" }: { value: SpeakerChoice | null; onChange: (choice: SpeakerChoice | null) => void; allowNew?: boolean; label?: string }) {
  const [query, setQuery] = useState("");
  const search = useQuery(speakerSearchQuery(query));
  const found = search.data?.items ?? [];
  const options: ComboOption<SpeakerChoice>[] = found.map((s) => ({
    key: `s${s.id}`,
    value: { kind: "existing", id: s.id, name: s.name },
    label: (
      <span>
        <span className="font-medium">{s.name}</span>
        {s.affiliation ? <span className="text-muted"> · {s.affiliation.name}</span> : null}
        {s.aliases.length > 0 ? <span className="block text-xs text-muted">also {s.aliases.join(", ")}</span> : null}
      </span>
    ),
  }));
  const typed = query.trim();
  if (allowNew && typed && !found.some((s) => s.name.toLowerCase() === typed.toLowerCase())) {
    options.push({ key: "new", value: { kind: "new", name: typed, speakerKind: "person", affiliation: null }, label: <span>Create new speaker “{typed}”</span> });
  }

  if (value) {
    return (
      <div>
        <p className="text-sm font-medium">{label}</p>
        <div className="mt-1 flex items-center justify-between gap-2 rounded border border-rule bg-stone-50 px-2 py-1.5">
          <span data-testid="chosen-speaker">
            {value.name}
            {value.kind === "new" ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs">new</span> : null}
          </span>
          <button type="button" onClick={() => onChange(null)} className="text-sm underline">
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
    <Combobox
      label={label}
      query={query}
      onQueryChange={setQuery}
      options={options}
      loading={search.isFetching}
      placeholder="Type a name or alias"
      onSelect={(choice) => {
        onChange(choice);
        setQuery("");
      }}
    />
  );
}

function AffiliationPicker({ value, onChange }: { value: { id: number; name: string } | null; onChange: (v: { id: number; name: string } | null) => void }) {
  return (
    <SpeakerPicker
      label="Affiliated to (optional)"
      allowNew={false}
      value={value ? { kind: "existing", ...value } : null}
      onChange={(choice) => onChange(choice && choice.kind === "existing" ? { id: choice.id, name: choice.name } : null)}
    />
  );
}

/** The API body fields for a speaker choice: `speakerId`, or a `speaker` to create. */
export function speakerFields(choice: SpeakerChoice): { speakerId: number } | { speaker: { name: string; kind: SpeakerKind; affiliationId: number | null } } {
  return choice.kind === "existing"
    ? { speakerId: choice.id }
    : { speaker: { name: choice.name, kind: choice.speakerKind, affiliationId: choice.affiliation?.id ?? null } };
}
