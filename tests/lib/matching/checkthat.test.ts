import { afterAll, describe, expect, it } from "vitest";
import { rankCandidates, stage1Query } from "@/lib/matching";
import { DEFAULT_CANDIDATES } from "@/lib/matching/terms";
import { buildIndex, CHECKTHAT_DIR, loadCheckThat } from "@/scripts/matching-data";
import { missingShared } from "@/scripts/shared-dir";

// A regression guard on a slice of CheckThat! 2022 2A train (read from ../shared, never copied):
// the full figures come from scripts/eval-matching-offline.ts; this runs the product path —
// stage 1 on a real FTS5 index, then rankCandidates with the committed weights — on the first
// 250 training tweets and checks MAP@5 has not fallen far below what was measured when the
// floor was set: 0.915 (stage 1 alone: 0.811). The weights were trained on all of train, this
// slice included, so the figure guards against regressions; it is not a held-out measure.
const data = loadCheckThat();
const SLICE = 250;
const FLOOR = 0.89;

describe.skipIf(!data)(`CheckThat! 2022 2A train slice (${data ? CHECKTHAT_DIR : missingShared(CHECKTHAT_DIR)})`, () => {
  const index = data ? buildIndex(data.factChecks) : null;
  afterAll(() => index?.close());

  it(`ranks the fact-check a tweet repeats first for most of ${SLICE} tweets (MAP@5 ≥ ${FLOOR})`, () => {
    let sum = 0;
    let n = 0;
    for (const q of data!.train.queries.slice(0, SLICE)) {
      const relevant = data!.train.qrels.get(q.id);
      if (!relevant) continue;
      const { match } = stage1Query(q.text, index!.stats);
      const candidates = match ? index!.search(match, DEFAULT_CANDIDATES).map((i) => index!.candidates[i]!) : [];
      const top = rankCandidates(q.text, candidates, index!.stats, { limit: 5 });
      let hits = 0;
      let ap = 0;
      top.forEach((m, r) => {
        if (relevant.has(String(m.candidate.id))) ap += ++hits / (r + 1);
      });
      sum += ap / relevant.size;
      n++;
    }
    const map5 = sum / n;
    expect(n).toBe(SLICE);
    expect(map5).toBeGreaterThanOrEqual(FLOOR);
  });
});
