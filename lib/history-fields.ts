/**
 * How a snapshot of a claim, source or speaker (an event's before/after) is read into labelled
 * fields and field-level changes for the history pages. Pure: safe in the browser.
 */
import type { FieldChangeDTO, HistoryEntityType, HistoryFieldKind, HistoryRef, HistoryValue, VersionFieldDTO } from "./history-schemas";

export type Snapshot = Record<string, unknown>;
export type RefKind = "speaker" | "story" | "source" | "rating" | "user" | "claim";

export interface FieldSpec {
  key: string;
  label: string;
  kind: HistoryFieldKind;
  ref?: RefKind;
  /** A value made from several columns (a claim's place in its source). */
  derive?: (s: Snapshot) => HistoryValue;
}

/** "code points 120–164 of revision 2", or null for a claim without an anchor. */
function anchorPlace(s: Snapshot): HistoryValue {
  if (typeof s.anchorStart !== "number" || typeof s.anchorEnd !== "number") return null;
  return `code points ${s.anchorStart}–${s.anchorEnd} of revision ${String(s.anchorRevision ?? "?")}`;
}

const FIELDS: Record<HistoryEntityType, FieldSpec[]> = {
  claim: [
    { key: "text", label: "Claim", kind: "text" },
    { key: "quote", label: "Quote", kind: "text" },
    { key: "speakerId", label: "Speaker", kind: "ref", ref: "speaker" },
    { key: "sourceId", label: "Source", kind: "ref", ref: "source" },
    { key: "storyId", label: "Story", kind: "ref", ref: "story" },
    { key: "statedOn", label: "Stated on", kind: "value" },
    { key: "status", label: "Status", kind: "value" },
    { key: "ratingId", label: "Verdict", kind: "ref", ref: "rating" },
    { key: "rationale", label: "Rationale", kind: "text" },
    { key: "publishedAt", label: "Published at", kind: "value" },
    { key: "anchorExact", label: "Anchored text", kind: "text" },
    { key: "anchor", label: "Place in the source", kind: "value", derive: anchorPlace },
    { key: "anchorState", label: "Anchor", kind: "value" },
    { key: "assigneeId", label: "Assigned to", kind: "ref", ref: "user" },
  ],
  source: [
    { key: "title", label: "Title", kind: "text" },
    { key: "kind", label: "Kind", kind: "value" },
    { key: "publisher", label: "Publisher", kind: "value" },
    { key: "author", label: "Author", kind: "value" },
    { key: "url", label: "URL", kind: "value" },
    { key: "publishedOn", label: "Published on", kind: "value" },
    { key: "language", label: "Language", kind: "value" },
    { key: "revision", label: "Revision", kind: "value" },
  ],
  speaker: [
    { key: "name", label: "Name", kind: "text" },
    { key: "kind", label: "Kind", kind: "value" },
    { key: "description", label: "Description", kind: "text" },
    { key: "aliases", label: "Also known as", kind: "list" },
    { key: "affiliationId", label: "Affiliation", kind: "ref", ref: "speaker" },
    { key: "mergedIntoId", label: "Merged into", kind: "ref", ref: "speaker" },
  ],
};

/** Bookkeeping, never listed. */
const BOOKKEEPING = new Set(["id", "version", "createdAt", "updatedAt", "createdBy"]);

/**
 * Columns the database keeps from other rows (a claim's dispute and request counters, its verdict
 * date, its queue reason): not part of anyone's edit, so never stored in the log.
 */
const DERIVED = new Set(["disputeCount", "publicDisputeCount", "requestCount", "verdictAt", "queueReason"]);

/** A snapshot without the columns the database derives. */
export function withoutDerived(snapshot: Snapshot | null): Snapshot | null {
  if (!snapshot) return snapshot;
  return Object.fromEntries(Object.entries(snapshot).filter(([key]) => !DERIVED.has(key)));
}

/** Shown through another field (the anchor's place), or not part of the row (a source's re-anchoring report). */
const FOLDED: Record<HistoryEntityType, ReadonlySet<string>> = {
  claim: new Set(["anchorPrefix", "anchorSuffix", "anchorStart", "anchorEnd", "anchorRevision"]),
  source: new Set(["text", "reanchor"]),
  speaker: new Set(),
};

/** The fields to show for `type`: the known ones, then any other column found in the snapshots. */
export function fieldSpecs(type: HistoryEntityType, snapshots: (Snapshot | null)[]): FieldSpec[] {
  const known = new Set(FIELDS[type].map((f) => f.key));
  const extra = new Set<string>();
  for (const s of snapshots) {
    for (const key of Object.keys(s ?? {})) {
      if (!known.has(key) && !BOOKKEEPING.has(key) && !FOLDED[type].has(key)) extra.add(key);
    }
  }
  return [...FIELDS[type], ...[...extra].map((key): FieldSpec => ({ key, label: key, kind: "value" }))];
}

function normalise(value: unknown): HistoryValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  return JSON.stringify(value);
}

