import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import type { ImportDTO, ImportReportItem } from "@/lib/dto";
import { commandLineViewer, runImport, type ImportInput } from "@/server/importers";
import { all, get, viewerFor } from "../support/db";

export const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

/** Runs an import as the demo editor (or, in an empty database, as the command line) and returns it, finished. */
export async function importAs(db: Db, input: ImportInput): Promise<ImportDTO> {
  const hasEditor = await get(db, "SELECT 1 AS x FROM users WHERE role = 'editor'");
  return runImport(db, hasEditor ? await viewerFor(db, "editor") : commandLineViewer("system:test"), input);
}

export const byRef = (result: ImportDTO): Record<string, ImportReportItem> => Object.fromEntries(result.report!.items.map((i) => [i.ref, i]));

/** A claim as stored, with its speaker's name and verdict key. */
export async function storedClaim(db: Db, id: number) {
  const [row] = await all<{ text: string; status: string; speaker: string; verdict: string | null; stated_on: string | null; source_url: string | null; published_at: string | null; rationale: string | null }>(
    db,
    `SELECT c.text, c.status, s.name AS speaker, r.key AS verdict, c.stated_on, src.url AS source_url, c.published_at, c.rationale
     FROM claims c JOIN speakers s ON s.id = c.speaker_id LEFT JOIN ratings r ON r.id = c.rating_id LEFT JOIN sources src ON src.id = c.source_id WHERE c.id = ?`,
    id,
  );
  return row!;
}

/** Every table but the import's own bookkeeping and the audit log: what "nothing written" compares. */
export const BOOKKEEPING = ["imports", "import_records", "events", "api_tokens"];
