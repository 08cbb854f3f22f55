"use client";

import { useState } from "react";
import { ConflictNotice } from "@/components/conflict-notice";
import { SaveError } from "@/components/field-errors";
import { type ScaleRatingDTO, updateRatingSchema } from "@/lib/admin-schemas";
import { ApiError } from "@/lib/api-client";
import { HEX_COLOUR } from "@/lib/contrast";
import { plural } from "@/lib/format";
import { BadgePreview, ColourInput, ContrastNote } from "./badge-preview";
import { apiFields, SECONDARY } from "@/components/form-bits";
import { zodFieldErrors } from "@/lib/errors";
import { useDeleteRating, useUpdateRating } from "./hooks";

interface Draft {
  label: string;
  description: string;
  colour: string;
  value: string;
  position: string;
}

const draftOf = (r: ScaleRatingDTO): Draft => ({ label: r.label, description: r.description, colour: r.colour, value: r.value === null ? "" : String(r.value), position: String(r.position) });

/** Text fields as the API takes them: an empty value is "no numeric value" (null). */
export function numberOrNull(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}

const asBody = (d: Draft) => ({ label: d.label, description: d.description, colour: d.colour.toLowerCase(), value: numberOrNull(d.value), position: d.position.trim() === "" ? Number.NaN : Number(d.position) });

const CELL_INPUT = "w-full rounded border border-rule bg-white px-2 py-1 aria-invalid:border-red-600";

/**
 * One verdict of the scale as an editable table row (its inputs belong to the row's form by the
 * `form` attribute, as a form cannot wrap a table row). Saves send only what changed, with the
 * version the edit started from; a 409 shows what the other admin changed.
 */
export function RatingRow({ rating }: { rating: ScaleRatingDTO }) {
  const [base, setBase] = useState(rating);
  const [draft, setDraft] = useState(() => draftOf(rating));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useUpdateRating(rating.id);
  const remove = useDeleteRating(rating.id);
  const formId = `rating-${rating.id}`;
  const baseBody = asBody(draftOf(base));
  const body = asBody(draft);
  const changed = Object.fromEntries(Object.entries(body).filter(([k, v]) => !Object.is(v, baseBody[k as keyof typeof baseBody]))) as Partial<typeof body>;
  const dirty = Object.keys(changed).length > 0;

  // A newer version arrived with the list (someone saved): take it unless this row has unsaved edits.
  if (rating.version > base.version && !dirty) {
    setBase(rating);
    setDraft(draftOf(rating));
  }

  const fields = { ...apiFields(update.error), ...errors };
  const conflict = update.error instanceof ApiError && update.error.status === 409 ? (update.error.current as ScaleRatingDTO | undefined) : undefined;
  const usage = rating.usage ?? { claims: 0, reviews: 0 };
  const inUse = usage.claims + usage.reviews > 0;
  const set = (key: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft({ ...draft, [key]: e.target.value });
  const invalid = (key: string) => (fields[key] ? true : undefined);

  function save(version: number) {
    const parsed = updateRatingSchema.safeParse({ ...changed, version });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: (saved) => {
        setBase(saved);
        setDraft(draftOf(saved));
      },
    });
  }

  const flat = (d: Draft, version?: number) => ({ ...d, version });
  const problems = Object.entries(fields).filter(([k]) => k !== "version");

  return (
    <>
      <tr className="border-b border-rule align-top last:border-0" data-rating={rating.key}>
        <td className="px-2 py-2">
          <input form={formId} aria-label={`Position of ${rating.label}`} aria-invalid={invalid("position")} inputMode="numeric" value={draft.position} onChange={set("position")} className={`${CELL_INPUT} w-14 text-center`} />
        </td>
        <td className="space-y-1 px-2 py-2">
          <code className="block text-xs text-muted" title="The key never changes: published verdicts point at it">
            {rating.key}
          </code>
          <input form={formId} aria-label={`Label of ${rating.key}`} aria-invalid={invalid("label")} value={draft.label} onChange={set("label")} maxLength={60} className={`${CELL_INPUT} font-semibold`} />
          <textarea form={formId} aria-label={`Description of ${rating.key}`} aria-invalid={invalid("description")} value={draft.description} onChange={set("description")} rows={2} maxLength={500} className={`${CELL_INPUT} text-sm`} />
        </td>
        <td className="space-y-1 px-2 py-2">
          <ColourInput form={formId} label={`Colour of ${rating.key}`} value={draft.colour} onChange={(colour) => setDraft({ ...draft, colour })} />
          <ContrastNote colour={draft.colour} />
        </td>
        <td className="px-2 py-2">
          <input form={formId} aria-label={`Value of ${rating.key}`} aria-invalid={invalid("value")} inputMode="decimal" placeholder="none" value={draft.value} onChange={set("value")} className={`${CELL_INPUT} w-16`} />
        </td>
        <td className="px-2 py-2 pt-3">
          <BadgePreview label={draft.label} colour={HEX_COLOUR.test(draft.colour) ? draft.colour : ""} description={draft.description} />
        </td>
        <td className="px-2 py-2">
          <form
            id={formId}
            aria-label={`Edit ${rating.label}`}
            className="flex flex-col items-stretch gap-1.5"
            onSubmit={(e) => {
              e.preventDefault();
              save(base.version);
            }}
          >
            <button type="submit" disabled={!dirty || update.isPending} className="rounded bg-ink px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-40">
              {update.isPending ? "Saving…" : "Save"}
            </button>
            {dirty ? (
              <button type="button" className={`${SECONDARY} text-sm`} onClick={() => { setDraft(draftOf(base)); setErrors({}); update.reset(); }}>
                Undo
              </button>
            ) : null}
            <button
              type="button"
              disabled={inUse || remove.isPending}
              aria-describedby={inUse ? `${formId}-usage` : undefined}
              className={`${SECONDARY} border-red-800 text-sm text-red-800`}
              onClick={() => {
                if (window.confirm(`Delete the verdict “${rating.label}”? No claim or review uses it.`)) remove.mutate();
              }}
            >
              Delete
            </button>
            {inUse ? (
              <span id={`${formId}-usage`} className="text-xs text-muted">
                In use: {[usage.claims ? plural(usage.claims, "claim") : null, usage.reviews ? plural(usage.reviews, "review") : null].filter(Boolean).join(", ")}
              </span>
            ) : null}
          </form>
        </td>
      </tr>
      {conflict || problems.length > 0 || update.error || remove.error ? (
        <tr className="border-b border-rule">
          <td colSpan={6} className="space-y-2 px-2 pb-3">
            {conflict ? (
              <ConflictNotice
                what="verdict"
                fields={[
                  { key: "label", label: "Label" },
                  { key: "description", label: "Description" },
                  { key: "colour", label: "Colour" },
                  { key: "value", label: "Value" },
                  { key: "position", label: "Position" },
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
            ) : problems.length > 0 ? (
              <ul role="alert" className="list-disc rounded border border-red-300 bg-red-50 py-2 pr-3 pl-8 text-sm text-red-900">
                {problems.map(([field, message]) => (
                  <li key={field}>
                    <strong className="capitalize">{field === "_" ? "Verdict" : field}</strong> {message}
                  </li>
                ))}
              </ul>
            ) : (
              <SaveError error={update.error} />
            )}
            <SaveError error={remove.error} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
