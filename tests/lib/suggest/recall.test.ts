import { describe, expect, it } from "vitest";
import { claimWith } from "./helpers";

// Patterns added to raise recall on the tuning half of PolNeAR without losing precision.

describe("participles after a closed quotation or an adverb", () => {
  it("ends a content at “…,” adding and gives the participle the same speaker", () => {
    const text = "The mayor told reporters that the budget was “a disgrace,” adding that she would veto it.";
    expect(claimWith(text, "disgrace").content).toBe("that the budget was “a disgrace,”");
    const c = claimWith(text, "veto");
    expect(c.content).toBe("that she would veto it");
    expect(c.source).toBe("The mayor");
  });

  it("treats “, wrongly suggesting …” as a participle of the main clause", () => {
    const c = claimWith("The spokesman repeated the charge, wrongly suggesting the judge had ties to the protesters.", "judge");
    expect(c.content).toBe("the judge had ties to the protesters");
    expect(c.source).toBe("The spokesman");
  });
});

describe("inverted sources after a clause with commas", () => {
  it("does not take a clause between commas for an appositive subject", () => {
    const c = claimWith(
      "In a year when voters are angry, candidates have more room to walk away from the program, said Steve Grubbs, an Iowa operative.",
      "more room",
    );
    expect(c.content).toBe("In a year when voters are angry, candidates have more room to walk away from the program");
    expect(c.source).toBe("Steve Grubbs, an Iowa operative");
  });

  it("keeps a relative clause inside an appositive subject", () => {
    const c = claimWith("Rich Heffley, an operative who is now running the early vote, said the program is critical.", "critical");
    expect(c.source).toBe("Rich Heffley, an operative who is now running the early vote,");
  });

  it("ends an inverted source before an adjunct", () => {
    const c = claimWith("The program is hardly formal, but it has a loyal following, said Ms. Gil, with games and classes every week.", "loyal");
    expect(c.source).toBe("Ms. Gil");
  });
});
