import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { MARK_CLOSE, MARK_OPEN, type QueryTerm } from "@/lib/search-query";
import type { Db } from "../client";
import { rows } from "../sql";
import { CANDIDATES, type ClaimFilter, selectiveClaimFilter, WALK, type ClaimSnippet, type Key, type RankedHit, type SearchPlan, type SourceSnippet, type SpeakerSnippet } from "./types";

/**
 * Search on PostgreSQL: tsvector columns with GIN indexes under the `cp_porter` configuration
 * (migration 0004: the same stemming as SQLite's FTS5 index), ranked by ts_rank_cd with length
 * normalisation (1|32), negated so that, as with bm25, lower is better. Every word reaches
 * PostgreSQL as a bound value of plainto/phraseto_tsquery (or a prefix built from letters and
 * digits only), never as tsquery syntax.
 */

/** The tsquery of one term: a word, a phrase, and either with its last word as a prefix. */
function termQuery(term: QueryTerm): SQL {
  const words = term.words;
  const phrase = (list: string[]) => (list.length === 1 ? sql`plainto_tsquery('cp_porter', ${list[0]})` : sql`phraseto_tsquery('cp_porter', ${list.join(" ")})`);
  if (!term.prefix) return phrase(words);
  // parseSearchQuery keeps letters, digits and marks only: nothing here is tsquery syntax.
  const last = sql`to_tsquery('cp_porter', ${`${words[words.length - 1]}:*`})`;
  return words.length === 1 ? last : sql`tsquery_phrase(${phrase(words.slice(0, -1))}, ${last})`;
}

function matchQuery(plan: SearchPlan): SQL {
  return sql.join(plan.terms.map(termQuery), plan.mode === "all" ? sql` && ` : sql` || `);
}

/** Every word typed, in order, as one phrase (the last a prefix when typed so); null for one word. */
function phraseQuery(plan: SearchPlan): SQL | null {
  const words = plan.terms.flatMap((t) => t.words);
  if (words.length < 2) return null;
  return termQuery({ words, prefix: plan.terms[plan.terms.length - 1]!.prefix });
}

/**
 * How many of the newest ids a search reads first. A word in 4% of a million claims has its
 * newest 1,000 among the newest 25,000; the GIN index alone would have every page holding the
 * word read (40,000 for "health care") to keep the newest.
 */
const RECENT = 50 * CANDIDATES;

function page(after: Key | null, limit: number, id: SQL = sql`id`): SQL {
  if (!after) return sql`ORDER BY tier, score, ${id} LIMIT ${limit}`;
  return sql`WHERE (tier, score, ${id}) > (${after[0]}, ${after[1]}::double precision, ${after[2]}) ORDER BY tier, score, ${id} LIMIT ${limit}`;
}

/** ts_rank_cd's weights, in its order {D, C, B, A}: A (claim text, name, title) over B (quote, aliases, passage text). */
const claimWeights = sql`'{0, 0, 0.6, 1.0}'::real[]`;
const otherWeights = sql`'{0, 0, 0.5, 1.0}'::real[]`;

/** A term's words each on its own, all of them (the last a prefix when typed so): what the GIN index answers without rechecking positions. */
function wordsQuery(words: string[], prefix: boolean): SQL {
  return sql.join(
    words.map((w, i) => termQuery({ words: [w], prefix: prefix && i === words.length - 1 })),
    sql` && `,
  );
}

/** The plan's query with each quoted phrase loosened to its words: the rows its matches are among. */
function looseQuery(plan: SearchPlan): SQL {
  const loose = plan.terms.map((t) => (t.words.length === 1 ? termQuery(t) : sql`(${wordsQuery(t.words, t.prefix)})`));
  return sql.join(loose, plan.mode === "all" ? sql` && ` : sql` || `);
}

