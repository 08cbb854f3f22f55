// Writes a generated database (bench/generate) into a SQLite file or an empty PostgreSQL
// database through the real migrations, with progress; shared by `bench -- generate` and
// `bench -- engines`.
import { rmSync } from "node:fs";
import { closeDatabase, openDatabase } from "@/db/client";
import { databaseSize, fastLoad, finishLoad } from "@/db/bulk";
import { runMigrations } from "@/db/migrations";
import { sharedPath } from "../../scripts/shared-dir";
import { type GenerateOptions, generate } from "../generate";
import { loadVocabulary } from "../generate/vocabulary";

export interface Loaded {
  /** Seconds to write the rows, and with the planner's statistics. */
  written: number;
  total: number;
  counts: Record<string, number>;
  size: Awaited<ReturnType<typeof databaseSize>>;
}

/** A SQLite file at `target` is replaced; a PostgreSQL database must be empty. */
export async function loadGenerated(target: string, options: GenerateOptions, log: (line: string) => void = console.log): Promise<Loaded> {
  if (!/^postgres(ql)?:/.test(target)) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  const vocabulary = loadVocabulary(sharedPath("data/liar/train.tsv"));
  log(`generating ${JSON.stringify(options)}; sentences from ${vocabulary.origin}`);
  const db = openDatabase(target);
  await runMigrations(db);
  fastLoad(db);
  const started = Date.now();
  let last = 0;
  const counts = await generate(db, vocabulary, options, ({ phase, done, total }) => {
    if (Date.now() - last < 2000 && done < total) return;
    last = Date.now();
    log(`  ${phase}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  });
  const written = (Date.now() - started) / 1000;
  await finishLoad(db, ["users", "speakers", "stories", "sources", "source_revisions", "claims", "claim_links", "reviews", "comments", "check_requests", "events"]);
  const size = await databaseSize(db);
  await closeDatabase(db);
  return { written, total: (Date.now() - started) / 1000, counts, size };
}

export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
