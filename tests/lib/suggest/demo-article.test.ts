import { describe, expect, it } from "vitest";
import { demoContent } from "@/db/seed/content";
import { cambodiaSource } from "@/db/seed/content/cambodia";
import { suggestClaims } from "@/lib/suggest";
import { at } from "./helpers";

/**
 * The engine on our own demo article (db/seed/content/cambodia.ts), with every demo speaker
 * known, as the annotator runs it: the four findings the product was specified from, each with
 * its speaker matched to the existing one and its figure.
 */
describe("claim suggestions on the demo article", () => {
  const text = cambodiaSource.text;
  const knownSpeakers = demoContent.speakers.map((s, i) => ({ id: 100 + i, name: s.name, aliases: s.aliases ?? [] }));
  const idOf = (name: string) => knownSpeakers.find((s) => s.name === name)!.id;
  const suggestions = suggestClaims(text, { knownSpeakers });
  const withContent = (needle: string) => {
    const found = suggestions.filter((s) => at(text, s.content)!.includes(needle));
    expect(found, `one suggestion containing ${needle}`).toHaveLength(1);
    return found[0]!;
  };

  it("attributes the 53 scam centers to Amnesty International, matched through “the London-based rights group”", () => {
    const s = withContent("53 scam centers");
    expect(at(text, s.content)).toMatch(/^it had identified 53 scam centers around the country/);
    expect(at(text, s.source)).toBe("the London-based rights group");
    expect(s.speaker).toMatchObject({ name: "Amnesty International", kind: "organisation", speakerId: idOf("Amnesty International") });
    const q = s.quantities.find((x) => x.value === 53)!;
    expect(at(text, q)).toBe("53 scam centers");
    expect(q).toMatchObject({ text: "53 scam centers", counted: "scam centers", unit: null, comparator: null });
    expect(s.score).toBeGreaterThan(0.5);
    expect(s.scoreParts.quantities).toBeGreaterThan(0);
  });

  it("attributes “exaggerated” to Pen Bona (through “he”), matched to the existing speaker", () => {
    const s = withContent("exaggerated");
    expect(at(text, s.cue)).toBe("called");
    expect(s.speaker).toMatchObject({ name: "Pen Bona", kind: "person", speakerId: idOf("Pen Bona") });
    expect(s.quantities).toEqual([]);
  });

  it("attributes the 100,000 people to the United Nations (“According to the UN”)", () => {
    const s = withContent("100,000 people");
    expect(s.kind).toBe("according-to");
    expect(at(text, s.source)).toBe("the UN");
    expect(s.speaker).toMatchObject({ name: "United Nations", kind: "organisation", speakerId: idOf("United Nations") });
    const q = s.quantities.find((x) => x.value === 100000)!;
    expect(at(text, q)).toBe("as many as 100,000 people");
    expect(q).toMatchObject({ counted: "people", comparator: "up-to" });
  });

  it("attributes the US$12.5 billion to the US Institute for Peace", () => {
    const s = withContent("US$12.5 billion");
    expect(s.kind).toBe("according-to");
    expect(s.speaker).toMatchObject({ name: "US Institute for Peace", kind: "organisation", speakerId: idOf("US Institute for Peace") });
    const q = s.quantities.find((x) => x.unit === "USD")!;
    expect(at(text, q)).toBe("more than US$12.5 billion");
    expect(q).toMatchObject({ value: 12.5e9, comparator: "more-than" });
    // The highest-scoring suggestion of the article: two figures, a named source.
    expect(s.score).toBe(Math.max(...suggestions.map((x) => x.score)));
  });

  it("resolves every named or pronoun speaker to a demo speaker (no new speaker proposed)", () => {
    const guessed = suggestions.flatMap((s) => (s.speaker ? [s.speaker] : []));
    expect(guessed.length).toBeGreaterThan(15);
    expect(guessed.filter((g) => g.speakerId === null)).toEqual([]);
    expect(new Set(guessed.map((g) => g.name))).toEqual(new Set(["Amnesty International", "Pen Bona", "Agnes Callamard", "United Nations", "US Institute for Peace"]));
  });
});