/**
 * The bounded candidates of a ranked search, as on SQLite (db/search/sqlite.ts): the newest
 * CANDIDATES matching rows that pass the filters, and ts_rank_cd computed for those only. `from`
 * names `table` as `t` (with `t.search_tsv` and `t.id`) and what joins to it; `extra` adds
 * columns to each candidate (`nulls` as many NULLs).
 *
 * Phrases are checked on the candidates, never through the index. The GIN index knows which
 * rows hold a word but not where, so a phrase searched through it rechecks the positions of
 * every row holding all its words (40,000 rows for "health care" at a million claims) before
 * the newest can be kept. Instead the candidates are the newest CANDIDATES rows holding the
 * words (each quoted phrase loosened to its words: `base`), and a quoted phrase is then checked
 * on their tsvectors (`rest`). Rows holding the whole query as one phrase come first (tier 0):
 * with `all` those are found among `base`; with `any`, among the newest CANDIDATES rows holding
 * every word (the newest rows holding any word need not hold them all). A phrase row among the
 * candidates is always among those, so the tiers never disagree. Unlike SQLite (whose index
 * walks a phrase's own rows newest first), a phrase older than the newest CANDIDATES rows
 * holding its words is not found; the search is then `capped` and says so.
 */
function ranked(table: string, from: SQL, where: SQL[], weights: SQL, plan: SearchPlan, extra: SQL = sql``, nulls: SQL = sql``, walk: number | null = null): SQL {
  const words = plan.terms.flatMap((t) => t.words);
  const phrase = phraseQuery(plan);
  const filters = where.length > 0 ? sql` AND ${sql.join(where, sql` AND `)}` : sql``;
  // The newest rows first: those among the newest RECENT ids (the index's matches ANDed with an
  // id range, so only their pages are read), then, only when fewer than CANDIDATES were there, the rest.
  const where_ = (query: SQL, range: SQL) => sql`SELECT t.id, t.search_tsv${extra} FROM ${from}, (SELECT ${query} AS q) q WHERE t.search_tsv @@ q.q${filters} AND ${range} ORDER BY t.id DESC LIMIT ${CANDIDATES}`;
  const bound = sql`(SELECT max(id) FROM ${sql.raw(table)}) - ${RECENT}`;
  // With a selective filter (types.ts WALK), the older rows are not read when the newest `walk`
  // rows holding the words all lie among the recent ids: the search is then capped.
  const crowded = (query: SQL) =>
    walk
      ? sql`(SELECT count(*) FROM (SELECT 1 FROM ${sql.raw(table)} w, (SELECT ${query} AS q) q WHERE w.search_tsv @@ q.q AND w.id > ${bound} LIMIT ${walk}) n) >= ${walk}`
      : sql`false`;
  const pick = (query: SQL) => sql`WITH recent AS MATERIALIZED (${where_(query, sql`t.id > ${bound}`)}),
      older AS MATERIALIZED (${where_(query, sql`t.id <= ${bound} AND (SELECT count(*) FROM recent) < ${CANDIDATES} AND NOT ${crowded(query)}`)})
    SELECT * FROM recent UNION ALL (SELECT * FROM older LIMIT ${CANDIDATES} - (SELECT count(*) FROM recent))`;
  const score = (query: SQL, table: string) => sql`-ts_rank_cd(${weights}, ${sql.raw(table)}.search_tsv, ${query}, 1|32)::double precision`;
  const match = matchQuery(plan);
  const quoted = plan.terms.some((t) => t.words.length > 1);
  const baseQuery = quoted ? looseQuery(plan) : match;
  const candidates = quoted
    ? sql`base AS MATERIALIZED (${pick(baseQuery)}), rest AS MATERIALIZED (SELECT base.* FROM base, (SELECT ${match} AS q) q WHERE base.search_tsv @@ q.q)`
    : sql`rest AS MATERIALIZED (${pick(baseQuery)}), base AS (SELECT id FROM rest)`;
  const pool = walk ? sql`(CASE WHEN ${crowded(baseQuery)} THEN ${CANDIDATES} ELSE (SELECT count(*) FROM base) END)::integer` : sql`(SELECT count(*) FROM base)::integer`;
  const phrased = phrase
    ? sql`, ${plan.mode === "all" ? sql`every_word AS (SELECT * FROM rest)` : sql`every_word AS MATERIALIZED (${pick(wordsQuery(words, plan.terms[plan.terms.length - 1]!.prefix))})`},
      phrase AS MATERIALIZED (SELECT every_word.* FROM every_word, (SELECT ${phrase} AS q) q WHERE every_word.search_tsv @@ q.q),
      found AS (
        SELECT phrase.*, 0 AS tier, ${score(phrase, "phrase")} AS score, ${pool} AS pool FROM phrase
        UNION ALL
        SELECT rest.*, 1 AS tier, ${score(match, "rest")} AS score, ${pool} AS pool FROM rest WHERE rest.id NOT IN (SELECT id FROM phrase))`
    : sql`, found AS (SELECT rest.*, 1 AS tier, ${score(match, "rest")} AS score, ${pool} AS pool FROM rest)`;
  // A quoted phrase may match none of a full `base`, and a selective filter none of the rows it
  // read: a row of NULLs then carries the pool, so the search can still say it is capped
  // (server/search/hits.ts drops the row).
  const empty = quoted || walk ? sql` UNION ALL SELECT NULL::integer, NULL::tsvector${nulls}, NULL::integer, NULL::double precision, ${pool} WHERE NOT EXISTS (SELECT 1 FROM found)` : sql``;
  return sql`WITH ${candidates}${phrased} SELECT * FROM found${empty}`;
}

