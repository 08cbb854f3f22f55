import { describe, expect, it } from "vitest";
import { claimWith, readable } from "./helpers";

describe("stance adjectives, nouns and passives", () => {
  it("takes the object of an adjective after a copula", () => {
    const c = claimWith("The union was sharply critical of the new fare rules.", "fare rules");
    expect(c.content).toBe("the new fare rules");
    expect(c.source).toBe("The union");
  });

  it("takes the that-clause of an adjective", () => {
    const c = claimWith("The mayor is confident that the tunnel will open in May.", "tunnel");
    expect(c.content).toBe("that the tunnel will open in May");
    expect(c.source).toBe("The mayor");
  });

  it("takes a sourceless passive evidential as a whole clause", () => {
    const c = claimWith("The old bridge is widely seen as the weakest link in the network.", "weakest link");
    expect(c.content).toBe("The old bridge is widely seen as the weakest link in the network");
    expect(c.source).toBeNull();
  });

  it("gives a noun cue under a light verb the verb's subject", () => {
    const c = claimWith("The council renewed its support for the tram extension.", "tram");
    expect(c.content).toBe("the tram extension");
    expect(c.source).toBe("The council");
  });

  it("gives a possessed noun cue its possessor", () => {
    const c = claimWith("Nobody in the union was ready for her decision to close the depot.", "depot");
    expect(c.content).toBe("to close the depot");
    expect(c.source).toBe("her");
  });

  it("takes an evidence verb after a document noun", () => {
    const c = claimWith("The survey shows a sharp drop in support for the plan.", "sharp drop");
    expect(c.content).toBe("a sharp drop in support for the plan");
    expect(c.source).toBe("The survey");
  });

  it("handles 'talk about' and keeps a relative clause inside an object", () => {
    expect(claimWith("The mayor talked about the flood defences.", "flood").content).toBe("the flood defences");
    expect(claimWith("She pointed to the workers who are still waiting for their pay.", "workers").content).toBe(
      "the workers who are still waiting for their pay",
    );
  });

  it("ends a stance object before a coordinated verb phrase", () => {
    const c = claimWith("The senator praised the plan and promised to fund it.", "plan");
    expect(c.content).toBe("the plan");
    expect(c.cue).toBe("praised");
  });
});

describe("quotations", () => {
  it("takes a quotation that ends the speaker's own clause", () => {
    const c = claimWith("The plan is “reckless and unaffordable,” said Councillor Ben Ama.", "reckless");
    expect(c.content).toBe("The plan is “reckless and unaffordable,”");
    expect(c.source).toBe("Councillor Ben Ama");
  });

  it("reads a closing mark typed as an opening one", () => {
    const c = claimWith("“The depot will close in May,“ said the manager.", "depot");
    expect(c.content).toBe("“The depot will close in May,“");
    expect(c.source).toBe("the manager");
  });

  it("attributes a cue-less quoted paragraph to the speaker named next to it", () => {
    const text = "“We have waited ten years for this line and we will not wait any longer.”\n\nThe residents’ association said the vote was a victory.";
    const c = claimWith(text, "ten years");
    expect(c.kind).toBe("direct-quote");
    expect(c.source).toBe("The residents’ association");
  });

  it("does not take a quoted title as the object of a stance verb", () => {
    const s = readable("The campaign intends to release its new book, “A Better Deal for Workers,” next month.");
    expect(s.every((x) => x.kind !== "direct-quote")).toBe(true);
    expect(s[0]!.content).toBe("to release its new book");
  });
});

describe("clause boundaries", () => {
  it("ends a content at the comma that closes a fronted clause", () => {
    const c = claimWith("After the mayor announced that fares would rise, commuters protested outside city hall.", "fares");
    expect(c.content).toBe("that fares would rise");
  });

  it("leaves an adjunct of a parenthetical cue out of the content", () => {
    const c = claimWith("Ticket sales were up again, he said, wiping his glasses.", "Ticket");
    expect(c.content).toBe("Ticket sales were up again");
  });

  it("keeps a description of the 'according to' source out of the content", () => {
    const c = claimWith("Ridership fell by a third, according to Ana Ortiz, a transit analyst who studies the data.", "Ridership");
    expect(c.content).toBe("Ridership fell by a third");
  });

  it("splits sentences before a bracketed sentence", () => {
    const c = claimWith("He said the line was running late. (The contractor blamed the weather.)", "running late");
    expect(c.content).toBe("the line was running late");
  });

  it("gives a participle the subject of a main clause without a cue", () => {
    const c = claimWith("The minister spoke for an hour, insisting that the budget was balanced.", "budget");
    expect(c.source).toBe("The minister");
  });

  it("does not take an adverbial after a cue as its content", () => {
    expect(readable("The agency responded on Twitter.")).toHaveLength(0);
  });
});
