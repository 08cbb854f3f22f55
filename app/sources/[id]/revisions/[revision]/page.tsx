import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { formatDate, plural } from "@/lib/format";
import { type DiffPart, diffStats, splitParagraphs } from "@/lib/paragraph-diff";
import { offload } from "@/server/offload";
import { or404, pageId, param } from "@/server/pages";
import { getSource } from "@/server/sources";
import { getRevision } from "@/server/sources-write";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; revision: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { id, revision } = await props.params;
  const viewer = await getViewer();
  const source = await or404(() => getSource(getDb(), viewer, pageId(id)));
  return { title: `Revision ${pageId(revision)} of ${source.title}` };
}

function formatTimestamp(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${formatDate(iso)}, ${time} UTC` : formatDate(iso);
}

/**
 * One revision of a source's text, compared paragraph by paragraph with the revision before it
 * (added green, removed red, long unchanged stretches folded), or as plain text (`?view=text`).
 * Public, like the source; works without JavaScript.
 */
export default async function RevisionPage(props: Props) {
  const params = await props.params;
  const id = pageId(params.id);
  const number = pageId(params.revision);
  const view = param((await props.searchParams).view) === "text" ? "text" : "changes";
  const db = getDb();
  const viewer = await getViewer();
  const source = await or404(() => getSource(db, viewer, id));
  const revision = await or404(() => getRevision(db, viewer, id, number));
  const previous = number > 1 ? await or404(() => getRevision(db, viewer, id, number - 1)) : null;
  // Comparing two long revisions is long work: on a worker thread, with a deadline.
  const parts = previous && view === "changes" ? await offload("diffParagraphs", { before: previous.text, after: revision.text }, { deadlineMs: 10_000, what: "Comparing the revisions" }) : null;
  const stats = parts ? diffStats(parts) : null;
  const base = `/sources/${id}/revisions/${number}`;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2 border-b border-rule pb-4">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">
          Revision {number} of {source.revision}
          {number === source.revision ? " · current" : ""}
        </p>
        <h1 className="font-serif text-2xl font-bold sm:text-3xl">{source.title}</h1>
        <p className="text-sm text-muted">
          Saved <time dateTime={revision.createdAt}>{formatTimestamp(revision.createdAt)}</time> by {revision.author.name} · {plural(revision.length, "character")}
        </p>
        {revision.note ? <p className="text-sm">Note: {revision.note}</p> : null}
        <nav aria-label="Revisions" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href={`/sources/${id}/revisions`}>All revisions</Link>
          {number > 1 ? <Link href={`/sources/${id}/revisions/${number - 1}`}>← Revision {number - 1}</Link> : null}
          {number < source.revision ? <Link href={`/sources/${id}/revisions/${number + 1}`}>Revision {number + 1} →</Link> : null}
          <Link href={`/sources/${id}`}>Reader view</Link>
        </nav>
      </header>
      {previous ? (
        <nav aria-label="View" className="flex gap-1 text-sm">
          {(["changes", "text"] as const).map((v) => (
            <Link
              key={v}
              href={v === "text" ? `${base}?view=text` : base}
              aria-current={view === v ? "page" : undefined}
              className={`rounded border px-3 py-1 no-underline ${view === v ? "border-ink bg-ink text-white" : "border-rule bg-white text-ink"}`}
            >
              {v === "changes" ? `Changes since revision ${number - 1}` : "Full text"}
            </Link>
          ))}
        </nav>
      ) : (
        <p className="text-sm text-muted">The first revision: the text as it was brought in.</p>
      )}
      {parts && stats ? (
        <section aria-labelledby="changes-heading" className="space-y-3">
          <h2 id="changes-heading" className="text-sm font-semibold">
            {stats.added + stats.removed === 0
              ? "No paragraph changed (only spacing or line breaks between paragraphs differ)."
              : `${plural(stats.added, "paragraph")} added, ${plural(stats.removed, "paragraph")} removed since revision ${number - 1}.`}
          </h2>
          <DiffView parts={parts} />
        </section>
      ) : (
        <div className="space-y-4 font-serif text-lg leading-relaxed">
          {splitParagraphs(revision.text).map((p, i) => (
            <p key={i} className="whitespace-pre-line">
              {p}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}

type Block = { kind: "part"; part: DiffPart; key: number } | { kind: "fold"; parts: DiffPart[]; key: number };

/** Unchanged runs longer than a few paragraphs are folded, keeping one paragraph of context beside each change. */
function fold(parts: DiffPart[], context = 1): Block[] {
  const blocks: Block[] = [];
  const push = (from: number, to: number) => parts.slice(from, to).forEach((part, k) => blocks.push({ kind: "part", part, key: from + k }));
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.op !== "same") {
      push(i, i + 1);
      i++;
      continue;
    }
    let j = i;
    while (j < parts.length && parts[j]!.op === "same") j++;
    const lead = i === 0 ? 0 : context;
    const trail = j === parts.length ? 0 : context;
    if (j - i > lead + trail + 1) {
      push(i, i + lead);
      blocks.push({ kind: "fold", parts: parts.slice(i + lead, j - trail), key: i + lead });
      push(j - trail, j);
    } else push(i, j);
    i = j;
  }
  return blocks;
}

const STYLE = {
  same: "border-transparent",
  added: "border-green-600 bg-green-50 text-green-950",
  removed: "border-red-600 bg-red-50 text-red-950",
} as const;

function Paragraph({ part }: { part: DiffPart }) {
  const body = (
    <>
      <span aria-hidden="true" className="absolute left-1 top-1 font-sans text-sm font-bold">
        {part.op === "added" ? "+" : part.op === "removed" ? "−" : ""}
      </span>
      <span className="sr-only">{part.op === "added" ? "Added: " : part.op === "removed" ? "Removed: " : ""}</span>
      {part.text}
    </>
  );
  const className = `relative block whitespace-pre-line rounded-r border-l-4 py-1 pl-6 pr-3 no-underline ${STYLE[part.op]}`;
  if (part.op === "added") return <ins className={className}>{body}</ins>;
  if (part.op === "removed") return <del className={className}>{body}</del>;
  return <p className={className}>{body}</p>;
}

function DiffView({ parts }: { parts: DiffPart[] }) {
  return (
    <div className="space-y-3 font-serif text-lg leading-relaxed">
      {fold(parts).map((block) =>
        block.kind === "part" ? (
          <Paragraph key={block.key} part={block.part} />
        ) : (
          <details key={block.key} className="rounded border border-dashed border-rule bg-white/60 px-3 py-1 font-sans text-sm">
            <summary className="cursor-pointer text-muted">{plural(block.parts.length, "unchanged paragraph")}</summary>
            <div className="mt-2 space-y-3 pb-2 font-serif text-lg">
              {block.parts.map((part, k) => (
                <Paragraph key={k} part={part} />
              ))}
            </div>
          </details>
        ),
      )}
    </div>
  );
}
