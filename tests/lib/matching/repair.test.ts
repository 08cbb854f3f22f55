import { describe, expect, it } from "vitest";
import { repairText, repairWord } from "@/lib/matching/repair";
import type { CorpusStats } from "@/lib/matching/stats";
import { stem } from "@/lib/matching/text";

const vocab = new Map(
  ["boycott", "pepsi", "tent", "city", "texas", "church", "shooting", "rumor", "organization", "so", "kneel", "paso", "del"].map((w) => [stem(w), 10]),
);
const stats: CorpusStats = { n: 1000, df: (s) => vocab.get(s) ?? 0, avgTextLength: 10, avgHeadlineLength: 10 };

describe("repairing words the archive does not know", () => {
  it.each([
    ["boycottpepsi", "boycott pepsi"],
    ["tentcity", "tent city"],
    ["texaschurchshooting", "texas church shooting"],
    ["rumour", "rumor"],
    ["organisation", "organization"],
    ["soooooo", "so"],
  ])("%s → %s", (word, repaired) => expect(repairWord(word, stats)).toBe(repaired));

  it("leaves known, short, capitalised and unsplittable words alone", () => {
    for (const w of ["pepsi", "tent", "xq", "zzzzzzzzq", "kneelers", "a".repeat(40)]) expect(repairWord(w, stats), w).toBe(w);
    expect(repairText("Boycottpepsi said #boycottpepsi TentCity tentcity", stats)).toBe("Boycottpepsi said #boycott pepsi TentCity tent city");
  });
});
