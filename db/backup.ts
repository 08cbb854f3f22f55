import "server-only";
import { createHash } from "node:crypto";
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import { type Db, engineOf } from "./client";
import { advanceSequences, allRows, canonical, COPY_ORDER, countRows, loose, MIGRATION_ROWS, SELF_REFERENCES, type TableKey, tableOf, TRIGGER_COUNTERS } from "./copy";
import { execute } from "./sql";
import { withTx } from "./tx";

/**
 * A whole installation as JSON Lines, and back. The first line is the manifest — the format,
 * when, and for each table its row count and a checksum of its rows (the same canonical form
 * db/copy.ts compares engines with) — then one line per row, `{"t": table, "r": row}`, tables
 * in foreign-key order. Restore loads such a file into an empty, migrated database of either
 * engine, in batches, then checks every table's count and checksum against the manifest.
 *
 * Secrets stay out unless asked for: password hashes (accounts.password is null), API tokens,
 * sessions, verifications and rate-limit counters are left out by default.
 */

export const BACKUP_FORMAT = "counterpoint-backup";
export const BACKUP_VERSION = 1;

/** Tables that are secrets or short-lived state: exported only with `secrets`. */
const SECRET_TABLES: ReadonlySet<TableKey> = new Set(["sessions", "verifications", "apiTokens", "rateLimits"]);

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  secrets: boolean;
  tables: { table: TableKey; rows: number; checksum: string }[];
}

function exportedRow(key: TableKey, row: Record<string, unknown>, secrets: boolean): Record<string, unknown> {
  return key === "accounts" && !secrets ? { ...row, password: null } : row;
}

/** Checksums over the rows as exported (so a backup without secrets still checks). */
async function tableChecksum(db: Db, key: TableKey, secrets: boolean): Promise<string> {
  const hash = createHash("sha256");
  for await (const page of allRows(db, tableOf(db, key))) for (const row of page) hash.update(canonical(exportedRow(key, row, secrets))).update("\n");
  return hash.digest("hex");
}

const included = (secrets: boolean) => COPY_ORDER.filter((k) => secrets || !SECRET_TABLES.has(k));

/** The backup, line by line (each line without its newline). */
export async function* exportDatabase(db: Db, options: { secrets?: boolean } = {}): AsyncGenerator<string> {
  const secrets = options.secrets ?? false;
  const tables: BackupManifest["tables"] = [];
  for (const key of included(secrets)) tables.push({ table: key, rows: await countRows(db, key), checksum: await tableChecksum(db, key, secrets) });
  const manifest: BackupManifest = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), secrets, tables };
  yield JSON.stringify(manifest);
  for (const key of included(secrets)) {
    for await (const page of allRows(db, tableOf(db, key))) for (const row of page) yield JSON.stringify({ t: key, r: exportedRow(key, row, secrets) });
  }
}

export class BackupError extends Error {}

/** Values as JSON carries them, back to what the column takes (instants are Dates). */
function revive(db: Db, key: TableKey, row: Record<string, unknown>): Record<string, unknown> {
  const columns = getTableColumns(tableOf(db, key));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const column = columns[name];
    if (!column) throw new BackupError(`${key}: the backup has a column “${name}” this database does not (a newer version made it?)`);
    out[name] = column.dataType === "date" && typeof value === "string" ? new Date(value) : value;
  }
  return out;
}

export interface RestoreProgress {
  table: string;
  restored: number;
}

/**
 * Loads a backup into `db`, which must hold nothing but what its migrations add. Throws a
 * BackupError naming the line or the table on anything unexpected; the rows already loaded stay
 * (restore into a fresh database again).
 */
