import "server-only";
import { ENGINE } from "../engine";
import * as pgSearch from "./pg";
import * as sqliteSearch from "./sqlite";

/** Full-text search for the engine this process runs on (see types.ts; a twin module per engine). */
const engine: typeof sqliteSearch = ENGINE === "postgres" ? pgSearch : sqliteSearch;

export const { claimHits, claimHitsQuery, sourceHits, speakerHits, claimSnippets, sourceSnippets, speakerSnippets, similarCandidates, wordCounts } = engine;
export { CANDIDATES, WALK, type ClaimFilter, type ClaimSnippet, type Key, type RankedHit, type SearchPlan, type SourceSnippet, type SpeakerSnippet } from "./types";
export { claimsHolding, nearWords, type SpellingScope, wordFrequencies } from "./spelling";
