/**
 * Which database engine this process runs on. `DATABASE_URL=postgres://…` (or `postgresql://`)
 * selects PostgreSQL; without it Counterpoint uses the SQLite file at DATABASE_PATH. The choice
 * is made once, when the process starts: the schema module, the SQL dialect helpers and the
 * connection all follow it. Nothing outside db/ names an engine.
 */
export type Engine = "sqlite" | "postgres";

export function engineFor(url: string | undefined | null): Engine {
  return url && /^postgres(ql)?:\/\//i.test(url.trim()) ? "postgres" : "sqlite";
}

export const ENGINE: Engine = engineFor(process.env.DATABASE_URL);
