import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { MatchList } from "@/components/matches/match-list";
import { zodFieldErrors } from "@/lib/errors";
import { findMatchesSchema, MATCH_TEXT_MAX } from "@/lib/schemas";
import { findMatches } from "@/server/matches";
import { param } from "@/server/pages";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checked before?" };

/**
 * "Checked before?": anyone pastes a post, a quote or a paragraph and sees the published
 * checks it may repeat. A plain GET form, so it works without JavaScript and a result can be
 * shared as a link.
 */
export default async function CheckedBeforePage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await props.searchParams;
  const text = param(raw.text) ?? "";
  const asked = text.trim() !== "";
  const parsed = asked ? findMatchesSchema.safeParse({ text, limit: "10" }) : null;
  const error = parsed && !parsed.success ? zodFieldErrors(parsed.error).text : null;
  const items = parsed?.success ? await findMatches(getDb(), await getViewer(), parsed.data.text, { limit: parsed.data.limit }) : null;

  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-bold">Checked before?</h1>
        <p className="text-muted">
          Paste a post, a quote or a paragraph. You will see the claims already checked that it may repeat — with their verdict, when they were checked, and why they match. Handles,
          links and a post&rsquo;s signature line are ignored; names, places and figures count, and a figure that differs is flagged.
        </p>
      </header>
      <form method="get" action="/checked-before" className="space-y-2">
        <label htmlFor="checked-before-text" className="block font-semibold">
          Text to check
        </label>
        <textarea
          id="checked-before-text"
          name="text"
          defaultValue={text}
          rows={5}
          maxLength={MATCH_TEXT_MAX}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "checked-before-error" : undefined}
          className="w-full rounded border border-rule bg-white p-2"
        />
        {error ? (
          <p id="checked-before-error" role="alert" className="text-sm text-red-800">
            The text {error}.
          </p>
        ) : null}
        <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-white">
          Find earlier checks
        </button>
      </form>
      {items ? (
        <section aria-labelledby="matches-heading" className="space-y-3">
          <h2 id="matches-heading" className="font-serif text-xl font-bold" aria-live="polite">
            {items.length === 0 ? "No earlier check matches this text." : `Earlier checks this may repeat (${items.length})`}
          </h2>
          {items.length > 0 ? <MatchList items={items} label="Earlier checks" /> : <p className="text-sm">Nothing published shares enough of its words, names or figures.</p>}
        </section>
      ) : null}
    </div>
  );
}
