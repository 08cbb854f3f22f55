// `npm run bench -- import [claimreviews] [csvRows]`: the import framework at size. Generates
// 10,000 ClaimReview objects (one DataFeed) and 100,000 CSV rows (our own generator: 2,000
// speakers, 60 stories, verdicts of our scale plus a few labels it lacks), imports each into a
// fresh SQLite database (and, with BENCH_DATABASE_URL, into that PostgreSQL database, which must
// be empty and migrated), then imports the CSV again (every row unchanged). Prints time, rows per
// second, CPU time (this process: the figure to compare on a shared machine) and memory (peak
// RSS, sampled; heap after). Measures; asserts nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDatabase, type Db, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { csvRecord } from "@/lib/interchange/csv";
import type { ImportDTO } from "@/lib/dto";
import { commandLineViewer, runImport, type ImportInput } from "@/server/importers";

const reviews = Number(process.argv[2] ?? 10_000);
const csvRows = Number(process.argv[3] ?? 100_000);

let seed = 20261205;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const WORDS = "budget minister council prices workers election hospital border energy schools taxes wages crime housing trains water farmers police court market".split(" ");
const NAMES = Array.from({ length: 2000 }, (_, i) => `${pick(["Alex", "Sam", "Jo", "Pat", "Kim", "Lee", "Robin", "Chris"])} ${pick(["Moreau", "Okafor", "Lindqvist", "Tanaka", "Silva", "Novak", "Haddad", "Byrne"])} ${i}`);
const LABELS = ["True", "Mostly true", "Half true", "Mostly false", "False", "Misleading", "Pants on Fire", "Four Pinocchios"];
const STORIES = Array.from({ length: 60 }, (_, i) => `Story ${i} on ${pick(WORDS)}`);
const sentence = (i: number) => `The ${pick(WORDS)} ${pick(["rose", "fell", "doubled", "halved"])} by ${Math.floor(rand() * 90) + 5} percent in ${2000 + (i % 25)} (${i}).`;

function claimReviewFeed(n: number): string {
  const items = Array.from({ length: n }, (_, i) => ({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: `https://checks.example.net/review/${i}`,
    datePublished: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
    claimReviewed: sentence(i),
    author: { "@type": "Organization", name: "Example Checks" },
    itemReviewed: {
      "@type": "Claim",
      author: { "@type": "Person", name: pick(NAMES) },
      datePublished: `20${10 + (i % 15)}-0${1 + (i % 9)}-0${1 + (i % 9)}`,
      ...(i % 3 === 0 ? { appearance: { "@type": "CreativeWork", url: `https://news.example.com/a/${i % 2000}`, headline: `Article ${i % 2000}` } } : {}),
    },
    reviewRating: { "@type": "Rating", alternateName: pick(LABELS) },
  }));
  return JSON.stringify({ "@context": "https://schema.org", "@type": "DataFeed", dataFeedElement: items });
}

function claimsCsv(n: number): string {
  const keys = ["rationale", "story", "external_id"];
  let out = csvRecord(["text", "speaker", "stated_on", "verdict", ...keys]);
  for (let i = 0; i < n; i++) {
    out += csvRecord([sentence(i), pick(NAMES), `20${10 + (i % 15)}-0${1 + (i % 9)}-2${i % 8}`, pick(LABELS), `Checked against the "${pick(WORDS)}" figures,\nsee the notes.`, pick(STORIES), `row-${i}`]);
  }
  return out;
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function measure(db: Db, label: string, input: ImportInput): Promise<ImportDTO> {
  peak = process.memoryUsage().rss;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await runImport(db, commandLineViewer("system:bench"), input);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const { created, updated, unchanged, refused } = result.counts;
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s  ${Math.round(result.total / seconds).toLocaleString("en").padStart(7)} items/s  CPU ${cpuSeconds.toFixed(1)} s  peak RSS ${mb(peak)}, heap after ${mb(process.memoryUsage().heapUsed)}  (${created} created, ${updated} updated, ${unchanged} unchanged, ${refused} refused; ${result.state})`,
  );
  return result;
}

// A process runs on one engine (DATABASE_URL decides, before any module loads): PostgreSQL is
// measured in a second process of this script, on BENCH_DATABASE_URL.
const onPostgres = process.env.DATABASE_URL?.startsWith("postgres") && process.env.BENCH_DATABASE_URL === process.env.DATABASE_URL;
const engines: [string, () => Db][] = onPostgres
  ? [["PostgreSQL", () => openDatabase(process.env.BENCH_DATABASE_URL!)]]
  : [["SQLite", () => openDatabase(path.join(mkdtempSync(path.join(tmpdir(), "counterpoint-bench-")), "import.db"))]];
const feed = claimReviewFeed(reviews);
const csv = claimsCsv(csvRows);
if (!onPostgres) console.log(`generated: ${reviews.toLocaleString("en")} ClaimReviews (${mb(feed.length)} of JSON), ${csvRows.toLocaleString("en")} CSV rows (${mb(csv.length)})`);
for (const [engine, open] of engines) {
  const db = open();
  await runMigrations(db);
  await measure(db, `${engine}: ClaimReview, ${reviews.toLocaleString("en")} reviews`, { format: "claimreview", content: feed });
  await measure(db, `${engine}: ClaimReview again (dry run)`, { format: "claimreview", content: feed, dryRun: true });
  await measure(db, `${engine}: CSV, ${csvRows.toLocaleString("en")} rows`, { format: "csv", content: csv });
  await measure(db, `${engine}: CSV again (all unchanged)`, { format: "csv", content: csv });
  await closeDatabase(db);
}
clearInterval(sampler);
if (!onPostgres && process.env.BENCH_DATABASE_URL) {
  spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, DATABASE_URL: process.env.BENCH_DATABASE_URL } });
}
