/**
 * Throughput of the claim-suggestion engine on one core: articles per second and milliseconds
 * per article over the PolNeAR texts in ../shared, or, when they are absent, over a synthetic
 * article built from our own sentences. Prints figures; asserts nothing.
 *
 *   npx tsx bench/suggest.bench.ts [--rounds N]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { suggestClaims } from "../lib/suggest";
import { missingShared, sharedPath } from "../scripts/shared-dir";

const SYNTHETIC = [
  "The city council said on Tuesday that it had approved 42 new bus lanes, more than twice the number planned.",
  "“We are not going to wait another decade,” Mayor Ana Ortiz told reporters. “The money is there.”",
  "According to the transport agency, as many as 120,000 people ride the buses every day.",
  "Critics accused the council of ignoring the cost, which the Taxpayers Union put at US$3.4 billion.",
  "The group said nearly two-thirds of the lanes would open before the election, a claim officials disputed.",
  "She added that the plan was “the cheapest option we have,” pointing to a 2019 study by the university.",
];

function corpus(): { name: string; texts: string[] } {
  const dir = sharedPath("data/polnear/train/text");
  if (!dir) {
    console.log(missingShared("data/polnear/train/text") + " — using a synthetic article instead");
    // Forty sentences, three to a paragraph.
    const article = Array.from({ length: 40 }, (_, i) => SYNTHETIC[i % SYNTHETIC.length] + (i % 3 === 2 ? "\n\n" : " ")).join("");
    return { name: "synthetic", texts: Array.from({ length: 200 }, () => article) };
  }
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  return { name: "PolNeAR train", texts: files.map((f) => readFileSync(path.join(dir, f), "utf8")) };
}

function main() {
  const roundsAt = process.argv.indexOf("--rounds");
  const rounds = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 3;
  const { name, texts } = corpus();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  // Warm up the JIT on a slice, then time whole passes.
  for (const t of texts.slice(0, 50)) suggestClaims(t);
  const times: number[] = [];
  let suggestions = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    suggestions = 0;
    for (const t of texts) suggestions += suggestClaims(t).length;
    times.push(performance.now() - t0);
  }
  const best = Math.min(...times);
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  console.log(`${name}: ${texts.length} articles, ${(chars / 1024).toFixed(0)} KiB, ${suggestions} suggestions per pass`);
  console.log(`best of ${rounds}: ${((texts.length * 1000) / best).toFixed(0)} articles/s, ${(best / texts.length).toFixed(2)} ms/article, ${((chars / 1024 / best) * 1000).toFixed(0)} KiB/s`);
  console.log(`median: ${((texts.length * 1000) / median).toFixed(0)} articles/s, ${(median / texts.length).toFixed(2)} ms/article`);
}

main();
