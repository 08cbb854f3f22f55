import Link from "next/link";
import type { FieldChangeDTO, HistoryDTO, HistoryEntryDTO, HistoryHeadDTO, HistoryValue, VersionDTO } from "@/lib/history-schemas";
import { formatDate } from "@/lib/format";
import { type ClaimStatus, STATUS_LABELS } from "@/lib/model";
import { diffWords } from "@/lib/word-diff";
import { RestoreButton } from "./restore-button";

/**
 * The history page of a claim, source or speaker: the version asked for with `?version=`
 * (read-only), then every change newest first — who, when, what in words, the comment, and each
 * field before → after, long texts as a word-level diff. Server-rendered; only the restore
 * button is a client component.
 */

const NOUN = { claim: "claim", source: "source", speaker: "speaker" } as const;

/** Where a reference field links to. */
const REF_PATHS: Record<string, string> = { speakerId: "/speakers", affiliationId: "/speakers", mergedIntoId: "/speakers", storyId: "/stories", sourceId: "/sources" };

/** "26 Jun 2025, 14:03 UTC". */
export function absoluteTime(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${formatDate(iso)}, ${time} UTC` : formatDate(iso);
}

/** "just now", "5 minutes ago", "3 days ago", "2 years ago". */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (!Number.isFinite(seconds)) return "";
  if (seconds < 45) return "just now";
  const units: [number, string][] = [
    [60, "minute"],
    [3600, "hour"],
    [86400, "day"],
    [86400 * 30, "month"],
    [86400 * 365, "year"],
  ];
  let [size, unit] = units[0]!;
  for (const u of units) if (seconds >= u[0]) [size, unit] = u;
  const n = Math.max(1, Math.round(seconds / size));
  return `${n} ${unit}${n === 1 ? "" : "s"} ago`;
}

function isRef(value: HistoryValue): value is { id: number | string; name: string } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function Value({ field, value }: { field: string; value: HistoryValue }) {
  if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return <span className="text-muted">—</span>;
  if (isRef(value)) {
    const path = REF_PATHS[field];
    return path ? <Link href={`${path}/${value.id}`}>{value.name}</Link> : <>{value.name}</>;
  }
  if (Array.isArray(value)) return <>{value.join(", ")}</>;
  if (field === "status" && typeof value === "string" && value in STATUS_LABELS) return <>{STATUS_LABELS[value as ClaimStatus]}</>;
  return <span className="whitespace-pre-line break-words">{String(value)}</span>;
}

/** A word-level diff: deletions struck through in red, insertions underlined in green. */
function WordDiff({ before, after }: { before: string; after: string }) {
  return (
    <p className="whitespace-pre-line break-words font-serif leading-relaxed">
      {diffWords(before, after).map((part, k) =>
        part.op === "same" ? (
          <span key={k}>{part.text}</span>
        ) : part.op === "removed" ? (
          <del key={k} className="bg-red-100 text-red-900">
            <span className="sr-only">[deleted: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <ins key={k} className="bg-green-100 text-green-900">
            <span className="sr-only">[inserted: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ),
      )}
    </p>
  );
}

function ChangeRow({ change }: { change: FieldChangeDTO }) {
  const long = change.kind === "text" && typeof change.before === "string" && typeof change.after === "string";
  return (
    <tr className="border-b border-rule align-top last:border-0" data-field={change.field}>
      <th scope="row" className="py-1.5 pr-3 text-left font-medium">
        {change.label}
      </th>
      {long ? (
        <td colSpan={2} className="py-1.5">
          <WordDiff before={change.before as string} after={change.after as string} />
          {change.truncated ? <p className="mt-1 text-xs text-muted">Only the start of a long change is shown.</p> : null}
        </td>
      ) : change.kind === "list" && (change.added || change.removed) ? (
        <td colSpan={2} className="py-1.5">
          {change.removed?.length ? <p>Removed: <del className="bg-red-100 text-red-900">{change.removed.join(", ")}</del></p> : null}
          {change.added?.length ? <p>Added: <ins className="bg-green-100 text-green-900">{change.added.join(", ")}</ins></p> : null}
        </td>
      ) : (
        <>
          <td className="py-1.5 pr-3">
            <Value field={change.field} value={change.before} />
          </td>
          <td className="py-1.5">
            <Value field={change.field} value={change.after} />
          </td>
        </>
      )}
    </tr>
  );
}

function ChangeTable({ changes }: { changes: FieldChangeDTO[] }) {
  if (changes.length === 0) return null;
  return (
    <table className="w-full border-collapse text-sm">
      <thead className="sr-only sm:not-sr-only">
        <tr className="border-b border-rule text-left text-xs uppercase tracking-wider text-muted">
          <th scope="col" className="w-36 py-1 pr-3 font-semibold">Field</th>
          <th scope="col" className="py-1 pr-3 font-semibold">Before</th>
          <th scope="col" className="py-1 font-semibold">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <ChangeRow key={c.field} change={c} />
        ))}
      </tbody>
    </table>
  );
}

function Entry({ entry, entity, now }: { entry: HistoryEntryDTO; entity: HistoryHeadDTO; now: number }) {
  const base = `${entity.href}/history`;
  return (
    <li id={`event-${entry.eventId}`} className="rounded-md border border-rule bg-white p-4" data-action={entry.action}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <h3 className="font-semibold">{entry.summary}</h3>
        <span className="text-sm text-muted">
          by {entry.actor.kind === "user" ? entry.actor.name : <em>{entry.actor.name}</em>} ·{" "}
          <time dateTime={entry.at} title={absoluteTime(entry.at)}>
            {relativeTime(entry.at, now)}
          </time>{" "}
          ({absoluteTime(entry.at)}) · event {entry.eventId}
        </span>
      </div>
      {entry.link ? (
        <p className="mt-1 text-sm">
          <Link href={`/claims/${entry.link.claim.id}`}>“{entry.link.claim.name}”</Link>
        </p>
      ) : null}
      {entry.comment ? <p className="mt-1 text-sm italic text-ink/80">“{entry.comment}”</p> : null}
      {entry.changes.length > 0 ? (
        <div className="mt-3">
          <ChangeTable changes={entry.changes} />
        </div>
      ) : null}
      {entry.viewable || entry.revision ? (
        <div className="mt-3 flex flex-wrap items-start gap-x-4 gap-y-2 text-sm">
          {entry.viewable ? (
            <Link href={`${base}?version=${entry.eventId}#version`} className="self-center">
              View this version
            </Link>
          ) : null}
          {entry.revision && entity.type === "source" ? (
            <Link href={`/sources/${entity.id}/revisions/${entry.revision.after}`} className="self-center">
              Revision {entry.revision.after}
            </Link>
          ) : null}
          {entry.restorable && !entity.locked ? <RestoreButton type={entity.type} id={entity.id} eventId={entry.eventId} version={entity.version} when={absoluteTime(entry.at)} /> : null}
        </div>
      ) : null}
    </li>
  );
}

