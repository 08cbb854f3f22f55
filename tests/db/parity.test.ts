import { getTableName, is, SQL, type Table } from "drizzle-orm";
import { type AnyPgColumn, getTableConfig as pgConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import { type AnySQLiteColumn, getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pg from "@/db/schema/pg";
import * as sqlite from "@/db/schema/sqlite";

/**
 * The SQLite and PostgreSQL schemas describe the same database: same tables, columns (name,
 * type, nullability, default, primary key), foreign keys, indexes and checks. Homarr kept one
 * schema per engine and drifted (a default true on one engine, false on the other); this test
 * is what stops that here. Engine-specific spellings (a default written in each engine's SQL, a
 * CHECK using GLOB or a regular expression) are compared through the meanings below.
 */

/** Column types that mean the same on both engines. */
const TYPES: Record<string, string> = {
  SQLiteInteger: "integer",
  PgInteger: "integer",
  // SQLite's integers are 64-bit; a PostgreSQL column that needs more than 32 bits is a bigint.
  PgBigInt53: "integer",
  SQLiteText: "text",
  PgText: "text",
  SQLiteReal: "float",
  PgDoublePrecision: "float",
  SQLiteBoolean: "boolean",
  PgBoolean: "boolean",
  SQLiteTimestamp: "instant",
  PgTimestamp: "instant",
  SQLiteTextJson: "json",
  PgJsonb: "json",
};

/** SQL defaults, by meaning: each engine's way of writing "now" and "an empty array". */
const DEFAULTS: Record<string, string> = {
  "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))": "now as ISO text",
  "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')": "now as ISO text",
  "(unixepoch('subsec') * 1000)": "now as an instant",
  "now()": "now as an instant",
  "'[]'": "empty JSON array",
  "'[]'::jsonb": "empty JSON array",
};

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

function defaultOf(column: AnySQLiteColumn | AnyPgColumn, dialect: SQLiteSyncDialect | PgDialect): unknown {
  if (!column.hasDefault) return undefined;
  if (is(column.default, SQL)) {
    const text = dialect.sqlToQuery(column.default).sql;
    return DEFAULTS[text] ?? `unmapped SQL default: ${text}`;
  }
  return column.default;
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

/** An index column by name and order; an expression (spelt per engine) only as such. */
function indexColumn(column: unknown, dialect: SQLiteSyncDialect | PgDialect): string {
  if (!is(column, SQL)) {
    const c = column as { name: string; indexConfig?: { order?: string } };
    return c.indexConfig?.order === "desc" ? `${c.name} desc` : c.name;
  }
  // SQLite's index builder takes a descending column as SQL: `"request_count" DESC`.
  const text = dialect.sqlToQuery(column).sql;
  const named = /^(?:"\w+"\.)?"(\w+)" (ASC|DESC)$/.exec(text);
  return named ? `${named[1]}${named[2] === "DESC" ? " desc" : ""}` : "(expression)";
}

function describeTable(config: Config, dialect: SQLiteSyncDialect | PgDialect) {
  const columns = (config.columns as (AnySQLiteColumn | AnyPgColumn)[]).map((c) => ({
    name: c.name,
    type: TYPES[c.columnType] ?? `unmapped type ${c.columnType}`,
    notNull: c.notNull,
    default: defaultOf(c, dialect),
    primary: c.primary,
    unique: c.isUnique,
    enum: c.enumValues ?? null,
    // The TypeScript type the app sees: the same on both engines.
    dataType: c.dataType,
    // Computed by the database from the row (virtual on SQLite, stored on PostgreSQL).
    generated: Boolean(c.generated),
  }));
  const foreignKeys = config.foreignKeys.map((fk) => {
    const ref = fk.reference();
    return {
      columns: ref.columns.map((c) => c.name),
      table: getTableName(ref.foreignTable as Table),
      foreignColumns: ref.foreignColumns.map((c) => c.name),
      onDelete: fk.onDelete ?? "no action",
    };
  });
  const indexes = config.indexes.map((index) => ({
    name: index.config.name,
    unique: index.config.unique,
    // Expression indexes (case-insensitive names) are spelt per engine: compared by their place.
    columns: (index.config.columns as unknown[]).map((c) => indexColumn(c, dialect)),
    partial: Boolean(index.config.where),
  }));
  return {
    name: config.name,
    columns: columns.sort((a, b) => a.name.localeCompare(b.name)),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    foreignKeys: foreignKeys.sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    indexes: indexes.sort((a, b) => String(a.name).localeCompare(String(b.name))),
    checks: config.checks.map((c) => c.name).sort(),
    uniqueConstraints: config.uniqueConstraints.map((u) => u.getName()).sort(),
  };
}

const sqliteTables = Object.entries(sqlite).filter(([, v]) => is(v, SQLiteTable)) as [string, SQLiteTable][];
const pgTables = Object.entries(pg).filter(([, v]) => is(v, PgTable)) as [string, PgTable][];

describe("schema parity: SQLite and PostgreSQL", () => {
  it("export the same tables under the same names", () => {
    expect(pgTables.map(([k]) => k).sort()).toEqual(sqliteTables.map(([k]) => k).sort());
    expect(Object.keys(pg).sort()).toEqual(Object.keys(sqlite).sort());
  });

  for (const [key, table] of sqliteTables) {
    it(`${key}: same columns, types, nullability, defaults, keys, indexes and checks`, () => {
      const twin = (pg as Record<string, unknown>)[key] as PgTable;
      const a = describeTable(sqliteConfig(table), sqliteDialect);
      const b = describeTable(pgConfig(twin), pgDialect);
      expect(JSON.stringify(a)).not.toMatch(/unmapped/);
      expect(JSON.stringify(b)).not.toMatch(/unmapped/);
      expect(b).toEqual(a);
    });
  }

  it("notices a difference (a default changed on one side only)", () => {
    const a = describeTable(sqliteConfig(sqlite.users), sqliteDialect);
    const b = describeTable(pgConfig(pg.users), pgDialect);
    const drifted = { ...b, columns: b.columns.map((c) => (c.name === "active" ? { ...c, default: false } : c)) };
    expect(drifted).not.toEqual(a);
  });
});
