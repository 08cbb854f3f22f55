"use client";

import Link from "next/link";
import { useState } from "react";
import { ConflictNotice } from "./conflict-notice";
import { SaveError } from "./field-errors";
import { useUpdateSource } from "./hooks/mutations";
import { apiFields, Field, INPUT, PRIMARY } from "./form-bits";
import { META_KEYS, type SourceMeta, SourceMetaFields } from "./source-form";
import { ApiError } from "@/lib/api-client";
import type { ReanchorReport, SourceDTO } from "@/lib/dto";
import { plural } from "@/lib/format";
import type { UpdateSourceBody } from "@/lib/schemas";

type Draft = SourceMeta & { text: string };
const KEYS = [...META_KEYS, "text"] as const;

const draftOf = (s: SourceDTO): Draft => ({
  title: s.title,
  kind: s.kind,
  publisher: s.publisher ?? "",
  author: s.author ?? "",
  url: s.url ?? "",
  publishedOn: s.publishedOn ?? "",
  language: s.language,
  text: s.text,
});

/** The fields of `draft` that differ from `from` — only these are sent, so a save never reverts someone else's change. */
function changes(draft: Draft, from: Draft): Partial<Draft> {
  const out: Partial<Draft> = {};
  for (const key of KEYS) if (draft[key] !== from[key]) Object.assign(out, { [key]: draft[key] });
  return out;
}

/** Re-applying after a conflict: my changes on top of their version, their values everywhere else. */
function rebase(draft: Draft, base: Draft, current: Draft): Draft {
  return { ...current, ...changes(draft, base) };
}

type Saved = SourceDTO & { reanchor: ReanchorReport | null };

/** "Revision 3 saved. 14 claims re-anchored (2 moved, 1 by fuzzy match); 1 orphaned — re-attach it in the annotator." */
export function reanchorMessage(r: ReanchorReport): string {
  const head = `Revision ${r.revision} saved.`;
  if (r.anchored + r.orphaned === 0) return `${head} No claims needed re-anchoring.`;
  const details = [r.moved ? `${r.moved} moved` : "", r.fuzzy ? `${r.fuzzy} by fuzzy match` : "", r.reattached ? `${r.reattached} re-attached` : ""].filter(Boolean);
  const anchored = `${plural(r.anchored, "claim")} re-anchored${details.length ? ` (${details.join(", ")})` : ""}`;
  const orphaned = r.orphaned ? `; ${r.orphaned} orphaned — re-attach ${r.orphaned === 1 ? "it" : "them"} in the annotator` : "";
  const still = r.stillOrphaned ? `; ${r.stillOrphaned} still orphaned from an earlier revision` : "";
  const changed = r.quoteChanged.length ? `; ${plural(r.quoteChanged.length, "quote")} changed in the source — ${r.quoteChanged.length === 1 ? "it keeps its" : "they keep their"} verified words until reviewed` : "";
  return `${head} ${anchored}${orphaned}${still}${changed}.`;
}

/**
 * Edits a source's details and its text. A text change is stored as a new revision and the
 * source's claims are re-anchored; the report of that is shown after the save. Only changed
 * fields are sent, with the version the edit started from; a 409 shows what the other person
 * changed (the text as "changed: yes/no") and lets the user re-apply or discard.
 */
