import "server-only";
import { sql } from "drizzle-orm";
import { type Db, engineOf, handleOf } from "./client";
import { execute, rows } from "./sql";
import { withTx } from "./tx";

/**
 * Bulk loading for the data generator and the benchmarks: many rows in one transaction, the
 * engine's fastest way (one prepared statement run per row on SQLite, multi-row INSERTs of up to
 * ~30,000 values on PostgreSQL). Values are given in column order; JSON columns as JSON text,
 * booleans as booleans. Not for the app: it writes no events and checks nothing.
 */
export async function bulkInsert(db: Db, table: string, columns: string[], values: unknown[][]): Promise<void> {
  if (values.length === 0) return;
  const handle = handleOf(db);
  const quoted = columns.map((c) => `"${c}"`).join(", ");
  if (handle.engine === "sqlite") {
    await withTx(db, async () => {
      const statement = handle.writer.prepare(`INSERT INTO "${table}" (${quoted}) VALUES (${columns.map(() => "?").join(", ")})`);
      for (const row of values) statement.run(row.map((v) => (typeof v === "boolean" ? Number(v) : v)));
    });
    return;
  }
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  const target = sql.raw(`"${table}" (${quoted})`);
  await withTx(db, async (tx) => {
    for (let i = 0; i < values.length; i += perStatement) {
      const tuples = values.slice(i, i + perStatement).map(
        (row) =>
          sql`(${sql.join(
            row.map((v) => sql`${v}`),
            sql`, `,
          )})`,
      );
      await execute(tx, sql`INSERT INTO ${target} VALUES ${sql.join(tuples, sql`, `)}`);
    }
  });
}

/** Settings for a one-off bulk load into a fresh database: SQLite stops syncing until the load is done. */
export function fastLoad(db: Db): void {
  const handle = handleOf(db);
  if (handle.engine === "sqlite") {
    handle.writer.pragma("synchronous = OFF");
    handle.writer.pragma("cache_size = -262144");
  }
}

/** After a bulk load: the planner's statistics, identity sequences past the highest ids, a checkpoint. */
export async function finishLoad(db: Db, tables: string[]): Promise<void> {
  const handle = handleOf(db);
  if (handle.engine === "sqlite") {
    handle.writer.pragma("synchronous = NORMAL");
    handle.writer.exec("ANALYZE");
    handle.writer.pragma("wal_checkpoint(TRUNCATE)");
    return;
  }
  for (const table of tables) {
    const [seq] = await rows<{ name: string | null }>(db, sql`SELECT pg_get_serial_sequence(${table}, 'id') AS name`);
    if (seq?.name) await withTx(db, (tx) => execute(tx, sql`SELECT setval(${seq.name}, coalesce((SELECT max(id) FROM ${sql.identifier(table)}), 0) + 1, false)`));
  }
  await execute(db, sql`VACUUM ANALYZE`);
}

/** Bytes on disk: the whole database, and each table with its indexes (search data included). */
export async function databaseSize(db: Db): Promise<{ total: number; tables: { name: string; bytes: number }[] }> {
  if (engineOf(db) === "sqlite") {
    const [page] = await rows<{ size: number }>(db, sql`SELECT page_count * page_size AS size FROM pragma_page_count(), pragma_page_size()`);
    const perTable = await rows<{ name: string; bytes: number }>(
      db,
      sql`SELECT coalesce(i.tbl_name, s.name) AS name, sum(s.pgsize) AS bytes FROM dbstat s LEFT JOIN sqlite_schema i ON i.name = s.name GROUP BY 1 ORDER BY 2 DESC`,
    );
    return { total: Number(page?.size ?? 0), tables: perTable.map((t) => ({ name: t.name, bytes: Number(t.bytes) })) };
  }
  const [total] = await rows<{ size: number }>(db, sql`SELECT pg_database_size(current_database()) AS size`);
  const perTable = await rows<{ name: string; bytes: number }>(
    db,
    sql`SELECT relname AS name, pg_total_relation_size(oid) AS bytes FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC`,
  );
  return { total: Number(total?.size ?? 0), tables: perTable.map((t) => ({ name: t.name, bytes: Number(t.bytes) })) };
}
