"use client";

/** Form pieces every staff form shares: class names, a labelled field with hint and error, error mapping. */

import { type ReactNode, useId } from "react";
import { ApiError } from "@/lib/api-client";

export const INPUT = "mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5 aria-invalid:border-red-600";
export const PRIMARY = "rounded bg-ink px-4 py-2 font-semibold text-white disabled:opacity-60";
export const SECONDARY = "rounded border border-ink px-3 py-1.5 font-semibold disabled:opacity-50";

/** The bad fields of a failed save (the API's `error.fields`). */
export const apiFields = (error: unknown): Record<string, string> => (error instanceof ApiError ? error.fields : {});

export type A11y = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A labelled input with its hint and its error wired up by id. */
export function Field({ label, error, hint, className, children }: { label: ReactNode; error?: string; hint?: ReactNode; className?: string; children: (a11y: A11y) => ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