export function SourceEditForm({ source }: { source: SourceDTO }) {
  const [base, setBase] = useState(source);
  const [draft, setDraft] = useState<Draft>(() => draftOf(source));
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState<Saved | null>(null);
  const update = useUpdateSource(source.id);
  const conflict = update.error instanceof ApiError && update.error.status === 409 ? (update.error.current as SourceDTO | undefined) : undefined;
  const pending = changes(draft, draftOf(base));
  const dirty = Object.keys(pending).length > 0;
  const errors = apiFields(update.error);

  function save(next: Draft, from: SourceDTO) {
    const patch = changes(next, draftOf(from));
    const body: UpdateSourceBody = { ...patch, version: from.version };
    if (patch.text !== undefined && note.trim()) body.revisionNote = note;
    setSaved(null);
    update.mutate(body, {
      onSuccess: (result) => {
        setBase(result);
        setDraft(draftOf(result));
        setNote("");
        setSaved(result);
      },
    });
  }

  const flat = (d: Draft, textChanged: boolean, version?: number) => ({ ...d, text: textChanged ? "yes" : "no", version });
  return (
    <form
      aria-label="Edit source"
      noValidate
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        save(draft, base);
      }}
    >
      <SourceMetaFields value={draft} onChange={(meta) => setDraft({ ...draft, ...meta })} errors={errors} />
      <Field
        label="Text"
        error={errors.text}
        hint={`Revision ${base.revision} · ${plural(base.length, "character")}. Saving a changed text makes revision ${base.revision + 1} and re-anchors every claim. Up to 5 MB of text.`}
      >
        {(a) => <textarea {...a} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} rows={20} className={`${INPUT} font-serif leading-relaxed`} />}
      </Field>
      <Field label="Revision note (optional)" error={errors.revisionNote} hint="Why the text changed. Kept with the new revision; only saved when the text changes.">
        {(a) => <input {...a} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} className={INPUT} />}
      </Field>
      {conflict ? (
        <div className="space-y-2">
          {conflict.text !== base.text && draft.text !== base.text ? (
            <p className="text-sm font-medium text-counter">You both changed the text. Re-applying saves your text as a new revision on top of theirs.</p>
          ) : null}
          <ConflictNotice
            what="source"
            fields={[
              { key: "title", label: "Title" },
              { key: "kind", label: "Kind" },
              { key: "publisher", label: "Publisher" },
              { key: "author", label: "Author" },
              { key: "url", label: "URL" },
              { key: "publishedOn", label: "Publication date" },
              { key: "language", label: "Language" },
              { key: "text", label: "Text changed" },
            ]}
            base={flat(draftOf(base), false, base.version)}
            mine={flat(draft, draft.text !== base.text)}
            current={flat(draftOf(conflict), conflict.text !== base.text, conflict.version)}
            onReapply={() => {
              const next = rebase(draft, draftOf(base), draftOf(conflict));
              setBase(conflict);
              setDraft(next);
              save(next, conflict);
            }}
            onDiscard={() => {
              setBase(conflict);
              setDraft(draftOf(conflict));
              update.reset();
            }}
          />
        </div>
      ) : (
        <SaveError error={update.error} />
      )}
      {saved ? <SavedReport saved={saved} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={update.isPending || !dirty} className={PRIMARY}>
          {update.isPending ? "Saving…" : pending.text !== undefined ? `Save as revision ${base.revision + 1}` : "Save changes"}
        </button>
        {!dirty && !update.isPending ? <span className="text-sm text-muted">No unsaved changes.</span> : null}
      </div>
    </form>
  );
}

function SavedReport({ saved }: { saved: Saved }) {
  const r = saved.reanchor;
  return (
    <div role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-950">
      <p>{r ? reanchorMessage(r) : "Details saved."}</p>
      {r && r.quoteChanged.length > 0 ? (
        <ul aria-label="Quotes changed in the source" className="mt-2 space-y-1">
          {r.quoteChanged.map((c) => (
            <li key={c.claimId}>
              <Link href={`/claims/${c.claimId}`}>{c.text}</Link>: “{c.quote}” → now “{c.proposed}”
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-1 flex flex-wrap gap-4">
        <Link href={`/sources/${saved.id}/annotate`}>{r && r.orphaned > 0 ? "Re-attach in the annotator" : "Open the annotator"}</Link>
        <Link href={`/sources/${saved.id}`}>Reader view</Link>
        {r ? <Link href={`/sources/${saved.id}/revisions/${r.revision}`}>What changed</Link> : null}
      </p>
    </div>
  );
}
