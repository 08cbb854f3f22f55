import { describe, expect, it } from "vitest";
import { claimWith, readable } from "./helpers";

describe("direct quotations", () => {
  it("finds a curly-quoted statement and its post-posed speaker", () => {
    const text = "Mayor Ana Ortiz opened the depot. “The new buses will run every ten minutes,” Ortiz said.";
    const c = claimWith(text, "new buses");
    expect(c.content).toBe("“The new buses will run every ten minutes,”");
    expect(c.source).toBe("Ortiz");
    expect(c.cue).toBe("said");
    expect(c.kind).toBe("direct-quote");
    expect(c.speaker).toBe("Ana Ortiz");
  });

  it("finds a straight-quoted statement with an inverted cue", () => {
    const text = '"Fares will stay at two euros," said Mayor Ana Ortiz.';
    const c = claimWith(text, "Fares");
    expect(c.content).toBe('"Fares will stay at two euros,"');
    expect(c.source).toBe("Mayor Ana Ortiz");
    expect(c.speaker).toBe("Ana Ortiz");
  });

  it("joins the two halves of a quote split around its cue", () => {
    const text = "“The depot is finished,” she said, “and the drivers are trained.”";
    const c = claimWith(text, "depot");
    expect(c.content).toBe(text);
    expect(c.source).toBe("she");
    expect(c.cue).toBe("said");
  });

  it("keeps a quotation that spans several sentences together", () => {
    const text = "“We counted every bus. We found 14 with broken ramps. That is not acceptable,” the inspector said in a statement.";
    const c = claimWith(text, "broken ramps");
    expect(c.content).toBe("“We counted every bus. We found 14 with broken ramps. That is not acceptable,”");
    expect(c.source).toBe("the inspector");
  });

  it("takes a quotation introduced by a cue and a colon", () => {
    const text = "The transport minister told parliament: “No route will be cut this year.”";
    const c = claimWith(text, "No route");
    expect(c.content).toBe("“No route will be cut this year.”");
    expect(c.source).toBe("The transport minister");
    expect(c.kind).toBe("direct-quote");
  });

  it("ignores a scare-quoted phrase inside the writer's own sentence", () => {
    const text = "Critics called the plan a “vanity project” on Tuesday.";
    expect(readable(text).every((s) => s.kind !== "direct-quote")).toBe(true);
  });
});

describe("indirect speech", () => {
  it("takes the that-clause of a reporting verb", () => {
    const c = claimWith("The union said on Monday that wages had fallen for three years.", "wages");
    expect(c.content).toBe("that wages had fallen for three years");
    expect(c.source).toBe("The union");
    expect(c.kind).toBe("indirect");
  });

  it("takes a clause without 'that'", () => {
    const c = claimWith("The auditor says the city overpaid its contractors.", "overpaid");
    expect(c.content).toBe("the city overpaid its contractors");
    expect(c.source).toBe("The auditor");
  });

  it("handles 'X accused Y of …'", () => {
    const c = claimWith("The opposition accused the minister of hiding the audit report.", "hiding");
    expect(c.content).toBe("the minister of hiding the audit report");
    expect(c.source).toBe("The opposition");
    expect(c.cue).toBe("accused");
  });

  it("handles 'according to X' after and before the claim", () => {
    const after = claimWith("The river rose by two metres overnight, according to the water agency.", "river");
    expect(after.content).toBe("The river rose by two metres overnight");
    expect(after.source).toBe("the water agency");
    expect(after.kind).toBe("according-to");
    const before = claimWith("According to the water agency, the river rose by two metres overnight.", "river");
    expect(before.content).toBe("the river rose by two metres overnight");
    expect(before.source).toBe("the water agency");
  });

  it("handles a post-posed attribution", () => {
    const c = claimWith("Prices at the pump have doubled since January, the drivers’ group said.", "Prices");
    expect(c.content).toBe("Prices at the pump have doubled since January");
    expect(c.source).toBe("the drivers’ group");
  });

  it("takes the whole sentence around a parenthetical cue", () => {
    const c = claimWith("The new line, the engineers said, will carry 9,000 passengers an hour.", "new line");
    expect(c.content).toBe("The new line, the engineers said, will carry 9,000 passengers an hour");
    expect(c.source).toBe("the engineers");
  });

  it("separates two attributions in one sentence", () => {
    const s = readable("The mayor said the tunnel was safe, and the council said it was leaking.");
    expect(s.map((x) => [x.content, x.source])).toEqual([
      ["the tunnel was safe", "The mayor"],
      ["it was leaking", "the council"],
    ]);
  });

  it("gives a participle the subject of its main clause", () => {
    const s = readable("The ministry denied the report, saying the figures were out of date.");
    const saying = s.find((x) => x.cue === "saying")!;
    expect(saying.content).toBe("the figures were out of date");
    expect(saying.source).toBe("The ministry");
  });

  it("keeps an attribution nested in another's content inside it", () => {
    const s = readable("The senator said the governor believes the budget is balanced.");
    expect(s).toHaveLength(1);
    expect(s[0]!.content).toBe("the governor believes the budget is balanced");
  });
});
