"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SaveError } from "./field-errors";
import { useCreateLink, useDeleteLink } from "./hooks/mutations";
import { Combobox } from "./pickers/combobox";
import { type SpeakerChoice, SpeakerPicker, speakerFields } from "./pickers/speaker-picker";
import type { ClaimDetailDTO, ClaimDTO } from "@/lib/dto";
import { LINK_LABELS, type LinkKind } from "@/lib/model";
import { claimSearchQuery } from "@/lib/queries";

/** Relations read from this claim's side: kind plus which end this claim is. */
const RELATIONS: { value: string; kind: LinkKind; direction: "outgoing" | "incoming"; label: string }[] = [
  { value: "disputed-by", kind: "disputes", direction: "incoming", label: "is disputed by (a counter-claim)" },
  { value: "disputes", kind: "disputes", direction: "outgoing", label: "disputes" },
  { value: "supported-by", kind: "supports", direction: "incoming", label: "is supported by" },
  { value: "supports", kind: "supports", direction: "outgoing", label: "supports" },
  { value: "qualified-by", kind: "qualifies", direction: "incoming", label: "is qualified by" },
  { value: "qualifies", kind: "qualifies", direction: "outgoing", label: "qualifies" },
  { value: "responds-to", kind: "responds-to", direction: "outgoing", label: "responds to" },
  { value: "answered-by", kind: "responds-to", direction: "incoming", label: "is answered by" },
  { value: "same-as", kind: "same-as", direction: "outgoing", label: "is the same as (a repetition)" },
];

/**
 * Links this claim to another: an existing claim found by searching, or a new claim made on the
 * spot (a statement with no source document). Self-links and duplicates come back as errors
 * from the server with a clear message.
 */
export function LinkEditor({ claim, onDone }: { claim: ClaimDetailDTO; onDone?: () => void }) {
  const [relation, setRelation] = useState("disputed-by");
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [query, setQuery] = useState("");
  const [target, setTarget] = useState<ClaimDTO | null>(null);
  const [newText, setNewText] = useState("");
  const [newQuote, setNewQuote] = useState("");
  const [newDate, setNewDate] = useState("");
  const [newSpeaker, setNewSpeaker] = useState<SpeakerChoice | null>(null);
  const [note, setNote] = useState("");
  const search = useQuery(claimSearchQuery(query));
  const create = useCreateLink(claim.id);
  const rel = RELATIONS.find((r) => r.value === relation)!;

  function submit() {
    const base = { kind: rel.kind, direction: rel.direction, note: note || undefined };
    if (mode === "existing") {
      if (!target) return;
      create.mutate({ ...base, targetClaimId: target.id }, { onSuccess: () => reset() });
    } else {
      if (!newSpeaker) return;
      create.mutate(
        { ...base, targetClaim: { text: newText, quote: newQuote || null, statedOn: newDate || null, storyId: claim.story?.id ?? null, ...speakerFields(newSpeaker) } },
        { onSuccess: () => reset() },
      );
    }
  }
  function reset() {
    setTarget(null);
    setQuery("");
    setNewText("");
    setNewQuote("");
    setNewDate("");
    setNewSpeaker(null);
    setNote("");
    onDone?.();
  }

  return (
    <form
      aria-label="Link to another claim"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="block text-sm font-medium">
        This claim…
        <select value={relation} onChange={(e) => setRelation(e.target.value)} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5">
          {RELATIONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">The other claim</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="link-mode" checked={mode === "existing"} onChange={() => setMode("existing")} /> an existing claim
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="link-mode" checked={mode === "new"} onChange={() => setMode("new")} /> a new statement (no source)
        </label>
      </fieldset>
      {mode === "existing" ? (
        target ? (
          <div className="flex items-start justify-between gap-2 rounded border border-rule bg-stone-50 p-2 text-sm" data-testid="link-target">
            <span>
              <span className="font-semibold">{target.speaker.name}:</span> {target.text}
            </span>
            <button type="button" className="underline" onClick={() => setTarget(null)}>
              Change
            </button>
          </div>
        ) : (
          <Combobox
            label="Find the other claim"
            query={query}
            onQueryChange={setQuery}
            loading={search.isFetching}
            placeholder="Words from its text or quote"
            options={(search.data?.items ?? [])
              .filter((c) => c.id !== claim.id)
              .map((c) => ({
                key: String(c.id),
                value: c,
                label: (
                  <span>
                    <span className="font-semibold">{c.speaker.name}:</span> {c.text}
                    <span className="block text-xs text-muted">{c.source?.title ?? "no source"} · {c.status.replace("_", " ")}</span>
                  </span>
                ),
              }))}
            onSelect={setTarget}
          />
        )
      ) : (
        <div className="space-y-3 rounded border border-dashed border-rule p-3">
          <label className="block text-sm font-medium">
            What was said, in normalised words
            <textarea value={newText} onChange={(e) => setNewText(e.target.value)} rows={2} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5" />
          </label>
          <label className="block text-sm font-medium">
            Verbatim quote (optional)
            <input value={newQuote} onChange={(e) => setNewQuote(e.target.value)} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5" />
          </label>
          <SpeakerPicker value={newSpeaker} onChange={setNewSpeaker} label="Said by" />
          <label className="block text-sm font-medium">
            Stated on (optional)
            <input type="date" value={newDate} onChange={(e) => setNewDate(e.target.value)} className="mt-1 block rounded border border-rule bg-white px-2 py-1.5" />
          </label>
        </div>
      )}
      <label className="block text-sm font-medium">
        Note (optional)
        <input value={note} onChange={(e) => setNote(e.target.value)} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5" />
      </label>
      <SaveError error={create.error} />
      <button
        type="submit"
        disabled={create.isPending || (mode === "existing" ? !target : !newSpeaker || !newText.trim())}
        className="rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-50"
      >
        {create.isPending ? "Linking…" : "Add link"}
      </button>
    </form>
  );
}

/** The claim's links with a Remove button each. */
export function LinkList({ claim }: { claim: ClaimDetailDTO }) {
  const remove = useDeleteLink();
  if (claim.links.length === 0) return <p className="text-sm text-muted">No links yet.</p>;
  const total = claim.linkCounts.disputes + claim.linkCounts.related;
  return (
    <>
    {total > claim.links.length ? (
      <p className="mb-2 text-sm text-muted">
        The first {claim.links.length} of {total.toLocaleString("en")} links; all of them: <a href={`/claims/${claim.id}/links?group=disputes`}>counter-claims</a>, <a href={`/claims/${claim.id}/links?group=related`}>supporting and related</a>.
      </p>
    ) : null}
    <ul className="space-y-2">
      {claim.links.map((link) => (
        <li key={link.id} className="flex items-start justify-between gap-3 rounded border border-rule bg-white p-2 text-sm">
          <span>
            <span className="font-semibold">{link.direction === "incoming" ? LINK_LABELS[link.kind].inverse : LINK_LABELS[link.kind].verb}</span> {link.claim.speaker.name}: {link.claim.text}
          </span>
          <button type="button" className="shrink-0 underline" disabled={remove.isPending} onClick={() => remove.mutate(link.id)} aria-label={`Remove link to “${link.claim.text}”`}>
            Remove
          </button>
        </li>
      ))}
    </ul>
    </>
  );
}
