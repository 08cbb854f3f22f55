/**
 * Building blocks of the domain schemas, shared between them: not exported from `@/lib/schemas`.
 */
import { z } from "zod";

/** Optional free text: trimmed, and an empty string means "none". */
export const optionalText = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullish();

export const httpUrl = z
  .string({ error: "must be a URL" })
  .trim()
  .max(2000, "must be at most 2000 characters")
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.includes(".");
    } catch {
      return false;
    }
  }, "must be an http(s) URL such as https://example.org/article")
  .meta({ format: "uri", pattern: "^\\s*[hH][tT][tT][pP][sS]?://[^/?#]*\\.", description: "an http(s) URL with a dotted host name" });