export function claimHitsQuery(plan: SearchPlan, filter: ClaimFilter): SQL {
  const where: SQL[] = [sql`t.status IN (${sql.join(filter.statuses.map((s) => sql`${s}`), sql`, `)})`];
  if (filter.speaker) where.push(sql`t.speaker_id = ${filter.speaker}`);
  if (filter.story) where.push(sql`t.story_id = ${filter.story}`);
  if (filter.verdict) where.push(sql`t.rating_id IN (SELECT id FROM ratings WHERE key = ${filter.verdict})`);
  if (filter.from) where.push(sql`t.stated_on >= ${filter.from}`);
  if (filter.to) where.push(sql`t.stated_on <= ${filter.to}`);
  return sql`SELECT id, tier, score, pool FROM (${ranked("claims", sql`claims t`, where, claimWeights, plan, sql``, sql``, selectiveClaimFilter(filter) ? WALK : null)}) x ${page(plan.after, plan.limit)}`;
}

export function claimHits(db: Db, plan: SearchPlan, filter: ClaimFilter): Promise<RankedHit[]> {
  return rows<RankedHit>(db, claimHitsQuery(plan, filter));
}

/** Sources rank by their best passage among the newest matching ones (each passage is indexed with its source's title). */
export function sourceHits(db: Db, plan: SearchPlan, filter: { from?: string; to?: string; publicOnly?: boolean }): Promise<RankedHit[]> {
  const where: SQL[] = [];
  // Readers find a source's text only when it is publishable and has a published claim.
  if (filter.publicOnly) where.push(sql`s.publishable = true AND s.published_claims > 0`);
  if (filter.from) where.push(sql`s.published_on >= ${filter.from}`);
  if (filter.to) where.push(sql`s.published_on <= ${filter.to}`);
  const from = where.length > 0 ? sql`source_passages t JOIN sources s ON s.id = t.source_id` : sql`source_passages t`;
  return rows<RankedHit>(
    db,
    sql`SELECT source AS id, id AS passage, tier, score, pool FROM (
      SELECT DISTINCT ON (source) * FROM (${ranked("source_passages", from, where, otherWeights, plan, sql`, t.source_id AS source`, sql`, NULL::integer`, where.length > 0 ? WALK : null)}) c ORDER BY source, tier, score, id
    ) x ${page(plan.after, plan.limit, sql`source`)}`,
  );
}

export function speakerHits(db: Db, plan: SearchPlan, filter: { publicOnly?: boolean } = {}): Promise<RankedHit[]> {
  const where = [sql`t.merged_into_id IS NULL`, ...(filter.publicOnly ? [sql`t.published_claims > 0`] : [])];
  return rows<RankedHit>(db, sql`SELECT id, tier, score, pool FROM (${ranked("speakers", sql`speakers t`, where, otherWeights, plan)}) x ${page(plan.after, plan.limit)}`);
}

