import "server-only";
import type { Db } from "@/db/client";
import { changeVersion } from "@/db/changes";
import { matchCandidates, matchVocabulary } from "@/db/matching";
import type { MatchDTO } from "@/lib/dto";
import { type Candidate, type CorpusStats, DEFAULT_CANDIDATES, rankCandidates, stage1Query } from "@/lib/matching";
import { type Viewer, visibleStatuses } from "@/lib/model";
import { getClaimsByIds } from "./claim-query";

/**
 * "Checked before?": the claims already recorded that a text (a post, a quote, a paragraph)
 * repeats, best first, each with its strength and why it matches (lib/matching).
 *
 * 1. Stage 1: the matching index (db/matching) returns the best DEFAULT_CANDIDATES claims the
 *    viewer may see for one OR query of the text's rarest words.
 * 2. Stage 2: lib/matching re-ranks them with the committed model and explains each.
 *
 * The date compared with a post's is when the claim was stated, else when it was published (for
 * an imported fact-check: when it was checked, as in the training data).
 *
 * Drafts never reach a reader: stage 1 filters by the viewer's statuses, and the claims are read
 * through getClaimsByIds, which filters again. The word statistics (idf) count every claim; they
 * weight words and reveal no claim.
 */

interface StatsEntry {
  version: string;
  stats: CorpusStats;
  at: number;
  tookMs: number;
}
const statsCache = new WeakMap<object, StatsEntry>();

/** Statistics that take longer than this to compute are kept a while after a change (below). */
const SLOW_STATS_MS = 100;

/**
 * The archive's statistics, recomputed when the database changed — but, when computing them is
 * slow (a large archive), at most once per 50 times the time it took: idf barely moves with a
 * few claims, and a busy newsroom must not pay for a vocabulary scan on every write. (Until the
 * refresh, a word no claim held before is not searched for; stage 1 skips unknown words.)
 */
async function corpusStats(db: Db): Promise<CorpusStats> {
  const version = await changeVersion(db);
  const entry = statsCache.get(db);
  if (entry && (entry.version === version || (entry.tookMs > SLOW_STATS_MS && Date.now() - entry.at < 50 * entry.tookMs))) return entry.stats;
  const started = performance.now();
  const vocab = await matchVocabulary(db);
  const stats: CorpusStats = {
    n: vocab.n,
    df: (stem) => vocab.df.get(stem) ?? 0,
    avgTextLength: vocab.avgTextLength,
    avgHeadlineLength: vocab.avgRationaleLength,
  };
  statsCache.set(db, { version, stats, at: Date.now(), tookMs: performance.now() - started });
  return stats;
}

export interface FindMatchesOptions {
  /** How many matches (default 5). */
  limit?: number;
  /** A claim to leave out (the one being edited). */
  excludeId?: number;
}

export async function findMatches(db: Db, viewer: Viewer, text: string, options: FindMatchesOptions = {}): Promise<MatchDTO[]> {
  const limit = options.limit ?? 5;
  const stats = await corpusStats(db);
  const { terms } = stage1Query(text, stats);
  if (terms.length === 0) return [];
  const rows = await matchCandidates(db, terms, visibleStatuses(viewer), DEFAULT_CANDIDATES + (options.excludeId ? 1 : 0), stats);
  const candidates: Candidate[] = rows
    .filter((r) => r.id !== options.excludeId)
    .map((r) => ({ id: r.id, text: r.text, quote: r.quote ?? "", headline: r.rationale ?? "", date: r.statedOn ?? r.publishedAt?.slice(0, 10) ?? "" }));
  const ranked = rankCandidates(text, candidates, stats, { limit });
  const claims = await getClaimsByIds(
    db,
    viewer,
    ranked.map((m) => Number(m.candidate.id)),
  );
  const out: MatchDTO[] = [];
  for (const m of ranked) {
    const claim = claims.get(Number(m.candidate.id));
    if (!claim) continue;
    out.push({ claim, strength: m.strength, probability: Math.round(m.probability * 1000) / 1000, why: m.explanation });
  }
  return out;
}
