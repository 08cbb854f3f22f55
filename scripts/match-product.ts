/**
 * The product path of the claim matcher, for the command-line tools: a fresh temporary SQLite
 * Counterpoint database (real migrations), the fact-checks imported through the importer the
 * app's users run (server/importers/fact-checks.ts), and findMatches (server/matches.ts) — the
 * server function behind /api/matches and the "Checked before?" page — called as a reader.
 *
 * Import this module dynamically, after `useTemporarySqlite()`: the engine is fixed when db/
 * loads, and the temporary database is SQLite whatever DATABASE_URL says.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDatabase, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { ANONYMOUS } from "@/lib/model";
import { importFactChecks, parseFactChecksJsonl } from "@/server/importers/fact-checks";
import { findMatches } from "@/server/matches";

export interface Matcher {
  /** Fact-check ids (the archive's own) best first, `limit` at most. */
  match(text: string, limit?: number): Promise<string[]>;
  imported: number;
  importSeconds: number;
  close(): Promise<void>;
}

export async function openMatcher(collectionJsonl: string): Promise<Matcher> {
  const dir = mkdtempSync(path.join(tmpdir(), "counterpoint-match-"));
  const db = openDatabase(path.join(dir, "match.db"));
  await runMigrations(db);
  const rows = parseFactChecksJsonl(collectionJsonl);
  const t0 = performance.now();
  const { ids } = await importFactChecks(db, "system:import", rows);
  const importSeconds = (performance.now() - t0) / 1000;
  // Identical fact-checks share one claim: report the first archive id of each.
  const external = new Map<number, string>();
  ids.forEach((id, i) => {
    if (!external.has(id)) external.set(id, rows[i]!.externalId);
  });
  return {
    imported: rows.length,
    importSeconds,
    async match(text, limit = 5) {
      const found = await findMatches(db, ANONYMOUS, text, { limit });
      return found.map((m) => external.get(m.claim.id)!);
    },
    async close() {
      await closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
