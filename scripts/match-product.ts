/**
 * The product path of the claim matcher, for the command-line tools: a fresh temporary
 * Counterpoint database (real migrations; SQLite, or a new database on a PostgreSQL server), the fact-checks imported through the importer the
 * app's users run (server/importers/fact-checks.ts), and findMatches (server/matches.ts) — the
 * server function behind /api/matches and the "Checked before?" page — called as a reader.
 *
 * Import this module dynamically, after `chooseEngine()` (match-queries.ts): the engine is fixed when db/ loads.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
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

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE). */
async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database: a SQLite file in a temporary folder, or a new database on the PostgreSQL server at `postgresUrl`. */
async function temporaryDatabase(postgresUrl: string | undefined): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "counterpoint-match-"));
    return { url: path.join(dir, "match.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `counterpoint_match_${randomBytes(4).toString("hex")}`;
  await admin(postgresUrl, `CREATE DATABASE ${name}`);
  const u = new URL(postgresUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function openMatcher(collectionJsonl: string, postgresUrl?: string): Promise<Matcher> {
  const temp = await temporaryDatabase(postgresUrl);
  const db = openDatabase(temp.url);
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
      await temp.drop();
    },
  };
}
