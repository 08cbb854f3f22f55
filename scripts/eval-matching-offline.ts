/**
 * Research harness for the claim matcher on CLEF CheckThat! 2022 Task 2A (English tweets
 * against 14,231 Snopes fact-checks), read from the shared data folder, never copied.
 *
 * Stage 1 runs against a real in-memory SQLite FTS5 table declared as the product's claims
 * index; stage 2 is lib/matching. Prints MAP@5 (the task's official measure), MRR and
 * recall@5 for the training split (k-fold cross-validation: each query is scored by a model
 * that never saw it) and the dev split (scored by lib/matching/weights.json, trained on all of
 * train; dev is never used for choices), an ablation table (each part of the method removed,
 * retrained, re-measured) and single-core throughput.
 *
 *   npx tsx scripts/eval-matching-offline.ts [--candidates K] [--folds 5] [--no-ablation] [--no-dev] [--json]
 *
 * --no-dev leaves the dev split out entirely (what to use while developing: choices are made
 * on train cross-validation only).
 */
import { defaultWeights, rankCandidates, stage1Query } from "../lib/matching";
import { FEATURE_GROUPS, type FeatureGroup } from "../lib/matching/features";
import { DEFAULT_CANDIDATES, type PipelineOptions } from "../lib/matching/terms";
import { buildIndex, CHECKTHAT_DIR, loadCheckThat, type ClaimIndex, type Split } from "./matching-data";
import { buildLists, crossValidate, DEFAULT_FIT, fitRanker, measure, scoreWith, type Measures, type QueryList } from "./matching-lib";
import { missingShared } from "./shared-dir";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const K = flag("--candidates", DEFAULT_CANDIDATES);
const FOLDS = flag("--folds", 5);
const asJson = args.includes("--json");
const noDev = args.includes("--no-dev");
const log = (s: string) => {
  if (!asJson) console.log(s);
};

interface Row {
  part: string;
  trainCv: Measures;
  dev: Measures;
}

const stage1Order = (l: QueryList) => l.rows.map((_, i) => -i);
const fmt = (m: Measures) => `${m.map5.toFixed(4)}  ${m.mrr.toFixed(4)}  ${m.recall5.toFixed(4)}`;

/** Recall of stage 1 alone: the share of relevant fact-checks among the K candidates. */
function stage1Recall(lists: QueryList[]): number {
  return lists.reduce((a, l) => a + l.labels.reduce((x, y) => x + y, 0) / l.relevant, 0) / lists.length;
}

function evaluate(index: ClaimIndex, train: Split, dev: Split, part: string, options: PipelineOptions, drop?: FeatureGroup): Row {
  const trainLists = buildLists(index, train, { candidates: K, ...options });
  const devLists = buildLists(index, dev, { candidates: K, ...options });
  const fit = { ...DEFAULT_FIT, drop: drop ? new Set<string>(FEATURE_GROUPS[drop]) : undefined };
  const w = fitRanker(trainLists, fit);
  return { part, trainCv: crossValidate(trainLists, FOLDS, fit), dev: measure(devLists, scoreWith(w)) };
}

/** Full pipeline per query (stage-1 query, FTS5 search, re-rank, explain top 5) on one thread. */
function throughput(index: ClaimIndex, queries: string[], cache: boolean): { qps: number; cpuQps: number; msPerQuery: number } {
  const run = () => {
    for (const q of queries) {
      const { match } = stage1Query(q, index.stats);
      const cands = match ? index.search(match, K).map((i) => index.candidates[i]!) : [];
      rankCandidates(q, cands, index.stats, { cache });
    }
  };
  run(); // warm-up: JIT, stem cache
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSec = (cpu.user + cpu.system) / 1e6;
  return { qps: queries.length / wall, cpuQps: queries.length / cpuSec, msPerQuery: (1000 * cpuSec) / queries.length };
}

