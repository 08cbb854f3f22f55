import "server-only";
import { importDocument, MAX_IMPORT_BYTES } from "@/lib/import";
import { ValidationError } from "@/lib/errors";
import { assertCleanText, readBodyBytes, readJson } from "./http";

/** A source sent as JSON: 5 MiB of text, even if every character were escaped, plus its fields. */
export const SOURCE_JSON_LIMIT = 32 * 1024 * 1024;
/** A multipart upload: the largest file we convert, plus its form fields. */
export const SOURCE_UPLOAD_LIMIT = MAX_IMPORT_BYTES + 1024 * 1024;

/**
 * The body of POST /api/sources as plain fields: JSON as sent, or multipart/form-data with the
 * metadata as fields and either `text` (pasted) or `file` (a .txt, .md or .html upload that is
 * converted to readable text; its own title, byline, date, language and URL fill any field the
 * form left empty).
 */
export async function readSourceBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return readJson(request, SOURCE_JSON_LIMIT);
  const bytes = await readBodyBytes(request, SOURCE_UPLOAD_LIMIT);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new ValidationError("The upload could not be read as a form.", { file: "malformed multipart body" });
  }
  const fields: Record<string, string> = {};
  let file: File | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") fields[key] = value;
    else if (key === "file" && value.size > 0) file = value;
  }
  assertCleanText(fields);
  if (!file) return fields;
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ValidationError(`The file is too large (${(file.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_IMPORT_BYTES / 1048576} MiB).`, { file: "too large" });
  }
  const content = new TextDecoder("utf-8").decode(await file.arrayBuffer());
  const doc = importDocument({ filename: file.name, contentType: file.type || undefined, content });
  const fill = (key: string, value: string | null) => {
    if (!fields[key]?.trim() && value) fields[key] = value;
  };
  fill("title", doc.title);
  fill("author", doc.byline);
  fill("publishedOn", doc.publishedOn);
  fill("language", doc.language);
  fill("url", doc.url);
  if (!fields.title?.trim()) fields.title = file.name.replace(/\.[a-z]+$/i, "");
  return { ...fields, text: doc.text };
}
