import "server-only";
import { and, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { row as rawRow } from "@/db/sql";
import { withTx } from "@/db/tx";
import { claims, sourceRevisions, sources, speakers, suggestionRejections } from "@/db/schema";
import { createAnchor, splitParagraphs, type ParagraphRange, type TextAnchor } from "@/lib/anchoring";
import { CodePointIndex } from "@/lib/codepoints";
import type { AcceptedSuggestionsDTO, SuggestionDTO, SuggestionRejectionDTO, SuggestionsPageDTO, TextSpanDTO } from "@/lib/dto";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { SpeakerKind } from "@/lib/model";
import type { AcceptSuggestionsInput, SpanInput } from "@/lib/schemas";
import { SUGGESTION_DEADLINE_MS, SUGGESTION_RANGE_MAX } from "@/lib/schemas";
import { groupOf, isFragment, type KnownSpeaker, normaliseStatement, type Span } from "@/lib/suggest";
import { normalizeName } from "@/lib/speaker-names";
import type { UserViewer } from "./authz";
import { getClaimsByIds } from "./claim-query";
import { insertClaim } from "./claims-write";
import { recordEvent } from "./events";
import { offload } from "./offload";

/**
 * Claim suggestions for a source, where fact-checkers work: the engine (lib/suggest) run on the
 * current text, chunk by chunk, minus what is already a claim and what was rejected before.
 */

/** Paragraphs read before a chunk (not reported) so "he" or "the group" finds its speaker. */
const CONTEXT_PARAGRAPHS = 2;
const CONTEXT_MAX = 4000;

/**
 * A suggestion is already a claim when their spans overlap by at least half of either one
 * (so a short claim inside a long suggestion drops it, as does a long claim around it).
 */
export function coversHalf(a: Span, b: Span): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > 0 && (2 * overlap >= a.end - a.start || 2 * overlap >= b.end - b.start);
}

/**
 * The paragraph-aligned range for a request: from the start of the paragraph holding `start`
 * (or `start` itself between paragraphs) to the end of the last paragraph ending by `end` (no
 * `end`: SUGGESTION_RANGE_MAX code points on). At least one paragraph — but never more than
 * SUGGESTION_RANGE_MAX code points: a paragraph longer than that is read in pieces, each ending
 * after a sentence's full stop or at a space where it can (`cut`, the end of the piece).
 */
function alignRange(index: CodePointIndex, paragraphs: ParagraphRange[], request: { start?: number; end?: number }) {
  const length = index.length;
  const from = request.start ?? 0;
  const first = paragraphs.findIndex((p) => p.end > from);
  if (first < 0) return { start: from, end: length, first: 0, last: -1, cut: null };
  const paragraph = paragraphs[first]!;
  // Inside a paragraph too long for one request, the previous piece ended at `from`: go on from there.
  const start = from > paragraph.start && paragraph.end - paragraph.start > SUGGESTION_RANGE_MAX ? from : Math.min(from, paragraph.start);
  if (paragraph.end > start + SUGGESTION_RANGE_MAX) {
    const cut = cutPoint(index, start, start + SUGGESTION_RANGE_MAX);
    return { start, end: cut, first, last: first, cut };
  }
  const to = Math.min(request.end ?? length, length, start + SUGGESTION_RANGE_MAX);
  let last = first;
  while (last + 1 < paragraphs.length && paragraphs[last + 1]!.end <= to) last++;
  // The last chunk reaches the end of the text (trailing line breaks included).
  const end = last === paragraphs.length - 1 ? length : paragraphs[last]!.end;
  return { start, end, first, last, cut: null };
}

/** Where to end a piece of a paragraph that goes on past `limit`: after the last ". " (or space) in its second half. */
function cutPoint(index: CodePointIndex, start: number, limit: number): number {
  const tail = index.slice(start + Math.floor((limit - start) / 2), limit);
  const sentence = Math.max(tail.lastIndexOf(". "), tail.lastIndexOf("? "), tail.lastIndexOf("! "));
  const space = tail.lastIndexOf(" ");
  const at = sentence >= 0 ? sentence + 2 : space >= 0 ? space + 1 : -1;
  return at < 0 ? limit : start + Math.floor((limit - start) / 2) + [...tail.slice(0, at)].length;
}

// ---- known speakers -------------------------------------------------------------------------

type IndexedSpeaker = KnownSpeaker & { kind: SpeakerKind; keys: string[] };
type SpeakerIndex = { fingerprint: string; byLastWord: Map<string, IndexedSpeaker[]> };

/**
 * Per connection; rebuilt when a speaker is added (count, highest id) or changed — every change
 * (edit, merge, restore) records a speaker event. The events are counted, not their highest id:
 * on PostgreSQL ids are handed out before commit, so a transaction that commits late can add an
 * event below the highest id already seen. Index lookups all, unlike summing versions.
 */
