/* eslint-disable no-restricted-syntax -- a standalone in-memory FTS5 table used as a reference, not the app's database: the one async data path does not apply */
/**
 * CLEF CheckThat! 2022 Task 2A (English) for the claim matcher's research scripts and tests:
 * reads the fact-checks, tweets and judgements from the shared data folder (never copied into
 * the repository) and loads the fact-checks into a real in-memory SQLite FTS5 table declared
 * exactly as the product's matching index (claims_match_fts, migration claim_matching), so stage-1 figures carry over to the product.
 */
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Candidate } from "../lib/matching";
import type { CorpusStats } from "../lib/matching/stats";
import { COLUMN_WEIGHTS, stage1Sql } from "../lib/matching/terms";
import { tokens } from "../lib/matching/text";
import { sharedPath } from "./shared-dir";

export const CHECKTHAT_DIR = "data/checkthat-2022-2a";

export interface FactCheck {
  id: string;
  claim: string;
  title: string;
  subtitle: string;
  date: string;
}
export interface Query {
  id: string;
  text: string;
}
export interface Split {
  queries: Query[];
  /** query id → ids of the fact-checks judged relevant. */
  qrels: Map<string, Set<string>>;
}
export interface CheckThat {
  factChecks: FactCheck[];
  train: Split;
  dev: Split;
}

/** A TSV field as the archive writes it: wrapped in double quotes, inner quotes doubled, when it holds a quote. */
function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

function readSplit(dir: string, name: "train" | "dev"): Split {
  const queries: Query[] = [];
  for (const line of readFileSync(path.join(dir, `queries-${name}.tsv`), "utf8").split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) queries.push({ id: line.slice(0, tab), text: unquote(line.slice(tab + 1).replace(/\r$/, "")) });
  }
  const qrels = new Map<string, Set<string>>();
  for (const line of readFileSync(path.join(dir, `qrels-${name}.tsv`), "utf8").split("\n")) {
    const [qid, , docId, rel] = line.trim().split(/\s+/);
    if (!qid || !docId || rel === "0") continue;
    if (!qrels.has(qid)) qrels.set(qid, new Set());
    qrels.get(qid)!.add(docId);
  }
  return { queries, qrels };
}

/** The data set, or null when the shared folder does not hold it. */
export function loadCheckThat(): CheckThat | null {
  const dir = sharedPath(CHECKTHAT_DIR);
  if (!dir) return null;
  const factChecks: FactCheck[] = [];
  for (const line of readFileSync(path.join(dir, "vclaims.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as Record<string, string | undefined>;
    factChecks.push({ id: d.vclaim_id!, claim: d.vclaim ?? "", title: d.title ?? "", subtitle: d.subtitle ?? "", date: d.date ?? "" });
  }
  return { factChecks, train: readSplit(dir, "train"), dev: readSplit(dir, "dev") };
}

/** The product's claim index, filled with the fact-checks, plus the stats the re-ranker reads from it. */
export interface ClaimIndex {
  stats: CorpusStats;
  candidates: Candidate[];
  /** Stage 1: the top `k` rows for an FTS5 match expression, as indexes into `candidates`. */
  search(match: string, k: number): number[];
  close(): void;
}

export function headlineOf(f: FactCheck): string {
  return [f.title, f.subtitle].filter(Boolean).join(" ");
}

export function buildIndex(factChecks: FactCheck[], weights: readonly number[] = COLUMN_WEIGHTS): ClaimIndex {
  const db = new Database(":memory:");
  db.exec(`CREATE VIRTUAL TABLE claims_fts USING fts5(text, quote, rationale, tokenize = 'porter unicode61 remove_diacritics 2')`);
  db.exec(`CREATE VIRTUAL TABLE claims_vocab USING fts5vocab(claims_fts, 'row')`);
  const insert = db.prepare("INSERT INTO claims_fts(rowid, text, quote, rationale) VALUES (?, ?, '', ?)");
  db.transaction(() => factChecks.forEach((f, i) => insert.run(i + 1, f.claim, headlineOf(f))))();

  const df = new Map<string, number>();
  for (const r of db.prepare("SELECT term, doc FROM claims_vocab").all() as { term: string; doc: number }[]) df.set(r.term, r.doc);
  let textTokens = 0;
  let headlineTokens = 0;
  for (const f of factChecks) {
    textTokens += tokens(f.claim).length;
    headlineTokens += tokens(headlineOf(f)).length;
  }
  const n = factChecks.length;
  const stats: CorpusStats = { n, df: (s) => df.get(s) ?? 0, avgTextLength: textTokens / n, avgHeadlineLength: headlineTokens / n };
  const candidates: Candidate[] = factChecks.map((f) => ({ id: f.id, text: f.claim, quote: "", headline: headlineOf(f), date: f.date }));
  const stmt = db.prepare(stage1Sql("claims_fts", weights));
  return {
    stats,
    candidates,
    search: (match, k) => (stmt.all(match, k) as { id: number }[]).map((r) => r.id - 1),
    close: () => db.close(),
  };
}