function main(): void {
  const data = loadCheckThat();
  if (!data) {
    console.error(missingShared(CHECKTHAT_DIR));
    process.exit(2);
  }
  const t0 = performance.now();
  const index = buildIndex(data.factChecks);
  log(`index: ${data.factChecks.length} fact-checks in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${data.train.queries.length} train, ${data.dev.queries.length} dev queries; top ${K} candidates`);

  const trainLists = buildLists(index, data.train, { candidates: K });
  const dev: Split = noDev ? { queries: [], qrels: new Map() } : data.dev;
  const devLists = buildLists(index, dev, { candidates: K });
  const committed = measure(devLists, scoreWith(defaultWeights()));
  const refit = fitRanker(trainLists, DEFAULT_FIT);
  const refitDev = measure(devLists, scoreWith(refit));
  const main = {
    stage1: { train: measure(trainLists, stage1Order), dev: measure(devLists, stage1Order), recallTrain: stage1Recall(trainLists), recallDev: stage1Recall(devLists) },
    trainCv: crossValidate(trainLists, FOLDS, DEFAULT_FIT),
    trainFit: measure(trainLists, scoreWith(refit)),
    dev: committed,
  };
  log("\n                        MAP@5   MRR     R@5");
  log(`stage 1 only   train    ${fmt(main.stage1.train)}   (recall@${K} ${main.stage1.recallTrain.toFixed(4)})`);
  log(`stage 1 only   dev      ${fmt(main.stage1.dev)}   (recall@${K} ${main.stage1.recallDev.toFixed(4)})`);
  log(`two stages     train CV ${fmt(main.trainCv)}   (${FOLDS}-fold)`);
  log(`two stages     train    ${fmt(main.trainFit)}   (fit on all of train; optimistic)`);
  log(`two stages     dev      ${fmt(main.dev)}   (committed weights.json)`);
  if (Math.abs(refitDev.map5 - committed.map5) > 1e-9) log(`note: a fresh fit scores dev MAP@5 ${refitDev.map5.toFixed(4)}: weights.json is stale, rerun scripts/train-matching.ts`);

  const rows: Row[] = [];
  if (!args.includes("--no-ablation")) {
    log("\nablation (retrained without the part)   train CV MAP@5   dev MAP@5");
    const show = (r: Row) => {
      rows.push(r);
      log(`  ${r.part.padEnd(38)} ${r.trainCv.map5.toFixed(4)}           ${r.dev.map5.toFixed(4)}`);
    };
    show({ part: "full method", trainCv: main.trainCv, dev: main.dev });
    show({ part: "− re-ranking (stage 1 order)", trainCv: main.stage1.train, dev: main.stage1.dev });
    show(evaluate(index, data.train, dev, "− post clean-up (handles, links, …)", { clean: false }));
    show(evaluate(index, data.train, dev, "− unknown-word repair", { repair: false }));
    for (const g of Object.keys(FEATURE_GROUPS) as FeatureGroup[]) show(evaluate(index, data.train, dev, `− ${g} features`, {}, g));
  }

  const queries = [...data.train.queries, ...dev.queries].map((q) => q.text);
  const cold = throughput(index, queries, false);
  const warm = throughput(index, queries, true);
  log(`\nthroughput, one thread (${queries.length} queries, stage 1 + 2 + explanations):`);
  log(`  candidate analyses not cached: ${cold.cpuQps.toFixed(0)} q/s of CPU time (${cold.msPerQuery.toFixed(2)} ms/query), ${cold.qps.toFixed(0)} q/s wall clock`);
  log(`  candidate analyses cached:     ${warm.cpuQps.toFixed(0)} q/s of CPU time (${warm.msPerQuery.toFixed(2)} ms/query), ${warm.qps.toFixed(0)} q/s wall clock`);
  if (asJson) console.log(JSON.stringify({ candidates: K, folds: FOLDS, ...main, ablation: rows, throughput: { cold, warm } }, null, 2));
  index.close();
}

main();