const speakerIndexes = new WeakMap<Db, SpeakerIndex>();

async function speakerIndex(db: Db): Promise<SpeakerIndex> {
  // Three scalar subqueries: together in one SELECT, count(*) and max(id) would scan the table.
  const f = await rawRow<{ n: number; max_id: number; speaker_events: number }>(
    db,
    sql`SELECT (SELECT count(*) FROM speakers) AS n, (SELECT coalesce(max(id), 0) FROM speakers) AS max_id, (SELECT count(*) FROM events WHERE entity_type = 'speaker') AS speaker_events`,
  );
  const fingerprint = `${f?.n}:${f?.max_id}:${f?.speaker_events}`;
  const cached = speakerIndexes.get(db);
  if (cached?.fingerprint === fingerprint) return cached;
  const byLastWord = new Map<string, IndexedSpeaker[]>();
  const rows = await db.select({ id: speakers.id, name: speakers.name, kind: speakers.kind, aliases: speakers.aliases }).from(speakers).where(isNull(speakers.mergedIntoId));
  for (const row of rows) {
    const keys = [...new Set([row.name, ...row.aliases].map(normalizeName).filter(Boolean))];
    const entry: IndexedSpeaker = { id: row.id, name: row.name, aliases: row.aliases, kind: row.kind, keys };
    for (const last of new Set(keys.map((k) => k.slice(k.lastIndexOf(" ") + 1)))) {
      const list = byLastWord.get(last);
      if (list) list.push(entry);
      else byLastWord.set(last, [entry]);
    }
  }
  const built = { fingerprint, byLastWord };
  speakerIndexes.set(db, built);
  return built;
}

/**
 * The live speakers the engine could match in `text`: those whose name or an alias occurs in
 * it (compared as the engine compares names: case, accents and punctuation aside), and persons
 * whose surname occurs (the engine matches "Bona" to "Pen Bona"). Found through an index of
 * last words, so the cost follows the text's words, not the number of speakers.
 */
export async function knownSpeakersIn(db: Db, text: string): Promise<KnownSpeaker[]> {
  const normalized = normalizeName(text);
  const padded = ` ${normalized} `;
  const words = new Set(normalized.split(" "));
  const { byLastWord } = await speakerIndex(db);
  const found = new Map<number, KnownSpeaker>();
  for (const word of words) {
    for (const s of byLastWord.get(word) ?? []) {
      if (found.has(s.id)) continue;
      if (s.kind === "person" || s.keys.some((k) => padded.includes(` ${k} `))) found.set(s.id, { id: s.id, name: s.name, aliases: s.aliases });
    }
  }
  return [...found.values()];
}

// ---- rejections -----------------------------------------------------------------------------

type RejectionRow = { revision: number; start: number; end: number; exact: string };

/**
 * Keys `start:exact` of the rejections that apply to the current text. One made at the current
 * revision applies where it was made; an older one is re-anchored from its revision's text (by
 * the diff of the two revisions, then by its words and context), and applies only where the
 * very same words still are — an edited passage is a new suggestion.
 */
async function rejectedKeys(db: Db, sourceId: number, current: { text: string; revision: number }, rows: RejectionRow[]): Promise<Set<string>> {
  const keys = new Set<string>();
  const byRevision = new Map<number, RejectionRow[]>();
  for (const r of rows) {
    if (r.revision === current.revision) keys.add(`${r.start}:${r.exact}`);
    else byRevision.set(r.revision, [...(byRevision.get(r.revision) ?? []), r]);
  }
  if (byRevision.size === 0) return keys;
  const texts = await db
    .select({ revision: sourceRevisions.revision, text: sourceRevisions.text })
    .from(sourceRevisions)
    .where(and(eq(sourceRevisions.sourceId, sourceId), inArray(sourceRevisions.revision, [...byRevision.keys()])));
  for (const { revision, text } of texts) {
    const old = new CodePointIndex(text);
    const anchors: TextAnchor[] = byRevision.get(revision)!.filter((r) => r.end <= old.length && old.slice(r.start, r.end) === r.exact).map((r) => createAnchor(old, r.start, r.end));
    // Diffing two long revisions is long work: on a worker thread, like the suggestions.
    const results = await offload("reanchorAll", { oldText: text, newText: current.text, anchors }, { deadlineMs: SUGGESTION_DEADLINE_MS, what: "Placing earlier rejections in the current text" });
    results.forEach((result, i) => {
      if (result.status === "anchored" && result.anchor.exact === anchors[i]!.exact) keys.add(`${result.start}:${result.anchor.exact}`);
    });
  }
  return keys;
}

// ---- suggestions ----------------------------------------------------------------------------

