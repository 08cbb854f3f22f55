/**
 * Trains the claim matcher's stage-2 model on the TRAINING split of CLEF CheckThat! 2022 Task 2A
 * (read from the shared data folder, never copied) and writes lib/matching/weights.json.
 * Deterministic: the same data and code give the same file, byte for byte. The dev split is
 * never read here.
 *
 *   npx tsx scripts/train-matching.ts [--check]
 *
 * --check trains and compares with the committed weights instead of writing them (exit 1 when
 * they differ), so anyone can confirm the committed file is what this script produces.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CANDIDATES } from "../lib/matching/terms";
import { buildIndex, CHECKTHAT_DIR, loadCheckThat } from "./matching-data";
import { buildLists, DEFAULT_FIT, fitRanker } from "./matching-lib";
import { missingShared } from "./shared-dir";

const OUT = path.join(process.cwd(), "lib", "matching", "weights.json");

function round(x: number): number {
  return Number(x.toPrecision(6));
}

function main(): void {
  const data = loadCheckThat();
  if (!data) {
    console.error(missingShared(CHECKTHAT_DIR));
    process.exit(2);
  }
  const index = buildIndex(data.factChecks);
  const lists = buildLists(index, data.train, { candidates: DEFAULT_CANDIDATES });
  const w = fitRanker(lists, DEFAULT_FIT);
  const out = {
    features: w.features,
    weights: w.weights.map(round),
    bias: round(w.bias),
    calibration: { a: round(w.calibration.a), b: round(w.calibration.b) },
    trainedOn: `CheckThat! 2022 2A train (${lists.length} queries, top ${DEFAULT_CANDIDATES} stage-1 candidates), listwise softmax, l2=${DEFAULT_FIT.l2}, ${DEFAULT_FIT.iterations} iterations`,
  };
  const json = JSON.stringify(out, null, 2) + "\n";
  if (process.argv.includes("--check")) {
    const same = readFileSync(OUT, "utf8") === json;
    console.log(same ? "weights.json is what this script produces" : "weights.json differs from what this script produces");
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT, json);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
  index.close();
}

main();