function rawValue(spec: FieldSpec, snapshot: Snapshot | null): HistoryValue {
  if (!snapshot) return spec.kind === "list" ? [] : null;
  const value = spec.derive ? spec.derive(snapshot) : normalise(snapshot[spec.key]);
  return spec.kind === "list" && value === null ? [] : value;
}

/** Collects the ids that `specs` reference in `snapshots`, by kind, to resolve them in one query each. */
export function collectRefs(specs: FieldSpec[], snapshots: (Snapshot | null)[], into: Map<RefKind, Set<number | string>>): void {
  for (const spec of specs) {
    if (!spec.ref) continue;
    for (const s of snapshots) {
      const v = s?.[spec.key];
      if (typeof v === "number" || typeof v === "string") addRef(into, spec.ref, v);
    }
  }
}

export function addRef(into: Map<RefKind, Set<number | string>>, kind: RefKind, id: number | string): void {
  let set = into.get(kind);
  if (!set) into.set(kind, (set = new Set()));
  set.add(id);
}

export type Resolve = (kind: RefKind, id: number | string) => HistoryRef;

function present(spec: FieldSpec, value: HistoryValue, resolve: Resolve): HistoryValue {
  if (spec.ref && (typeof value === "number" || typeof value === "string")) return resolve(spec.ref, value);
  return value;
}

/** The field-level changes from `before` to `after` (either may be null: a creation, a deletion). */
export function diffSnapshots(specs: FieldSpec[], before: Snapshot | null, after: Snapshot | null, resolve: Resolve): FieldChangeDTO[] {
  const changes: FieldChangeDTO[] = [];
  for (const spec of specs) {
    const b = rawValue(spec, before);
    const a = rawValue(spec, after);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const change: FieldChangeDTO = { field: spec.key, label: spec.label, kind: spec.kind, before: present(spec, b, resolve), after: present(spec, a, resolve) };
    if (spec.kind === "list" && Array.isArray(a) && Array.isArray(b)) {
      change.added = a.filter((x) => !b.includes(x));
      change.removed = b.filter((x) => !a.includes(x));
    }
    changes.push(change);
  }
  return changes;
}

/** A snapshot's fields for reading; empty values are left out. */
export function snapshotFields(specs: FieldSpec[], snapshot: Snapshot, resolve: Resolve): VersionFieldDTO[] {
  return specs
    .map((spec) => ({ field: spec.key, label: spec.label, kind: spec.kind, value: present(spec, rawValue(spec, snapshot), resolve) }))
    .filter((f) => f.value !== null && !(Array.isArray(f.value) && f.value.length === 0));
}

/**
 * The changed stretch of a long text with some context either side, for a word-level diff
 * without sending megabytes: the common head and tail are cut at word boundaries.
 */
export function textExcerpts(before: string, after: string, context = 200, max = 4000): { before: string; after: string; truncated: boolean } {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const cut = (text: string) => {
    let start = Math.max(0, head - context);
    if (start > 0) {
      const space = text.slice(start, head).search(/\s/);
      start = space >= 0 ? start + space + 1 : start;
      if (/[\uDC00-\uDFFF]/.test(text[start] ?? "")) start--;
    }
    let end = Math.min(text.length, text.length - tail + context);
    if (end < text.length) {
      const from = text.length - tail;
      const space = text.slice(from, end).search(/\s[^\s]*$/);
      end = space >= 0 ? from + space : end;
      if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? "")) end++;
    }
    let middle = text.slice(start, end);
    const long = middle.length > max;
    if (long) middle = middle.slice(0, max);
    return { text: `${start > 0 ? "…" : ""}${middle}${end < text.length || long ? "…" : ""}`, long };
  };
  const b = cut(before);
  const a = cut(after);
  return { before: b.text, after: a.text, truncated: b.long || a.long };
}

/**
 * What the audit log stores for a change: the fields that changed, before and after. A row is
 * stored whole once, when it is created (or deleted); each later event holds only its changes,
 * so the log stays a small part of the database (a million claims' full snapshots at every step
 * would be two thirds of it). `replaySnapshots` rebuilds the whole row at any event.
 */
export function compactChange(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } {
  const b: Snapshot = {};
  const a: Snapshot = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key in before) b[key] = before[key];
    if (key in after) a[key] = after[key];
  }
  return { before: b, after: a };
}

/**
 * The entity whole before and after each of its events (given oldest first): each event's stored
 * changes applied in turn to what came before. Works as well on logs that stored whole rows.
 */
export function replaySnapshots<E extends { id: number; before: Snapshot | null; after: Snapshot | null }>(events: E[]): Map<number, { before: Snapshot | null; after: Snapshot | null }> {
  const out = new Map<number, { before: Snapshot | null; after: Snapshot | null }>();
  let state: Snapshot | null = null;
  for (const event of events) {
    const before: Snapshot | null = event.before || state ? { ...(state ?? {}), ...(event.before ?? {}) } : null;
    state = event.after ? { ...before, ...event.after } : null;
    out.set(event.id, { before, after: state });
  }
  return out;
}