/**
 * Suggestions for a source's current text, or for the paragraph-aligned chunk of it that
 * `range` asks for (offsets always of the whole text). Each suggestion is reported by the chunk
 * its content starts in, so consecutive chunks (`start` = the previous `range.end`) cover the
 * text once. Spans already claimed and suggestions rejected for this source are left out.
 */
export async function suggestForSource(db: Db, _viewer: UserViewer, sourceId: number, range: { start?: number; end?: number } = {}): Promise<SuggestionsPageDTO> {
  const [source] = await db.select({ text: sources.text, revision: sources.revision }).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new NotFoundError(`No source with id ${sourceId}.`);
  const index = new CodePointIndex(source.text);
  const length = index.length;
  if (range.start !== undefined && range.start > length) throw new ValidationError(`The range starts past the end of the text (${length} code points).`, { start: `must be at most ${length}` });
  if (range.start !== undefined && range.end !== undefined && range.end - range.start > SUGGESTION_RANGE_MAX) {
    throw new ValidationError(`A request reads at most ${SUGGESTION_RANGE_MAX} code points of the text; ask for the rest in further requests.`, { end: `must be at most start + ${SUGGESTION_RANGE_MAX}` });
  }
  const paragraphs = splitParagraphs(source.text);
  const chunk = alignRange(index, paragraphs, range);
  const done = chunk.end >= length;
  if (chunk.last < chunk.first) return { items: [], range: { start: chunk.start, end: chunk.end }, length, done, rejected: 0, claimed: 0, fragments: 0 };

  let from = chunk.first;
  while (from > 0 && chunk.first - from < CONTEXT_PARAGRAPHS && paragraphs[chunk.first]!.start - paragraphs[from - 1]!.start <= CONTEXT_MAX) from--;
  // Within a long paragraph, the context is what comes just before the piece.
  const offset = chunk.start > paragraphs[chunk.first]!.start ? Math.max(paragraphs[chunk.first]!.start, chunk.start - CONTEXT_MAX) : paragraphs[from]!.start;
  const readEnd = chunk.cut ?? paragraphs[chunk.last]!.end;
  const text = index.slice(offset, readEnd);
  // The engine runs on a worker thread, so other requests are answered meanwhile.
  const suggested = await offload("suggest", { text, knownSpeakers: await knownSpeakersIn(db, text) }, { deadlineMs: SUGGESTION_DEADLINE_MS, what: "Finding claim suggestions" });
  const found = suggested.filter((s) => s.content.start + offset >= chunk.start && s.content.start + offset < chunk.end);

  const claimed = (await db
    .select({ start: claims.anchorStart, end: claims.anchorEnd })
    .from(claims)
    .where(and(eq(claims.sourceId, sourceId), eq(claims.anchorState, "anchored"), lt(claims.anchorStart, readEnd), gt(claims.anchorEnd, chunk.start)))) as Span[];
  const names = new Map<number, string>();
  const ids = [...new Set(found.flatMap((s) => (s.speaker?.speakerId != null ? [s.speaker.speakerId] : [])))];
  if (ids.length > 0) for (const s of await db.select({ id: speakers.id, name: speakers.name }).from(speakers).where(inArray(speakers.id, ids))) names.set(s.id, s.name);

  const at = (span: Span | null): TextSpanDTO | null => (span ? { start: span.start + offset, end: span.end + offset, text: index.slice(span.start + offset, span.end + offset) } : null);
  const candidates: SuggestionDTO[] = [];
  let claimedCount = 0;
  let fragments = 0;
  for (const s of found) {
    const content = at(s.content)!;
    if (claimed.some((c) => coversHalf(c, content))) {
      claimedCount++;
      continue;
    }
    if (isFragment(content.text)) {
      fragments++;
      continue;
    }
    const speaker = s.speaker ? { name: s.speaker.name, kind: s.speaker.kind, speakerId: s.speaker.speakerId, speakerName: s.speaker.speakerId != null ? (names.get(s.speaker.speakerId) ?? null) : null } : null;
    const source = at(s.source);
    const cue = at(s.cue);
    candidates.push({
      content,
      source,
      cue,
      speaker,
      quantities: s.quantities.map((q) => ({ ...q, start: q.start + offset, end: q.end + offset })),
      score: s.score,
      scoreParts: s.scoreParts,
      kind: s.kind,
      confidence: s.confidence,
      group: groupOf(s.confidence),
      statement: normaliseStatement({ content, source, cue, speaker: speaker ? { name: speaker.speakerName ?? speaker.name, kind: speaker.kind } : null, kind: s.kind }),
    });
  }

  // Only rejections of words suggested here can matter; most chunks need no re-anchoring.
  const texts = [...new Set(candidates.map((s) => s.content.text))];
  const rows =
    texts.length === 0
      ? []
      : await db
          .select({ revision: suggestionRejections.revision, start: suggestionRejections.start, end: suggestionRejections.end, exact: suggestionRejections.exact })
          .from(suggestionRejections)
          .where(and(eq(suggestionRejections.sourceId, sourceId), inArray(suggestionRejections.exact, texts)));
  const rejected = rows.length > 0 ? await rejectedKeys(db, sourceId, source, rows) : new Set<string>();
  const items = candidates.filter((s) => !rejected.has(`${s.content.start}:${s.content.text}`));
  return { items, range: { start: chunk.start, end: chunk.end }, length, done, rejected: candidates.length - items.length, claimed: claimedCount, fragments };
}

