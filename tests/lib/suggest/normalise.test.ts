import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggest";
import { normaliseStatement, resolveFirstPerson, tidyQuote, type NormaliseInput } from "@/lib/suggest/normalise";
import { codePointSlice } from "@/lib/codepoints";

/** The statement the engine's suggestion for `text` normalises to (the one containing `needle`). */
function statementOf(text: string, needle: string, speaker?: { name: string; kind: string }): string {
  const found = suggestClaims(text).filter((s) => codePointSlice(text, s.content.start, s.content.end).includes(needle));
  expect(found, `one suggestion with ${needle}`).toHaveLength(1);
  const s = found[0]!;
  const span = (r: { start: number; end: number } | null) => (r ? { ...r, text: codePointSlice(text, r.start, r.end) } : null);
  const input: NormaliseInput = { content: span(s.content)!, source: span(s.source), cue: span(s.cue), speaker: speaker ?? (s.speaker ? { name: s.speaker.name, kind: s.speaker.kind } : null), kind: s.kind };
  return normaliseStatement(input);
}

describe("normalised claim statements", () => {
  it("resolve first-person pronouns of a quotation to the speaker, with the verb agreeing", () => {
    expect(statementOf("“We will cut taxes,” Smith said.", "cut taxes", { name: "Smith", kind: "person" })).toBe("Smith will cut taxes");
    expect(resolveFirstPerson("I am the only candidate who has balanced a budget", "Jane Roe")).toBe("Jane Roe is the only candidate who has balanced a budget");
    expect(resolveFirstPerson("I think my plan works", "Roe")).toBe("Roe thinks Roe’s plan works");
    expect(resolveFirstPerson("We’ve created 40,000 jobs and they told us nothing", "The council")).toBe("The council has created 40,000 jobs and they told The council nothing");
    expect(resolveFirstPerson("I'm proud of what we did", "Lee")).toBe("Lee is proud of what Lee did");
  });

  it("keep what cannot be resolved safely: pronouns after a preposition, the second person", () => {
    expect(resolveFirstPerson("nobody listens to us and you know it", "Lee")).toBe("nobody listens to us and you know it");
    expect(resolveFirstPerson("It is too late", "Lee")).toBe("It is too late");
  });

  it("strip the speaker and the cue of reported speech and a leading that", () => {
    expect(statementOf("Government spokesman Pen Bona said on Friday that police had closed 14 scam compounds since January.", "14 scam")).toBe("Police had closed 14 scam compounds since January");
    expect(statementOf("According to the city audit office, the harbour expansion cost 340 million euros.", "harbour")).toBe("The harbour expansion cost 340 million euros");
  });

  it("resolve a reported clause's he or she to a person speaker only", () => {
    expect(statementOf("Mayor Ana Ruiz said she would close 12 schools by March.", "12 schools")).toBe("Ana Ruiz would close 12 schools by March");
    expect(normaliseStatement({ content: { start: 0, end: 20, text: "he had been misquoted" }, speaker: { name: "The ministry", kind: "government" }, kind: "indirect" })).toBe("He had been misquoted");
  });

  it("cut an attribution that interrupts a quotation out of the statement, the quote staying whole", () => {
    const text = "“The figures are wrong,” Smith said, “and the ministry knows it.”";
    expect(statementOf(text, "figures", { name: "Smith", kind: "person" })).toBe("The figures are wrong, and the ministry knows it");
  });

  it("keep speaker and cue before an infinitive or an object, which are no statement alone", () => {
    expect(normaliseStatement({ content: { start: 20, end: 50, text: "to take in additional Syrian refugees" }, cue: { start: 10, end: 17, text: "refused" }, speaker: { name: "Greg Abbott", kind: "person" }, kind: "indirect" })).toBe(
      "Greg Abbott refused to take in additional Syrian refugees",
    );
  });

  it("only tidy the punctuation when there is no speaker", () => {
    expect(normaliseStatement({ content: { start: 0, end: 10, text: "“the plan is reckless.”" }, kind: "direct-quote" })).toBe("The plan is reckless");
    expect(tidyQuote("Amnesty’s report “exaggerated.”")).toBe("Amnesty’s report exaggerated");
  });
});
