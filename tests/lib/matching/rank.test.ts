import { describe, expect, it } from "vitest";
import { rankCandidates, type Candidate } from "@/lib/matching";
import { compareFigures, extractFigures } from "@/lib/matching/figures";
import { extractNames } from "@/lib/matching/names";
import { statsFromDocuments } from "@/lib/matching/stats";
import { contentStems } from "@/lib/matching/text";

const archive: Candidate[] = [
  { id: 1, text: "Amnesty International identified 53 scam centres in Cambodia.", quote: "", headline: "Did Amnesty Find 53 Scam Centres in Cambodia? The rights group's report", date: "26 June 2025" },
  { id: 2, text: "Amnesty International identified 35 scam centres in Cambodia.", quote: "", headline: "Did Amnesty Find 35 Scam Centres in Cambodia? The rights group's report", date: "26 June 2025" },
  { id: 3, text: "A video shows Nancy Pelosi slurring her speech at an event.", quote: "", headline: "Does This Video Show Nancy Pelosi Drunk?", date: "24 May 2019" },
  { id: 4, text: "Oak trees were planted at Versailles to repair Notre Dame.", quote: "", headline: "Were Oak Trees Planted at Versailles?", date: "22 April 2019" },
  { id: 5, text: "Scam calls claim to come from the tax office.", quote: "", headline: "Tax office scam calls", date: "3 March 2018" },
];
// A larger background so idf means something: filler claims about other things.
const filler: Candidate[] = Array.from({ length: 200 }, (_, i) => ({
  id: 100 + i,
  text: `Claim number ${i} about topic ${i % 17} and the weather in region ${i % 23}.`,
  quote: "",
  headline: `Is claim ${i} true? Region ${i % 23} report`,
  date: "1 January 2020",
}));
const stats = statsFromDocuments([...archive, ...filler].map((c) => ({ text: contentStems(c.text), headline: contentStems(c.headline) })));

describe("re-ranking and explaining a match", () => {
  it("ranks the restated claim first and calls it strong, with what is shared", () => {
    const post = "Amnesty International says it identified 53 scam centres in Cambodia https://t.co/x — Reporter (@rep) June 27, 2025";
    const [best, second] = rankCandidates(post, [...archive, ...filler], stats);
    expect(best!.candidate.id).toBe(1);
    expect(best!.strength).toBe("strong");
    expect(best!.explanation.sharedFigures).toEqual(["53"]);
    expect(best!.explanation.sharedNames).toEqual(expect.arrayContaining(["Amnesty", "International", "Cambodia"]));
    expect(best!.explanation.sharedPhrases.join(" | ")).toMatch(/scam centres in Cambodia|scam centres Cambodia/);
    expect(best!.explanation.disagreeingFigures).toEqual([]);
    // The same claim with another figure comes next, and is never strong.
    expect(second!.candidate.id).toBe(2);
    expect(second!.explanation.disagreeingFigures).toEqual([{ post: "53", candidate: "35" }]);
    expect(second!.strength).not.toBe("strong");
  });

  it("never calls a match with a disagreeing figure strong, even when it is the only candidate", () => {
    const post = "Amnesty International identified 35 scam centres in Cambodia.";
    const only = rankCandidates(post, [archive[0]!], stats);
    expect(only[0]!.explanation.disagreeingFigures).toEqual([{ post: "35", candidate: "53" }]);
    expect(only[0]!.strength).not.toBe("strong");
  });

  it("uses the names in the post, not the poster's", () => {
    const post = "Pelosi slurring her speech again?! — Nancy Fan (@oak_trees_versailles) May 24, 2019";
    const [best] = rankCandidates(post, archive, stats);
    expect(best!.candidate.id).toBe(3);
    expect(best!.explanation.sharedNames).toEqual(["Pelosi"]);
  });

  it("returns nothing for nothing", () => {
    expect(rankCandidates("Pelosi", [], stats)).toEqual([]);
    expect(rankCandidates("", archive, stats)).toHaveLength(5);
  });
});

describe("figures and names", () => {
  it("reads figures with their units", () => {
    expect(extractFigures("$2.8M in charity, 37% of precincts, fifty-three centres, a dozen raids, in 2019, May 18").map((f) => [f.value, f.units])).toEqual([
      [2_800_000, ["$"]],
      [37, ["%"]],
      [2019, ["year"]],
      [18, ["day"]],
      [53, ["centr"]],
      [12, ["raid"]],
    ]);
    expect(extractFigures("COVID19 and G7 and 4chan")).toEqual([]);
  });

  it("says which figures agree and which disagree", () => {
    const a = extractFigures("53 scam centres in 2019");
    expect(compareFigures(a, extractFigures("53 centres"))).toEqual({ shared: ["53"], disagreeing: [] });
    expect(compareFigures(a, extractFigures("35 centres in 2019")).disagreeing).toEqual([{ post: "53", candidate: "35" }]);
    // Different kinds of figure do not disagree.
    expect(compareFigures(a, extractFigures("35 people")).disagreeing).toEqual([]);
  });

  it("finds names by capitals, not at a sentence start, not in shouting", () => {
    expect(extractNames("The FBI said Jane Goodall met Trump. Pelosi left. Then Bill Gates did.")).toEqual({
      names: ["fbi", "jane", "goodal", "trump", "bill", "gate"],
      capitalised: ["fbi", "jane", "goodal", "trump", "pelosi", "bill", "gate"],
    });
    expect(extractNames("THE FBI SAID JANE GOODALL MET TRUMP")).toEqual({ names: [], capitalised: [] });
  });
});
