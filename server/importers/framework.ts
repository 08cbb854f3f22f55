import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { imports } from "@/db/schema";
import type { SiteInfo } from "@/lib/claimreview";
import type { ImportDTO, ImportReport, ImportReportItem } from "@/lib/dto";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { type IncomingClaim, isRefusal, type ParsedItem } from "@/lib/interchange/incoming";
import { FileRefusal } from "@/lib/interchange/json-ld";
import type { ImportFormat } from "@/lib/model";
import type { UserViewer } from "../authz";
import { scaleRatings } from "../ratings";
import { offload, yieldToOthers } from "../offload";
import { nowIso } from "../write-support";
import { readItems } from "./formats";
import { loadContext, writeBatch } from "./writer";

/**
 * The import framework. A file is read whole first (a file that cannot be read at all is a 400
 * naming the line or item and the reason, and nothing is written); then each item is accepted or
 * refused on its own, in transactions of at most `batchSize` items. The import's row (imports)
 * records who ran it, its progress after every batch and, at the end, its report. A dry run goes
 * through the same code without writing anything but its own row, so its report is what the
 * import would do.
 */

export interface ImportInput {
  format: ImportFormat;
  content: string;
  filename?: string | null;
  dryRun?: boolean;
  /** Verdict labels our scale lacks, mapped by a person: label → rating key. */
  ratingMap?: Record<string, string>;
  /** The site, so a CSV exported from it updates its own claims. */
  site?: SiteInfo | null;
  /** Items per transaction. */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 500;

/** How long reading an import file may take before the import is refused (503). */
export const IMPORT_READ_DEADLINE_MS = 60_000;

const FORMAT_NAMES: Record<ImportFormat, string> = { claimreview: "ClaimReview", "web-annotation": "Web Annotation", csv: "CSV", liar: "LIAR" };

type ImportRow = typeof imports.$inferSelect;

function toDTO(row: ImportRow, withReport = true): ImportDTO {
  return {
    id: row.id,
    format: row.format,
    state: row.state,
    dryRun: row.dryRun,
    filename: row.filename,
    actor: row.actor,
    total: row.total,
    processed: row.processed,
    counts: { created: row.created, updated: row.updated, unchanged: row.unchanged, refused: row.refused },
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    undoneAt: row.undoneAt,
    undoneBy: row.undoneBy,
    report: withReport ? ((row.report as ImportReport | null) ?? null) : null,
  };
}

/** Reads the file; a file that cannot be read is a ValidationError on the field `file`. */
async function parse(db: Db, input: ImportInput): Promise<ParsedItem[]> {
  try {
    const options = { scale: await scaleRatings(db), ratingMap: input.ratingMap, site: input.site ?? null };
    // Reading a large file is long work: the formats that need no database are read on a worker thread.
    const items =
      input.format === "web-annotation"
        ? await readItems(db, input.format, input.content, options)
        : await offload("readImport", { format: input.format, content: input.content, ...options, scale: [...options.scale] }, { deadlineMs: IMPORT_READ_DEADLINE_MS, what: "Reading the file" });
    if (items.length === 0) throw new FileRefusal("the file has nothing to import");
    return items;
  } catch (error) {
    if (error instanceof FileRefusal) throw new ValidationError(`This ${FORMAT_NAMES[input.format]} file cannot be imported: ${error.message}.`, { file: error.message });
    throw error;
  }
}

/** Reads the file and records the import as queued; `run` carries it out. */
export async function prepareImport(db: Db, viewer: UserViewer, input: ImportInput): Promise<{ id: number; run: () => Promise<ImportDTO> }> {
  const items = await parse(db, input);
  const [row] = await withTx(db, (tx) =>
    tx
      .insert(imports)
      .values({ format: input.format, dryRun: input.dryRun ?? false, filename: input.filename ?? null, actor: viewer.id, total: items.length })
      .returning(),
  );
  return { id: row!.id, run: () => execute(db, viewer, row!, items, input) };
}

/** Starts an import and returns at once (202): poll getImport for its progress and report. */
export async function startImport(db: Db, viewer: UserViewer, input: ImportInput): Promise<ImportDTO> {
  const { id, run } = await prepareImport(db, viewer, input);
  void run().catch((error: unknown) => console.error(`import ${id} failed`, error));
  return getImport(db, id);
}

/** Runs an import to its end (the command line, tests, benches). */
export async function runImport(db: Db, viewer: UserViewer, input: ImportInput): Promise<ImportDTO> {
  const { run } = await prepareImport(db, viewer, input);
  return run();
}

function unmapped(items: ParsedItem[]): ImportReport["unmappedVerdicts"] {
  const byLabel = new Map<string, { label: string; count: number; refs: string[] }>();
  for (const item of items) {
    if (isRefusal(item) || !item.verdict || !("unmapped" in item.verdict)) continue;
    const entry = byLabel.get(item.verdict.unmapped) ?? { label: item.verdict.unmapped, count: 0, refs: [] };
    entry.count++;
    if (entry.refs.length < 20) entry.refs.push(item.ref);
    byLabel.set(entry.label, entry);
  }
  return [...byLabel.values()].sort((a, b) => b.count - a.count);
}

async function execute(db: Db, viewer: UserViewer, row: ImportRow, items: ParsedItem[], input: ImportInput): Promise<ImportDTO> {
  const dryRun = input.dryRun ?? false;
  const batchSize = Math.max(1, input.batchSize ?? DEFAULT_BATCH_SIZE);
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  const reported: ImportReportItem[] = [];
  const setRow = (tx: Db, values: Partial<ImportRow>) => tx.update(imports).set(values).where(eq(imports.id, row.id));
  let ctx: Awaited<ReturnType<typeof loadContext>> | null = null;
  try {
    await withTx(db, (tx) => setRow(tx, { state: "running" }));
    const ratingIds = new Map((await scaleRatings(db)).map((r) => [r.key, r.id]));
    ctx = await loadContext(db, { importId: row.id, actor: viewer.id, dryRun, comment: `Import #${row.id} (${FORMAT_NAMES[row.format]})` }, ratingIds);
    for (let i = 0; i < items.length; i += batchSize) {
      const batch = items.slice(i, i + batchSize);
      const claims = batch.filter((item): item is IncomingClaim => !isRefusal(item));
      const compute = async (tx: Db) => {
        const written = claims.length > 0 ? await writeBatch(tx, ctx!, claims) : Object.assign([] as ImportReportItem[], { commit: () => {} });
        const byRef = new Map(written.map((w) => [w.ref, w]));
        const results = batch.map((item): ImportReportItem => (isRefusal(item) ? { ref: item.ref, outcome: "refused", reason: item.reason } : byRef.get(item.ref)!));
        const next = { ...counts };
        for (const r of results) next[r.outcome]++;
        return { results, next, commit: written.commit, progress: { processed: i + batch.length, ...next } };
      };
      // The batch and the progress it makes commit together; a dry run only reads, then records its progress.
      const { results, next, commit } = dryRun
        ? await compute(db).then(async (r) => (await withTx(db, (tx) => setRow(tx, r.progress)), r))
        : await withTx(db, async (tx) => {
            const r = await compute(tx);
            await setRow(tx, r.progress);
            return r;
          });
      commit();
      Object.assign(counts, next);
      reported.push(...results);
      await yieldToOthers();
    }
    const report: ImportReport = { items: reported, unmappedVerdicts: unmapped(items), made: ctx.made };
    await withTx(db, (tx) => setRow(tx, { state: "done", finishedAt: nowIso(), report: report as unknown as Record<string, unknown> }));
  } catch (error) {
    const report: ImportReport = { items: reported, unmappedVerdicts: unmapped(items), made: ctx?.made ?? { speakers: 0, stories: 0, sources: 0 } };
    const message = error instanceof Error ? error.message : String(error);
    await withTx(db, (tx) => setRow(tx, { state: "failed", finishedAt: nowIso(), error: `Stopped after ${reported.length} item(s): ${message}`, report: report as unknown as Record<string, unknown> }));
  }
  return getImport(db, row.id);
}

/** An import with its progress, and its report once finished. */
export async function getImport(db: Db, id: number): Promise<ImportDTO> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  if (!row) throw new NotFoundError(`No import with id ${id}.`);
  return toDTO(row);
}

/** The latest imports, newest first, without their reports. */
export async function listImports(db: Db, limit = 50): Promise<ImportDTO[]> {
  return (await db.select().from(imports).orderBy(desc(imports.id)).limit(limit)).map((r) => toDTO(r, false));
}
