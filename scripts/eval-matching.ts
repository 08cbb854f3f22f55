// `npm run eval:matching [-- --json] [--postgres URL]`: the claim matcher measured through the product on CLEF
// CheckThat! 2022 Task 2A (English), read from the shared data folder (never copied): the 14,231
// fact-checks imported into a fresh temporary database by the app's importer, each tweet matched
// by the app's server function (scripts/match-product.ts), scored with the task's measures —
// MAP@5 (official), MRR (over the top 20) and recall@5 — on train and dev, then single-core
// throughput. Skips with a message, exit code 0, when the data is absent.
//
// The weights (lib/matching/weights.json) were trained on train only (scripts/train-matching.ts):
// the train figure is a fit, dev is held out. What each part of the method adds (ablation, with
// retraining and train cross-validation) is measured by scripts/eval-matching-offline.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { CHECKTHAT_DIR } from "./matching-data";
import { missingShared, sharedPath } from "./shared-dir";

const asJson = process.argv.includes("--json");
const pgAt = process.argv.indexOf("--postgres");
const postgresUrl = pgAt >= 0 ? process.argv[pgAt + 1] : undefined;
const dir = sharedPath(CHECKTHAT_DIR);
if (!dir) {
  console.log(missingShared(CHECKTHAT_DIR));
  process.exit(0);
}
const { chooseEngine, readQueries } = await import("./match-queries");
chooseEngine(postgresUrl);
const { openMatcher } = await import("./match-product");

function qrels(file: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [qid, , docId, rel] = line.trim().split(/\s+/);
    if (!qid || !docId || rel === "0") continue;
    if (!out.has(qid)) out.set(qid, new Set());
    out.get(qid)!.add(docId);
  }
  return out;
}

const matcher = await openMatcher(readFileSync(path.join(dir, "vclaims.jsonl"), "utf8"), postgresUrl);
const log = (s: string) => {
  if (!asJson) console.log(s);
};
log(`imported ${matcher.imported} fact-checks in ${matcher.importSeconds.toFixed(1)} s (temporary ${postgresUrl ? "PostgreSQL" : "SQLite"} database, the app's importer)`);

interface Figures {
  queries: number;
  map5: number;
  mrr: number;
  recall5: number;
}
const results: Record<string, Figures> = {};
const allTexts: string[] = [];
for (const split of ["train", "dev"] as const) {
  const queries = readQueries(readFileSync(path.join(dir, `queries-${split}.tsv`), "utf8"));
  const relevant = qrels(path.join(dir, `qrels-${split}.tsv`));
  let map = 0;
  let mrr = 0;
  let rec = 0;
  let n = 0;
  for (const q of queries) {
    const rel = relevant.get(q.id);
    if (!rel) continue;
    allTexts.push(q.text);
    const found = await matcher.match(q.text, 20);
    let hits = 0;
    let ap = 0;
    const first = found.findIndex((id) => rel.has(id));
    found.slice(0, 5).forEach((id, r) => {
      if (rel.has(id)) ap += ++hits / (r + 1);
    });
    map += ap / rel.size;
    mrr += first >= 0 ? 1 / (first + 1) : 0;
    rec += hits / rel.size;
    n++;
  }
  results[split] = { queries: n, map5: map / n, mrr: mrr / n, recall5: rec / n };
}
log("\n          queries  MAP@5   MRR     R@5");
for (const [split, f] of Object.entries(results)) log(`${split.padEnd(9)} ${String(f.queries).padStart(7)}  ${f.map5.toFixed(4)}  ${f.mrr.toFixed(4)}  ${f.recall5.toFixed(4)}`);

// Throughput: every query once more (candidate analyses are warm, as in a running server), top 5.
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const text of allTexts) await matcher.match(text, 5);
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const throughput = { queries: allTexts.length, cpuQps: allTexts.length / cpuSeconds, wallQps: allTexts.length / wall, msPerQuery: (1000 * cpuSeconds) / allTexts.length };
log(`\nthroughput, one thread, ${throughput.queries} queries against ${matcher.imported} claims: ${throughput.cpuQps.toFixed(0)} q/s of CPU time (${throughput.msPerQuery.toFixed(2)} ms/query), ${throughput.wallQps.toFixed(0)} q/s wall clock`);
if (asJson) console.log(JSON.stringify({ ...results, throughput }, null, 2));
await matcher.close();
