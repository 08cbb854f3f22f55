import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { suggestClaims } from "@/lib/suggest";
import { missingShared, sharedPath } from "@/scripts/shared-dir";
import { at } from "./helpers";

// The article the product was specified from; read from ../shared, never copied into the repo.
const SEED = "seeds/000_db28592d29a1d440.txt";
const seedPath = sharedPath(SEED);

describe.skipIf(!seedPath)(`seed article (${seedPath ? SEED : missingShared(SEED)})`, () => {
  const text = seedPath ? readFileSync(seedPath, "utf8") : "";
  const known = [
    { id: 11, name: "Pen Bona", aliases: [] },
    { id: 12, name: "United Nations", aliases: ["UN"] },
  ];
  const suggestions = suggestClaims(text, { knownSpeakers: known });
  const withContent = (needle: string) => {
    const found = suggestions.filter((s) => at(text, s.content)!.includes(needle));
    expect(found, `a suggestion containing ${needle}`).toHaveLength(1);
    return found[0]!;
  };

  it("attributes the 53 scam centers to Amnesty International", () => {
    const s = withContent("53 scam centers");
    expect(s.speaker).toMatchObject({ name: "Amnesty International", kind: "organisation", speakerId: null });
    expect(s.quantities.map((q) => at(text, q))).toContain("53 scam centers");
    expect(s.quantities[0]).toMatchObject({ value: 53, counted: "scam centers" });
  });

  it("attributes “exaggerated” to the known speaker Pen Bona", () => {
    const s = withContent("exaggerated");
    expect(s.speaker).toMatchObject({ name: "Pen Bona", kind: "person", speakerId: 11 });
  });

  it("attributes the 100,000 people to the UN, matched to the known United Nations", () => {
    const s = withContent("100,000 people");
    expect(at(text, s.source)).toBe("the UN");
    expect(s.kind).toBe("according-to");
    expect(s.speaker).toMatchObject({ name: "United Nations", speakerId: 12 });
    expect(s.quantities.find((q) => q.value === 100000)).toMatchObject({ comparator: "up-to", counted: "people" });
  });

  it("attributes the US$12.5 billion to the US Institute for Peace", () => {
    const s = withContent("US$12.5 billion");
    expect(s.speaker).toMatchObject({ name: "US Institute for Peace", kind: "organisation", speakerId: null });
    expect(s.quantities.find((q) => q.unit === "USD")).toMatchObject({ value: 12.5e9, comparator: "more-than" });
  });
});
