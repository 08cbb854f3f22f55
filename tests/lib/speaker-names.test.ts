import { describe, expect, it } from "vitest";
import { candidatePatterns, isOnlyPartyTag, matchSpeakerName, searchableName, speakerKey } from "@/lib/speaker-names";

const known = [
  { id: 1, name: "Stephen Lynch", aliases: [] },
  { id: 2, name: "Tom Clarke", aliases: [] },
  { id: 3, name: "John Curtis", aliases: ["Sen. Curtis"] },
  { id: 4, name: "Ana López", aliases: [] },
  { id: 5, name: "Jane Smith", aliases: [] },
  { id: 6, name: "John Smith", aliases: [] },
];

describe("speaker names", () => {
  it("compares names without case, accents, titles or party/state tags", () => {
    expect(speakerKey("Rep. Stephen Lynch")).toBe("stephen lynch");
    expect(speakerKey("Sen. John Curtis (R-Utah)")).toBe("john curtis");
    expect(speakerKey("Curtis, R-Utah")).toBe("curtis");
    expect(speakerKey("ANA LOPEZ")).toBe(speakerKey("Ana López"));
    // A title alone is kept as the name, not emptied.
    expect(speakerKey("President")).toBe("president");
    expect(searchableName("Rep. Stephen Lynch (D-Mass.)")).toBe("Stephen Lynch");
  });

  it("knows a party/state tag is not a name", () => {
    expect(isOnlyPartyTag("R-Utah")).toBe(true);
    expect(isOnlyPartyTag("(D-N.Y.)")).toBe(true);
    expect(isOnlyPartyTag("John Curtis (R-Utah)")).toBe(false);
    expect(isOnlyPartyTag("Ruth")).toBe(false);
  });

  it("matches a name, an alias, a titled name, a lone surname and a tagged surname to the full named speaker", () => {
    expect(matchSpeakerName("Rep. Stephen Lynch", known).exact?.id).toBe(1);
    expect(matchSpeakerName("stephen lynch", known).exact?.id).toBe(1);
    expect(matchSpeakerName("Clarke", known).exact?.id).toBe(2);
    expect(matchSpeakerName("Curtis, R-Utah", known).exact?.id).toBe(3);
    expect(matchSpeakerName("Senator Curtis", known).exact?.id).toBe(3);
    expect(matchSpeakerName("Ana Lopez", known).exact?.id).toBe(4);
    expect(matchSpeakerName("Stephen F. Lynch", known).exact?.id).toBe(1);
  });

  it("does not guess between two speakers of one surname, and calls near names close", () => {
    const smith = matchSpeakerName("Smith", known);
    expect(smith.exact).toBeNull();
    expect(smith.close.map((s) => s.id).sort()).toEqual([5, 6]);
    const typo = matchSpeakerName("Stephen Lynck", known);
    expect(typo.exact).toBeNull();
    expect(typo.close.map((s) => s.id)).toEqual([1]);
    expect(matchSpeakerName("Maria Gonzalez", known)).toEqual({ exact: null, close: [] });
  });

  it("narrows candidates with LIKE patterns that ignore accents", () => {
    const patterns = candidatePatterns("Ana Lopez");
    const like = (p: string, s: string) => new RegExp(`^${p.replace(/%/g, ".*").replace(/_/g, ".")}$`, "iu").test(s);
    expect(patterns.some((p) => like(p, "Ana López"))).toBe(true);
    expect(candidatePatterns("R-Utah")).toEqual([]);
  });
});