export async function restoreDatabase(db: Db, lines: AsyncIterable<string>, onProgress: (p: RestoreProgress) => void = () => {}): Promise<BackupManifest> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new BackupError("line 1: the file is empty");
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(first.value) as BackupManifest;
  } catch {
    throw new BackupError("line 1: not a Counterpoint backup (the manifest is not JSON)");
  }
  if (manifest?.format !== BACKUP_FORMAT || manifest.version !== BACKUP_VERSION || !Array.isArray(manifest.tables)) {
    throw new BackupError(`line 1: not a Counterpoint backup of version ${BACKUP_VERSION}`);
  }
  for (const key of COPY_ORDER) {
    if (MIGRATION_ROWS[key]) continue;
    const n = await countRows(db, key);
    if (n > 0) throw new BackupError(`The database is not empty: ${getTableName(tableOf(db, key))} has ${n} row(s). Restore into a freshly migrated database.`);
  }
  await withTx(db, async (tx) => {
    await execute(tx, sql`DELETE FROM ratings`);
    await execute(tx, sql`DELETE FROM rating_scales`);
  });
  const order = new Map(COPY_ORDER.map((k, i) => [k, i]));
  const later: { key: TableKey; id: unknown; values: Record<string, unknown> }[] = [];
  let batch: Record<string, unknown>[] = [];
  let current: TableKey | null = null;
  let restored = 0;
  const flush = async () => {
    if (batch.length === 0 || current === null) return;
    const table = tableOf(db, current);
    // Counters the triggers keep start at 0: the claims restored after them count themselves in.
    const counters = TRIGGER_COUNTERS[current] ?? [];
    const rows = counters.length === 0 ? batch : batch.map((row) => ({ ...row, ...Object.fromEntries(counters.map((c) => [c, 0])) }));
    batch = [];
    await withTx(db, (tx) => loose(tx).insert(table).values(rows) as Promise<unknown>);
    restored += rows.length;
    onProgress({ table: getTableName(table), restored });
  };
  for (let lineNo = 2, next = await iterator.next(); !next.done; next = await iterator.next(), lineNo++) {
    if (next.value.trim() === "") continue;
    let entry: { t: TableKey; r: Record<string, unknown> };
    try {
      entry = JSON.parse(next.value) as typeof entry;
    } catch {
      throw new BackupError(`line ${lineNo}: not JSON`);
    }
    if (!order.has(entry.t) || typeof entry.r !== "object" || entry.r === null) throw new BackupError(`line ${lineNo}: an unknown table “${String(entry.t)}”`);
    if (entry.t !== current) {
      await flush();
      if (current !== null && order.get(entry.t)! < order.get(current)!) throw new BackupError(`line ${lineNo}: ${entry.t} after ${current} (rows must come in the manifest's order)`);
      current = entry.t;
      restored = 0;
    }
    const values = revive(db, entry.t, entry.r);
    // Rows pointing at rows of their own table get those links once every row exists.
    const self = SELF_REFERENCES[entry.t] ?? [];
    if (self.some((c) => values[c] !== null && values[c] !== undefined)) {
      later.push({ key: entry.t, id: values.id, values: Object.fromEntries(self.map((c) => [c, values[c]])) });
      for (const c of self) values[c] = null;
    }
    batch.push(values);
    if (batch.length >= 500) await flush();
  }
  await flush();
  for (const { key, id, values } of later) {
    const table = tableOf(db, key);
    const columns = getTableColumns(table);
    const assignments = sql.join(
      Object.entries(values).map(([c, v]) => sql`${sql.identifier(columns[c]!.name)} = ${v}`),
      sql`, `,
    );
    await withTx(db, (tx) => execute(tx, sql`UPDATE ${sql.identifier(getTableName(table))} SET ${assignments} WHERE id = ${id}`));
  }
  if (engineOf(db) === "postgres") await advanceSequences(db);
  for (const t of manifest.tables) {
    const [rows, sum] = [await countRows(db, t.table), await tableChecksum(db, t.table, manifest.secrets)];
    if (rows !== t.rows) throw new BackupError(`${t.table}: ${t.rows} row(s) in the backup, ${rows} restored`);
    if (sum !== t.checksum) throw new BackupError(`${t.table}: the restored rows differ from the backup's (checksum)`);
  }
  return manifest;
}