function VersionPanel({ version, entity }: { version: VersionDTO; entity: HistoryHeadDTO }) {
  return (
    <section id="version" aria-labelledby="version-heading" className="rounded-md border-2 border-ink/70 bg-white p-5">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="version-heading" className="font-serif text-xl font-bold">
          The {NOUN[entity.type]} as of {absoluteTime(version.at)}
        </h2>
        <Link href={`${entity.href}/history`} className="text-sm">
          Close
        </Link>
      </div>
      <p className="mb-3 text-sm text-muted">
        Version {version.version ?? "?"}, after event {version.eventId} by {version.actor.name}. Read-only.
      </p>
      <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[10rem_1fr]">
        {version.fields.map((f) => (
          <div key={f.field} className="contents">
            <dt className="font-medium">{f.label}</dt>
            <dd>
              <Value field={f.field} value={f.value} />
            </dd>
          </div>
        ))}
      </dl>
      {version.text ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer">The text at revision {String(version.snapshot.revision)}</summary>
          <div className="mt-2 max-h-96 overflow-y-auto whitespace-pre-line rounded border border-rule p-3 font-serif text-base leading-relaxed">{version.text}</div>
        </details>
      ) : null}
      {version.restorable && !entity.locked ? (
        <div className="mt-4">
          <RestoreButton type={entity.type} id={entity.id} eventId={version.eventId} version={entity.version} when={absoluteTime(version.at)} />
        </div>
      ) : null}
    </section>
  );
}

/** The whole history page body, shared by claims, sources and speakers. */
export function HistoryView({ history, version }: { history: HistoryDTO; version?: VersionDTO }) {
  const { entity, items } = history;
  const now = new Date(history.asOf).getTime();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2 border-b border-rule pb-4">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">History of a {NOUN[entity.type]} · now at version {entity.version}</p>
        <h1 className="font-serif text-2xl font-bold sm:text-3xl">{entity.name}</h1>
        <nav aria-label={`The ${NOUN[entity.type]}`} className="text-sm">
          <Link href={entity.href}>Back to the {NOUN[entity.type]}</Link>
        </nav>
      </header>
      {entity.locked ? <p className="rounded border-2 border-amber-500 bg-amber-50 p-3 text-sm">{entity.locked}</p> : null}
      {version ? <VersionPanel version={version} entity={entity} /> : null}
      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading" className="mb-3 font-serif text-xl font-bold">
          Changes, newest first
        </h2>
        {items.length === 0 ? (
          <p className="text-muted">Nothing has been recorded for this {NOUN[entity.type]} yet.</p>
        ) : (
          <ol className="space-y-3">
            {items.map((entry) => (
              <Entry key={entry.eventId} entry={entry} entity={entity} now={now} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
