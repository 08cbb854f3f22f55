import type { z } from "zod";
import { ValidationError } from "@/lib/errors";
import type { TimelineQuery } from "@/lib/schemas";
import { param } from "@/server/pages";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Reads a timeline page's filters from its query string and runs `read` with them. Bad filters
 * (a hand-edited URL, a verdict that is not on the scale, an end before the start) do not make
 * the page fail: it shows the unfiltered timeline with a message on each bad field.
 */
export async function readFiltered<T>(
  schema: z.ZodType<Partial<TimelineQuery>>,
  raw: SearchParams,
  read: (filters: Partial<TimelineQuery>) => Promise<T>,
): Promise<{ view: T; errors: Record<string, string> }> {
  const input = Object.fromEntries(["by", "speaker", "verdict", "from", "to", "page"].map((k) => [k, param(raw[k])]));
  const parsed = schema.safeParse(input);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "_")] ??= issue.message;
  } else {
    try {
      return { view: await read(parsed.data), errors };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(errors, error.fields);
    }
  }
  // Keep the lanes the reader asked for when only another filter was wrong.
  return { view: await read({ by: input.by === "side" ? "side" : "speaker" }), errors };
}
