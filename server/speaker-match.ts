import "server-only";
import { and, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { speakers } from "@/db/schema";
import { candidatePatterns, matchSpeakerName, type SpeakerMatch } from "@/lib/speaker-names";

/** At most this many live speakers are compared with a typed name (those sharing one of its words). */
const CANDIDATES = 500;

type Candidate = { id: number; name: string; aliases: string[]; kind: string };

/** `pattern` is a LIKE pattern as given (its `_` are wildcards on purpose), case-insensitive. */
function likeAny(pattern: string): SQL {
  return ENGINE === "postgres"
    ? sql`(${speakers.name} ILIKE ${pattern} OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(${speakers.aliases}) AS a(value) WHERE a.value ILIKE ${pattern}))`
    : sql`(${speakers.name} LIKE ${pattern} OR EXISTS (SELECT 1 FROM json_each(${speakers.aliases}) WHERE value LIKE ${pattern}))`;
}

/**
 * The live speaker a typed name means, and the ones close to it (see matchSpeakerName). The
 * database narrows the candidates to names sharing a word with it, accents aside.
 */
export async function findSpeakerMatch(db: Db, name: string): Promise<SpeakerMatch<Candidate>> {
  const patterns = candidatePatterns(name);
  if (patterns.length === 0) return { exact: null, close: [] };
  const rows = await db
    .select({ id: speakers.id, name: speakers.name, aliases: speakers.aliases, kind: speakers.kind })
    .from(speakers)
    .where(and(isNull(speakers.mergedIntoId), or(...patterns.map(likeAny))))
    .orderBy(speakers.id)
    .limit(CANDIDATES);
  return matchSpeakerName(name, rows);
}