/** ts_headline options: the markers of lib/search-query, and about as many words as SQLite's snippets. */
const headline = (words: number, all = false) =>
  `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=${words}, MinWords=${Math.ceil(words / 3)}, ShortWord=0, MaxFragments=${all ? 0 : 1}, FragmentDelimiter=…, HighlightAll=${all}`;

/** Headlines are computed only for the rows of the page shown (ts_headline re-parses the text). */
export async function claimSnippets(db: Db, plan: SearchPlan, ids: number[]): Promise<Map<number, ClaimSnippet>> {
  if (ids.length === 0) return new Map();
  const found = await rows<ClaimSnippet & { id: number }>(
    db,
    sql`SELECT c.id, ts_headline('cp_porter', c.text, q.q, ${headline(64, true)}) AS text,
        CASE WHEN c.quote IS NULL THEN NULL ELSE ts_headline('cp_porter', c.quote, q.q, ${headline(32)}) END AS quote
      FROM claims c, (SELECT ${matchQuery(plan)} AS q) q WHERE c.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
  return new Map(found.map(({ id, ...s }) => [Number(id), s]));
}

/** Snippets of the best passages, keyed by passage id. */
export async function sourceSnippets(db: Db, plan: SearchPlan, passages: number[]): Promise<Map<number, SourceSnippet>> {
  if (passages.length === 0) return new Map();
  const found = await rows<SourceSnippet & { id: number }>(
    db,
    sql`SELECT p.id, ts_headline('cp_porter', s.title, q.q, ${headline(64, true)}) AS title, ts_headline('cp_porter', p.text, q.q, ${headline(40)}) AS text
      FROM source_passages p JOIN sources s ON s.id = p.source_id, (SELECT ${matchQuery(plan)} AS q) q
      WHERE p.id IN (${sql.join(passages.map((id) => sql`${id}`), sql`, `)})`,
  );
  return new Map(found.map(({ id, ...s }) => [Number(id), s]));
}

export async function speakerSnippets(db: Db, plan: SearchPlan, ids: number[]): Promise<Map<number, SpeakerSnippet>> {
  if (ids.length === 0) return new Map();
  const found = await rows<SpeakerSnippet & { id: number }>(
    db,
    sql`SELECT s.id, ts_headline('cp_porter', s.name, q.q, ${headline(64, true)}) AS name,
        ts_headline('cp_porter', (SELECT string_agg(a, ' · ') FROM jsonb_array_elements_text(s.aliases) AS a), q.q, ${headline(64, true)}) AS aliases
      FROM speakers s, (SELECT ${matchQuery(plan)} AS q) q WHERE s.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
  );
  return new Map(found.map(({ id, ...s }) => [Number(id), s]));
}

/** How many claims hold each word (a plain word or figure), counted up to `cap`. */
export async function wordCounts(db: Db, words: string[], cap: number): Promise<number[]> {
  const counts: number[] = [];
  for (const word of words) {
    const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::integer AS n FROM (SELECT 1 FROM claims WHERE search_tsv @@ plainto_tsquery('cp_porter', ${word}) LIMIT ${cap}) x`);
    counts.push(Number(row?.n ?? 0));
  }
  return counts;
}

/** Candidates for similar claims: claims holding any of `words`, among the given statuses: the newest CANDIDATES of them, best ranked first. */
export function similarCandidates(db: Db, words: string[], statuses: readonly string[], excludeId: number | null, limit: number): Promise<{ id: number; score: number }[]> {
  const q = sql.join(
    words.map((w) => sql`plainto_tsquery('cp_porter', ${w})`),
    sql` || `,
  );
  return rows(
    db,
    sql`SELECT c.id, -ts_rank_cd(${claimWeights}, c.search_tsv, q.q, 1|32)::double precision AS score
      FROM (
        SELECT t.id, t.search_tsv FROM claims t, (SELECT ${q} AS q) q
        WHERE t.search_tsv @@ q.q AND t.status IN (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)}) AND t.id IS DISTINCT FROM ${excludeId}::integer
        ORDER BY t.id DESC LIMIT ${CANDIDATES}
      ) c, (SELECT ${q} AS q) q
      ORDER BY score, c.id LIMIT ${limit}`,
  );
}
