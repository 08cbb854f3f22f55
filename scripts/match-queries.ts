/** Helpers of the match tools that load nothing from db/. Query files: one `id<TAB>text` a line; a text wrapped in double quotes (inner quotes doubled) is unwrapped. */
export interface QueryLine {
  id: string;
  text: string;
}

function unquote(field: string): string {
  return field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
}

export function readQueries(tsv: string): QueryLine[] {
  const out: QueryLine[] = [];
  for (const line of tsv.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0) out.push({ id: line.slice(0, tab), text: unquote(line.slice(tab + 1).replace(/\r$/, "")) });
  }
  return out;
}

/**
 * Fixes the engine before db/ loads: PostgreSQL when `--postgres URL` (a server where a new
 * database may be created), else SQLite whatever DATABASE_URL says.
 */
export function chooseEngine(postgresUrl: string | undefined): void {
  if (postgresUrl) process.env.DATABASE_URL = postgresUrl;
  else delete process.env.DATABASE_URL;
}
