/**
 * Claim suggestions for text files, one JSON object per file per line:
 *   npm run --silent suggest -- article.txt other.txt
 * Offsets are code points of the file's text as read (UTF-8, no normalisation). A file that
 * cannot be read is reported on stderr and makes the exit status non-zero; the others are
 * still processed.
 */
import { readFileSync } from "node:fs";
import { suggestClaims } from "../lib/suggest";

function main(files: string[]): number {
  if (files.length === 0) {
    console.error("usage: npm run --silent suggest -- FILE...");
    return 2;
  }
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      console.error(`suggest: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      status = 1;
      continue;
    }
    const suggestions = suggestClaims(text).map((s) => ({
      content: s.content,
      source: s.source,
      cue: s.cue,
      speaker: s.speaker,
      quantities: s.quantities,
      score: s.score,
    }));
    process.stdout.write(JSON.stringify({ file, suggestions }) + "\n");
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
