"use client";

import { ApiError } from "@/lib/api-client";

/** A failed save: the message, and each bad field the API named. */
export function SaveError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : "The save failed.";
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
      <p>{message}</p>
      {fields.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {fields.map(([field, problem]) => (
            <li key={field}>
              <code>{field}</code>: {problem}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
