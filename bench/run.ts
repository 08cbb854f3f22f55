// `npm run bench`: runs the quick benchmarks (bench/*.bench.ts) in turn, each in its own process,
// and prints their figures; they measure and assert nothing. `npm run bench -- NAME [flags…]` runs
// one — the heavy ones (generating a million claims, pages and engines at that size, load) only
// run when named — and hands it the flags.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const HEAVY = ["generate", "pages", "queries", "engines", "load", "import"];
const dir = path.dirname(new URL(import.meta.url).pathname);
const [name, ...flags] = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => (name ? f.startsWith(`${name}.`) || f.includes(name) : !HEAVY.some((h) => f.startsWith(`${h}.`))))
  .sort();
if (benches.length === 0) {
  console.error(`no benchmark named ${name}; there are: ${readdirSync(dir).filter((f) => f.endsWith(".bench.ts")).map((f) => f.replace(".bench.ts", "")).join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(dir, file), ...flags], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
