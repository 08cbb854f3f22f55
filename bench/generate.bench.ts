// `npm run bench -- generate [--claims 1000000] [--sources N --speakers N --stories N --links N]
//   [--seed 1] [--out data/bench/claims-1000000.db | --url postgres://…/db]`
// Writes a database of realistic shape through the real migrations (see bench/generate/), with
// progress, then prints the time taken and the size on disk, table by table. A SQLite file at
// --out is replaced; a PostgreSQL database at --url must be empty (it is migrated here).
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase } from "@/db/client";
import { databaseSize, fastLoad, finishLoad } from "@/db/bulk";
import { runMigrations } from "@/db/migrations";
import { sharedPath } from "../scripts/shared-dir";
import { defaultSizes, generate } from "./generate";
import { loadVocabulary } from "./generate/vocabulary";

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
if (!values.url) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });

const vocabulary = loadVocabulary(sharedPath("data/liar/train.tsv"));
console.log(`generating ${JSON.stringify(options)} into ${values.url ? "PostgreSQL" : target}; sentences from ${vocabulary.origin}`);
const db = openDatabase(target);
await runMigrations(db);
fastLoad(db);
const started = Date.now();
let last = 0;
const counts = await generate(db, vocabulary, options, ({ phase, done, total }) => {
  if (Date.now() - last < 2000 && done < total) return;
  last = Date.now();
  console.log(`  ${phase}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
});
const written = (Date.now() - started) / 1000;
await finishLoad(db, ["users", "speakers", "stories", "sources", "source_revisions", "claims", "claim_links", "reviews", "comments", "check_requests", "events"]);
const size = await databaseSize(db);
await closeDatabase(db);

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
console.log(`\nwritten in ${written.toFixed(0)} s (${((Date.now() - started) / 1000).toFixed(0)} s with statistics): ${Object.entries(counts).map(([t, n]) => `${n.toLocaleString("en")} ${t}`).join(", ")}`);
console.log(`size on disk: ${mb(size.total)}`);
for (const t of size.tables.slice(0, 16)) console.log(`  ${t.name.padEnd(28)} ${mb(t.bytes).padStart(10)}  ${((100 * t.bytes) / size.total).toFixed(1).padStart(5)}%`);
