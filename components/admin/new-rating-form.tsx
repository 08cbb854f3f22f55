"use client";

import { useState } from "react";
import { SaveError } from "@/components/field-errors";
import { createRatingSchema } from "@/lib/admin-schemas";
import { HEX_COLOUR, MIN_TEXT_CONTRAST } from "@/lib/contrast";
import { BadgePreview, ColourInput, ContrastNote } from "./badge-preview";
import { apiFields, Field, INPUT, PRIMARY } from "@/components/form-bits";
import { zodFieldErrors } from "@/lib/errors";
import { useCreateRating } from "./hooks";
import { numberOrNull } from "./rating-row";

const EMPTY = { key: "", label: "", description: "", colour: "#1d4ed8", value: "", position: "" };

/** "Needs context!" → "needs-context": the key suggested from the label until the key is typed. */
const slug = (label: string) =>
  label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+|-+$/g, "")
    .slice(0, 40);

/** Adds a verdict to the scale, previewing its badge and checking its contrast as it is typed. */
export function NewRatingForm({ nextPosition }: { nextPosition: number }) {
  const [draft, setDraft] = useState(EMPTY);
  const [keyTyped, setKeyTyped] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreateRating();
  const fields = { ...apiFields(create.error), ...errors };
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setDraft({ ...draft, [key]: e.target.value });

  return (
    <section aria-labelledby="new-rating-title" className="max-w-3xl space-y-3 rounded border border-rule bg-white p-4 sm:p-5">
      <h2 id="new-rating-title" className="font-serif text-xl font-bold">
        Add a verdict
      </h2>
      <form
        aria-labelledby="new-rating-title"
        noValidate
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          setAdded(null);
          const parsed = createRatingSchema.safeParse({
            ...draft,
            value: numberOrNull(draft.value),
            position: draft.position.trim() === "" ? undefined : Number(draft.position),
          });
          if (!parsed.success) {
            setErrors(zodFieldErrors(parsed.error));
            return;
          }
          setErrors({});
          create.mutate(parsed.data, {
            onSuccess: (rating) => {
              setAdded(`Added “${rating.label}” at position ${rating.position}.`);
              setDraft(EMPTY);
              setKeyTyped(false);
            },
          });
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Label" error={fields.label} hint="What readers see on the badge.">
            {(a) => <input {...a} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value, key: keyTyped ? draft.key : slug(e.target.value) })} maxLength={60} className={INPUT} />}
          </Field>
          <Field label="Key" error={fields.key} hint="Lowercase letters, digits and hyphens. It can never change once saved.">
            {(a) => (
              <input
                {...a}
                value={draft.key}
                onChange={(e) => {
                  setKeyTyped(true);
                  set("key")(e);
                }}
                spellCheck={false}
                maxLength={40}
                className={`${INPUT} font-mono`}
              />
            )}
          </Field>
          <Field label="Description" error={fields.description} className="sm:col-span-2">
            {(a) => <textarea {...a} value={draft.description} onChange={set("description")} rows={2} maxLength={500} className={INPUT} />}
          </Field>
          <Field label="Colour" error={fields.colour} hint={`White text on it needs a contrast of at least ${MIN_TEXT_CONTRAST}:1.`}>
            {(a) => (
              <div className="mt-1 space-y-1">
                <ColourInput label="Colour" a11y={a} value={draft.colour} onChange={(colour) => setDraft({ ...draft, colour })} />
                <ContrastNote colour={draft.colour} />
              </div>
            )}
          </Field>
          <div className="flex gap-4">
            <Field label="Value" error={fields.value} hint="Higher = more accurate; empty for none." className="flex-1">
              {(a) => <input {...a} inputMode="decimal" value={draft.value} onChange={set("value")} className={INPUT} />}
            </Field>
            <Field label="Order" error={fields.position} hint={`Empty: last (${nextPosition}).`} className="flex-1">
              {(a) => <input {...a} inputMode="numeric" value={draft.position} onChange={set("position")} className={INPUT} />}
            </Field>
          </div>
        </div>
        <p className="flex items-center gap-3 text-sm">
          <span className="text-muted">Preview:</span>
          <BadgePreview label={draft.label} colour={HEX_COLOUR.test(draft.colour) ? draft.colour : ""} description={draft.description} />
        </p>
        {create.error && Object.keys(apiFields(create.error)).length === 0 ? <SaveError error={create.error} /> : null}
        <p aria-live="polite" className="text-sm text-green-800 empty:hidden">
          {added ?? ""}
        </p>
        <button type="submit" disabled={create.isPending} className={PRIMARY}>
          {create.isPending ? "Adding…" : "Add verdict"}
        </button>
      </form>
    </section>
  );
}
