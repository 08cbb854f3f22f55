// `npm run bench -- generate [--claims 1000000] [--sources N --speakers N --stories N --links N]
//   [--seed 1] [--out data/bench/claims-1000000.db | --url postgres://…/db]`
// Writes a database of realistic shape through the real migrations (see bench/generate/), with
// progress, then prints the time taken and the size on disk, table by table. A SQLite file at
// --out is replaced; a PostgreSQL database at --url must be empty (it is migrated here).
import { parseArgs } from "node:util";
import { defaultSizes } from "./generate";
import { loadGenerated, mb } from "./support/load";

const { values } = parseArgs({
  options: {
    claims: { type: "string", default: "100000" },
    sources: { type: "string" },
    speakers: { type: "string" },
    stories: { type: "string" },
    links: { type: "string" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
    url: { type: "string" },
  },
  strict: true,
});
const claims = Number(values.claims);
const sizes = defaultSizes(claims);
const options = {
  ...sizes,
  sources: Number(values.sources ?? sizes.sources),
  speakers: Number(values.speakers ?? sizes.speakers),
  stories: Number(values.stories ?? sizes.stories),
  links: Number(values.links ?? sizes.links),
  seed: Number(values.seed),
};
const target = values.url ?? values.out ?? `data/bench/claims-${claims}.db`;
console.log(`into ${values.url ? "PostgreSQL" : target}`);
const { written, total, counts, size } = await loadGenerated(target, options);
console.log(`\nwritten in ${written.toFixed(0)} s (${total.toFixed(0)} s with statistics): ${Object.entries(counts).map(([t, n]) => `${n.toLocaleString("en")} ${t}`).join(", ")}`);
console.log(`size on disk: ${mb(size.total)}`);
for (const t of size.tables.slice(0, 16)) console.log(`  ${t.name.padEnd(28)} ${mb(t.bytes).padStart(10)}  ${((100 * t.bytes) / size.total).toFixed(1).padStart(5)}%`);
