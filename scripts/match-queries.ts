/** Query files: one `id<TAB>text` a line; a text wrapped in double quotes (inner quotes doubled) is unwrapped. */
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
