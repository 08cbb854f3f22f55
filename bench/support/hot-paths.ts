// The server functions behind every page and API call, each with the fixtures it needs from the
// database at hand: measured by bench/queries.bench.ts at a million claims, and their plans
// checked by tests/db/plans.test.ts at any size.
import { sql } from "drizzle-orm";
import { changeVersion } from "@/db/changes";
import { type Db, engineOf } from "@/db/client";
import { row } from "@/db/sql";
import { ANONYMOUS, type Viewer } from "@/lib/model";
import { searchQuerySchema } from "@/lib/schemas";
import { allAnnotations } from "@/server/annotation-export";
import { getClaimDetail, listClaims } from "@/server/claims";
import { getEditorial } from "@/server/editorial";
import { listContestedPairs } from "@/server/contested";
import { contestedFacets } from "@/server/facets";
import { listPublishedVerdicts } from "@/server/feeds";
import { getHistory } from "@/server/history";
import { listQueue } from "@/server/queue";
import { commentsPage, evidencePage } from "@/server/reviews";
import { getScorecard } from "@/server/scorecard";
import { search } from "@/server/search";
import { correctTerms } from "@/server/search/spelling";
import { parseSearchQuery } from "@/lib/search-query";
import { similarClaims } from "@/server/similar";
import { getSource, listSourceClaims, listSources } from "@/server/sources";
import { getSpeaker, listSpeakers } from "@/server/speakers";
import { encodeCursor } from "@/server/pagination";
import { listStories } from "@/server/stories";
import { getStoryTimeline } from "@/server/timelines";

export type HotPath = [name: string, run: () => Promise<unknown>];

const SITE = { url: "https://counterpoint.example", orgName: "Counterpoint", orgUrl: "https://counterpoint.example" };

/** The speaker, source and story with the most claims: where a page is heaviest. */
export async function busiest(db: Db): Promise<{ topSpeaker: number; longSource: number; bigStory: number }> {
  const one = async (query: ReturnType<typeof sql>) => (await row<{ id: number }>(db, query))!.id;
  return {
    topSpeaker: await one(sql`SELECT speaker_id AS id FROM claims GROUP BY speaker_id ORDER BY count(*) DESC, speaker_id LIMIT 1`),
    longSource: await one(sql`SELECT source_id AS id FROM claims WHERE source_id IS NOT NULL GROUP BY source_id ORDER BY count(*) DESC, source_id LIMIT 1`),
    bigStory: await one(sql`SELECT story_id AS id FROM claims WHERE story_id IS NOT NULL GROUP BY story_id ORDER BY count(*) DESC, story_id LIMIT 1`),
  };
}

/** The hot paths on `db`, on its busiest speaker, story and source; `staff` reads the queue. */
export async function hotPaths(db: Db, staff: Extract<Viewer, { kind: "user" }>): Promise<HotPath[]> {
  const claim = (await row<{ id: number }>(db, sql`SELECT id FROM claims WHERE status = 'published' ORDER BY id LIMIT 1 OFFSET 3`))!.id;
  const { topSpeaker, longSource, bigStory } = await busiest(db);
  const text = (await row<{ text: string }>(db, sql`SELECT text FROM claims WHERE id = ${claim}`))!.text;
  const q = (s: string) => searchQuerySchema.parse({ q: s });
  return [
    ["claim detail", () => getClaimDetail(db, ANONYMOUS, claim)],
    ["home: contested 4 + recent 6 + stories 6", async () => [await listContestedPairs(db, ANONYMOUS, { limit: 4 }), await listClaims(db, ANONYMOUS, { limit: 6 }), await listStories(db, ANONYMOUS, { limit: 6 })]],
    ["contested pairs", () => listContestedPairs(db, ANONYMOUS, { limit: 20 })],
    ["contested pairs: big story", () => listContestedPairs(db, ANONYMOUS, { limit: 20, story: bigStory })],
    ["contested pairs: top speaker", () => listContestedPairs(db, ANONYMOUS, { limit: 20, speaker: topSpeaker })],
    ["contested facets", () => contestedFacets(db, ANONYMOUS, {})],
    ["story timeline (big story)", () => getStoryTimeline(db, ANONYMOUS, bigStory)],
    ["speaker + claims + scorecard (top)", async () => [await getSpeaker(db, ANONYMOUS, topSpeaker), await listClaims(db, ANONYMOUS, { speaker: topSpeaker, limit: 20 }), await getScorecard(db, ANONYMOUS, topSpeaker)]],
    ["source + its claims (longest)", async () => [await getSource(db, ANONYMOUS, longSource), await listSourceClaims(db, ANONYMOUS, longSource)]],
    ["search: rare word", () => search(db, ANONYMOUS, q("marmalade"))],
    ["search: common word", () => search(db, ANONYMOUS, q("tax"))],
    ["search: phrase", () => search(db, ANONYMOUS, q('"health care"'))],
    ["search: prefix", () => search(db, ANONYMOUS, q("immigra*"))],
    ["search: misspelt words", () => search(db, ANONYMOUS, q("Obma helth insurence"))],
    ["spelling: correct the misspelt words alone", () => correctTerms(db, ANONYMOUS, parseSearchQuery("Obma helth insurence"), "Obma helth insurence")],
    ["similar claims", () => similarClaims(db, staff, text, { limit: 5 })],
    ["feed: published verdicts", () => listPublishedVerdicts(db)],
    ["review queue: all", () => listQueue(db, staff, { filter: "all", limit: 20 } as never)],
    ["review queue: contested", () => listQueue(db, staff, { filter: "contested", limit: 20 } as never)],
    ["review queue: big story", () => listQueue(db, staff, { filter: "all", story: bigStory, limit: 20 } as never)],
    ["claim history", () => getHistory(db, "claim", claim)],
    ["claim editorial (staff): newest reviews, evidence, comments and counts", () => getEditorial(db, claim)],
    ["claim evidence and comments (staff): a later page", async () => [await evidencePage(db, claim, { limit: 50, cursor: encodeCursor(["9999-12-31T00:00:00.000Z", 1]) }), await commentsPage(db, claim, { limit: 50, cursor: encodeCursor(["9999-12-31T00:00:00.000Z", 1]) })]],
    ["annotation export: a page from the longest source on", () => allAnnotations(db, ANONYMOUS, SITE, encodeCursor([longSource, 0]))],
    ["review queue: quote changed", () => listQueue(db, staff, { filter: "quote_changed", limit: 20 } as never)],
    ["readers' lists: speakers, stories, sources", async () => [await listSpeakers(db, ANONYMOUS, { limit: 50 }), await listStories(db, ANONYMOUS, { limit: 30 }), await listSources(db, ANONYMOUS, { limit: 30 })]],
    ["search: common word by the top speaker", () => search(db, ANONYMOUS, searchQuerySchema.parse({ q: "tax", speaker: topSpeaker }))],
    // Asked on every request for a cached reader page (PostgreSQL answers from its listener, without a query).
    ...(engineOf(db) === "sqlite" ? [["change versions", async () => [await changeVersion(db, "all"), await changeVersion(db, "readers")]] satisfies HotPath] : []),
  ];
}
