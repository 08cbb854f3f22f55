/**
 * The history of a claim, source or speaker, read from the events log: the zod schema of a
 * restore request and the JSON shapes the history API returns and the history pages render
 * (lib/history-fields.ts reads snapshots into them). Pure: safe in the browser.
 */
import { z } from "zod";
import type { LinkKind } from "./model";
import { canonicalNumber, versionSchema } from "./schemas";

export const HISTORY_TYPES = ["claim", "source", "speaker"] as const;
export type HistoryEntityType = (typeof HISTORY_TYPES)[number];

/** The id of an event (a version of an entity) in a query string, e.g. `?version=57`. */
export const eventIdSchema = canonicalNumber(z.number({ error: "must be an event id" }).int("must be a whole number").positive("must be positive").max(Number.MAX_SAFE_INTEGER));

/** POST /api/{claims,sources,speakers}/{id}/restore: the version to go back to, and the current version the restore is based on. */
export const restoreVersionSchema = z
  .object({
    eventId: z.number({ error: "must be the id of the event whose version to restore" }).int("must be a whole number").positive("must be positive"),
    version: versionSchema,
  })
  .strict();
export type RestoreVersionInput = z.infer<typeof restoreVersionSchema>;

/** A value shown in a change: references (speaker, story, rating …) are resolved to names. */
export type HistoryValue = string | number | boolean | null | string[] | HistoryRef;

export interface HistoryRef {
  id: number | string;
  name: string;
}

/**
 * How a field is shown: `text` with a word-level diff, `ref` as a named link, `list` as the
 * names added and removed, `value` as it is.
 */
export type HistoryFieldKind = "text" | "value" | "ref" | "list";

export interface FieldChangeDTO {
  /** The column's name in the snapshot (`speakerId`, `text` …); `anchor` stands for the anchor's position. */
  field: string;
  label: string;
  kind: HistoryFieldKind;
  before: HistoryValue;
  after: HistoryValue;
  /** For lists (a speaker's aliases): what the change added and removed. */
  added?: string[];
  removed?: string[];
  /** For a source's text: only the changed stretch with some context is given, and it was cut short. */
  truncated?: boolean;
}

export interface HistoryActor {
  /** The user id, or the system actor as recorded (`system:seed` …). */
  id: string;
  name: string;
  kind: "user" | "system";
}

export interface HistoryEntryDTO {
  eventId: number;
  /** The entity the event is about: the page's own entity, or a `link` touching the claim. */
  entityType: string;
  entityId: string;
  action: string;
  /** The action in words, e.g. "Edited", "Linked: disputed by claim 12". */
  summary: string;
  actor: HistoryActor;
  at: string;
  comment: string | null;
  changes: FieldChangeDTO[];
  /** For a link event on a claim's history: the link, read from this claim's side. */
  link?: { id: number; kind: LinkKind; direction: "incoming" | "outgoing"; claim: HistoryRef };
  /** For a source event that changed the text: the revisions before and after. */
  revision?: { before: number | null; after: number };
  /** The event carries a snapshot of the entity, which can be viewed. */
  viewable: boolean;
  /** Restoring this version would change the entity's current content. */
  restorable: boolean;
}

export interface HistoryHeadDTO {
  type: HistoryEntityType;
  id: number;
  /** The claim's text, the source's title, the speaker's name. */
  name: string;
  version: number;
  /** The entity's own page. */
  href: string;
  /** Why nothing can be restored (an archived claim, a merged speaker), or null. */
  locked: string | null;
}

export interface VersionFieldDTO {
  field: string;
  label: string;
  kind: HistoryFieldKind;
  value: HistoryValue;
}

/** The entity as it was right after one event. */
export interface VersionDTO {
  eventId: number;
  action: string;
  at: string;
  actor: HistoryActor;
  /** The entity's version number in that snapshot. */
  version: number | null;
  /** The event's `after` snapshot, as recorded. */
  snapshot: Record<string, unknown>;
  /** The snapshot's fields for reading, references resolved. */
  fields: VersionFieldDTO[];
  /** A source's text at the snapshot's revision. */
  text?: string | null;
  restorable: boolean;
}

export interface HistoryDTO {
  /** When the history was read: the "now" its relative times ("3 days ago") are counted from. */
  asOf: string;
  entity: HistoryHeadDTO;
  /** Newest first. */
  items: HistoryEntryDTO[];
}

// ---- reading snapshots -------------------------------------------------------------------

/*
 * Which fields of a snapshot are listed (labelled, in a sensible order) and which are
 * bookkeeping; references are resolved to names by the caller's `Resolve`. A column added later
 * still shows, under its own name, until it gets a label here.
 */

/** GET …/history query: `version` is an event id whose snapshot to show beside the history. */
export const historyQuerySchema = z.object({ version: eventIdSchema.optional() });
