import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggest";
import { normalizeName } from "@/lib/speaker-names";
import { matchKnown } from "@/lib/suggest/speakers";
import { at, claimWith, readable } from "./helpers";

describe("resolving sources to speakers", () => {
  it("resolves 'he' and 'she' to the nearest fitting named speaker", () => {
    const text = "Mayor Ana Ortiz spoke first. Councillor Tom Reyes spoke after her. He said the budget was too small.";
    const c = claimWith(text, "budget");
    expect(c.source).toBe("He");
    expect(c.speaker).toBe("Tom Reyes");
    expect(c.suggestion.speaker?.kind).toBe("person");
    expect(at(text, c.suggestion.speaker!.mention)).toBe("Tom Reyes");
  });

  it("resolves 'the group' to the organisation named before it", () => {
    const text = "Rights group Civic Watch published a report on Monday. The group said 12 prisons were overcrowded.";
    const c = claimWith(text, "prisons");
    expect(c.source).toBe("The group");
    expect(c.suggestion.speaker).toMatchObject({ name: "Civic Watch", kind: "organisation", speakerId: null });
    expect(at(text, c.suggestion.speaker!.mention)).toBe("Civic Watch");
  });

  it("resolves 'officials' and 'the government spokesman' to a government body and its spokesman", () => {
    const text =
      "The Ministry of Transport said 40 bridges needed repairs. Government spokesman Lee Tan said the work would start in June. " +
      "Officials said the repairs would cost less than expected. The government spokesman said no bridge was closed.";
    const s = readable(text);
    expect(s.find((x) => x.source === "Officials")?.suggestion.speaker).toMatchObject({ name: "Ministry of Transport", kind: "government" });
    expect(s.find((x) => x.source === "The government spokesman")?.suggestion.speaker).toMatchObject({ name: "Lee Tan", kind: "person" });
  });

  it("resolves 'the spokesman' to the person described as one", () => {
    const text = "Ana Ortiz, a spokeswoman for the port authority, met reporters. The spokeswoman said 300 containers were lost.";
    expect(claimWith(text, "containers").speaker).toBe("Ana Ortiz");
  });

  it("gives a bare surname the full name mentioned earlier", () => {
    const text = "Union leader Maria Okafor addressed the strikers. Okafor said the talks had failed.";
    expect(claimWith(text, "talks").speaker).toBe("Maria Okafor");
  });

  it("proposes a new speaker with a kind when none is known", () => {
    const text = "The Ministry of Health said 40 clinics had closed.";
    expect(claimWith(text, "clinics").suggestion.speaker).toMatchObject({ name: "Ministry of Health", kind: "government", speakerId: null });
  });
});

describe("matching known speakers", () => {
  const known = [
    { id: 7, name: "United Nations", aliases: ["UN", "U.N."] },
    { id: 8, name: "Pen Bona", aliases: [] },
    { id: 9, name: "José Martí Foundation", aliases: [] },
  ];

  it("matches by alias and by surname, case- and diacritics-insensitively", () => {
    const text = "About 5,000 families were displaced, according to the UN. Spokesman Pen Bona spoke later. Bona said the camps were full.";
    const s = readable(text, { knownSpeakers: known });
    expect(s.find((x) => x.source === "the UN")?.suggestion.speaker).toMatchObject({ name: "United Nations", speakerId: 7 });
    expect(s.find((x) => x.source === "Bona")?.suggestion.speaker).toMatchObject({ name: "Pen Bona", speakerId: 8, kind: "person" });
    expect(matchKnown("jose marti foundation", "organisation", known)?.id).toBe(9);
    expect(normalizeName("  José  MARTÍ’s ")).toBe("jose marti");
  });

  it("does not match a different person who shares the surname", () => {
    expect(matchKnown("Sok Bona", "person", [{ id: 8, name: "Pen Bona", aliases: [] }])).toBeNull();
  });
});

describe("speakers named only by description", () => {
  it("proposes the description itself when nothing named fits, never for a bare pronoun", () => {
    const text = "According to the city audit office, the harbour expansion cost 340 million euros. The mayor said the work would end in May. He said it was on budget.";
    const found = suggestClaims(text);
    const speakerOf = (needle: string) => found.find((s) => [...text].slice(s.content.start, s.content.end).join("").includes(needle))?.speaker ?? null;
    expect(speakerOf("340 million euros")).toMatchObject({ name: "City audit office", kind: "government", speakerId: null, mention: null });
    expect(speakerOf("work would end")).toMatchObject({ name: "Mayor", kind: "person" });
    // "He" has no named person before it: no speaker is invented, and "According" is not a name.
    expect(speakerOf("on budget")).toBeNull();
  });
});
