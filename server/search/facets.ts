import "server-only";
import type { Db } from "@/db/client";
import { type Viewer, visibleStatuses } from "@/lib/model";

/** The /search page's filter options (not part of the search itself). */

export interface SearchFacets {
  speakers: { id: number; name: string }[];
  stories: { id: number; title: string }[];
  verdicts: { key: string; label: string }[];
}

/** The search page's filter options: speakers and stories with claims the viewer may see, the default scale's verdicts. */
export function searchFacets(db: Db, viewer: Viewer): SearchFacets {
  const statuses = visibleStatuses(viewer)
    .map((s) => `'${s}'`)
    .join(", ");
  const speakers = db.$client
    .prepare(
      `SELECT s.id, s.name FROM speakers s WHERE s.merged_into_id IS NULL
       AND EXISTS (SELECT 1 FROM claims c WHERE c.speaker_id = s.id AND c.status IN (${statuses})) ORDER BY s.name COLLATE NOCASE LIMIT 500`,
    )
    .all() as SearchFacets["speakers"];
  const stories = db.$client
    .prepare(
      `SELECT t.id, t.title FROM stories t
       WHERE EXISTS (SELECT 1 FROM claims c WHERE c.story_id = t.id AND c.status IN (${statuses})) ORDER BY t.title COLLATE NOCASE LIMIT 500`,
    )
    .all() as SearchFacets["stories"];
  const verdicts = db.$client
    .prepare("SELECT r.key, r.label FROM ratings r JOIN rating_scales s ON s.id = r.scale_id AND s.is_default = 1 ORDER BY r.position, r.id")
    .all() as SearchFacets["verdicts"];
  return { speakers, stories, verdicts };
}