/**
 * Records that a suggestion was rejected, so it is not proposed again for this source — also
 * after a revision that keeps its words. The span must be exactly the current text there.
 * Rejecting the same span twice changes nothing (and records no second event).
 */
export async function rejectSuggestion(db: Db, viewer: UserViewer, sourceId: number, span: SpanInput): Promise<SuggestionRejectionDTO> {
  return withTx(db, async (tx) => {
    const [source] = await tx.select({ text: sources.text, revision: sources.revision }).from(sources).where(eq(sources.id, sourceId));
    if (!source) throw new NotFoundError(`No source with id ${sourceId}.`);
    const index = new CodePointIndex(source.text);
    if (span.end > index.length) throw new ValidationError(`The span ends at ${span.end}, past the end of the text (${index.length} code points).`, { end: `must be at most ${index.length}` });
    if (index.slice(span.start, span.end) !== span.exact) {
      throw new ValidationError("The suggested text does not match the source at that position (the source may have been revised).", { exact: `does not match the text at ${span.start}–${span.end}` });
    }
    const [inserted] = await tx
      .insert(suggestionRejections)
      .values({ sourceId, revision: source.revision, start: span.start, end: span.end, exact: span.exact, createdBy: viewer.id })
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      await recordEvent(tx, { actor: viewer.id, entityType: "source", entityId: sourceId, action: "suggestion-reject", after: { revision: inserted.revision, start: inserted.start, end: inserted.end, exact: inserted.exact } });
      return toRejectionDTO(inserted, true);
    }
    const [existing] = await tx
      .select()
      .from(suggestionRejections)
      .where(and(eq(suggestionRejections.sourceId, sourceId), eq(suggestionRejections.exact, span.exact), eq(suggestionRejections.start, span.start)));
    return toRejectionDTO(existing!, false);
  });
}

function toRejectionDTO(row: typeof suggestionRejections.$inferSelect, created: boolean): SuggestionRejectionDTO {
  return { id: row.id, sourceId: row.sourceId, revision: row.revision, start: row.start, end: row.end, exact: row.exact, createdAt: row.createdAt, created };
}

/** "“The port authority was ignoring…”": a suggestion's words, short enough for a message. */
const shortQuote = (words: string) => `“${words.length > 60 ? `${words.slice(0, 57).trimEnd()}…` : words}”`;

/** The body limit of accepting a group: up to 200 spans and claim texts can outgrow the usual JSON limit. */
export const ACCEPT_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * Accepts a group of suggestions: each becomes a draft claim on its span of the source's current
 * text, with its speaker (an existing one, or a new one made once however many items name it), in
 * one transaction — all or nothing. Each item is checked as POST /api/claims checks a claim; the
 * first refused one refuses the whole group, its fields prefixed `items.N.` and the message
 * naming the suggestion by its place and words. Each claim's create event says it came from the
 * group.
 */
export async function acceptSuggestions(db: Db, viewer: UserViewer, sourceId: number, input: AcceptSuggestionsInput): Promise<AcceptedSuggestionsDTO> {
  const ids = await withTx(db, async (tx) => {
    const [source] = await tx.select({ id: sources.id }).from(sources).where(eq(sources.id, sourceId));
    if (!source) throw new NotFoundError(`No source with id ${sourceId}.`);
    const made: number[] = [];
    for (const [i, item] of input.items.entries()) {
      const claim = { text: item.text, sourceId, anchor: item.anchor, speakerId: item.speakerId, speaker: item.speaker, statedOn: item.statedOn };
      try {
        made.push((await insertClaim(tx, viewer, claim, `items.${i}.`, `accepted from a claim suggestion (${i + 1} of ${input.items.length})`)).id);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        // The same kind of refusal (400, or 422), naming the suggestion.
        const Refusal = error.constructor as new (message: string, fields: Record<string, string>) => ValidationError;
        throw new Refusal(`Suggestion ${i + 1} of ${input.items.length} (${shortQuote(item.anchor.exact)}) cannot be saved, so none was: ${error.message}`, error.fields);
      }
    }
    return made;
  });
  const byId = await getClaimsByIds(db, viewer, ids);
  return { items: ids.map((id) => byId.get(id)!) };
}
