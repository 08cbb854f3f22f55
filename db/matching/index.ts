import "server-only";
import { ENGINE } from "../engine";
import * as pgMatching from "./pg";
import * as sqliteMatching from "./sqlite";

/** The claim matcher's index for the engine this process runs on (see types.ts; a twin per engine; SQLite ranks every match with bm25 and needs no word statistics). */
const engine: Pick<typeof pgMatching, "matchCandidates" | "matchVocabulary"> = ENGINE === "postgres" ? pgMatching : sqliteMatching;

export const { matchCandidates, matchVocabulary } = engine;
export type { MatchCandidateRow, MatchVocabulary } from "./types";
