/**
 * What the matcher needs to know about the whole archive, supplied by whichever database holds
 * it. Everything is keyed by Porter stems as FTS5 indexes them (see text.ts): on SQLite a
 * `fts5vocab(claims_fts, 'row')` table gives `doc` per `term`; on PostgreSQL `ts_stat` over the
 * same documents gives `ndoc` (its English stemmer is Snowball, close enough for weighting).
 */
export interface CorpusStats {
  /** Number of claims in the archive. */
  n: number;
  /** Number of claims whose text, quote or headline holds this stem (0 when none). */
  df(stem: string): number;
  /** Mean number of tokens in a claim's text and in its headline (title plus subtitle). */
  avgTextLength: number;
  avgHeadlineLength: number;
}

/**
 * idf values are memoised per stats object (the same stems recur in every query's candidates).
 * A new CorpusStats object — after the archive changed — starts a new memo; the old one goes
 * with its object.
 */
const IDF_MEMO = new WeakMap<CorpusStats, Map<string, number>>();
const IDF_MEMO_MAX = 200_000;

/** Robertson–Spärck Jones idf, floored at a small positive value so every shared word counts a little. */
export function idf(stats: CorpusStats, stem: string): number {
  let memo = IDF_MEMO.get(stats);
  if (!memo) IDF_MEMO.set(stats, (memo = new Map()));
  let v = memo.get(stem);
  if (v === undefined) {
    const df = stats.df(stem);
    v = Math.max(0.05, Math.log(1 + (stats.n - df + 0.5) / (df + 0.5)));
    if (memo.size >= IDF_MEMO_MAX) memo.clear();
    memo.set(stem, v);
  }
  return v;
}

/** CorpusStats over an in-memory list of documents' stems (tests, small archives). */
export function statsFromDocuments(docs: { text: string[]; headline: string[] }[]): CorpusStats {
  const df = new Map<string, number>();
  let textTokens = 0;
  let headlineTokens = 0;
  for (const d of docs) {
    textTokens += d.text.length;
    headlineTokens += d.headline.length;
    for (const s of new Set([...d.text, ...d.headline])) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const n = docs.length;
  return {
    n,
    df: (s) => df.get(s) ?? 0,
    avgTextLength: n ? textTokens / n : 1,
    avgHeadlineLength: n ? headlineTokens / n : 1,
  };
}
