import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { codePointSlice } from "@/lib/codepoints";
import { abbreviationKind, contextAfter, contextBefore, sentenceRanges, sentenceSpans } from "@/lib/sentences";
import { findSentences } from "@/lib/suggest/segment";
import { tokenize } from "@/lib/suggest/tokens";

/** The sentences of `text` as strings. */
const split = (text: string) => sentenceSpans(text).map((s) => text.slice(s.start, s.end));

describe("sentenceSpans", () => {
  it("keeps names, initials, numbers and quotations whole (the cases a newsroom hit)", () => {
    expect(split("Rep. Stephen Lynch said so. Then Mr. Smith and Mrs. Jones left.")).toEqual(["Rep. Stephen Lynch said so.", "Then Mr. Smith and Mrs. Jones left."]);
    expect(split("Sen. Warren and Gov. Newsom met Dr. Fauci. The U.S. Senate voted. The U.N. met.")).toEqual(["Sen. Warren and Gov. Newsom met Dr. Fauci.", "The U.S. Senate voted.", "The U.N. met."]);
    expect(split("J. R. R. Tolkien wrote it. He said No. 5 was best.")).toEqual(["J. R. R. Tolkien wrote it.", "He said No. 5 was best."]);
    expect(split("It grew 3.5 percent. Wait... Then it fell… Really.")).toEqual(["It grew 3.5 percent.", "Wait...", "Then it fell…", "Really."]);
    expect(split('"It is over." Then he left. She said, "We won." He agreed.')).toEqual(['"It is over."', "Then he left.", 'She said, "We won."', "He agreed."]);
    expect(split("It happened in the U.S. The next day it was over.")).toEqual(["It happened in the U.S.", "The next day it was over."]);
  });

  it("ends sentences at . ! ? before a capital, a digit or an opening quote", () => {
    expect(split("It rained. Then it stopped! Why? 2016 was dry. “We know,” he said.")).toEqual([
      "It rained.",
      "Then it stopped!",
      "Why?",
      "2016 was dry.",
      "“We know,” he said.",
    ]);
  });

  it("keeps titles with the name after them", () => {
    for (const title of ["Mr.", "Mrs.", "Ms.", "Dr.", "Rep.", "Sen.", "Gov.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.", "Prof.", "Rev.", "Hon."]) {
      expect(split(`The bill was backed by ${title} Lynch of Massachusetts. He spoke first.`)).toEqual([
        `The bill was backed by ${title} Lynch of Massachusetts.`,
        "He spoke first.",
      ]);
    }
    expect(split("Lt. Gov. Dan Patrick and U.S. Rep. Lynch met Sens. Cruz and Lee.")).toHaveLength(1);
  });

  it("keeps St., Jr. and Sr. inside names", () => {
    expect(split("She flew to St. Louis with Martin Luther King Jr. and his son.")).toHaveLength(1);
    expect(split("He met Ken Griffey Sr. Griffey was retired.")).toHaveLength(1);
  });

  it("keeps company suffixes in a sentence, and ends one with them before a sentence starter", () => {
    expect(split("Apple Inc. Chief Executive Tim Cook and Ford Motor Co. President Jim Farley spoke.")).toHaveLength(1);
    expect(split("The deal went to Acme Corp. The rival bid failed. Acme Ltd. It was sold.")).toEqual([
      "The deal went to Acme Corp.",
      "The rival bid failed.",
      "Acme Ltd.",
      "It was sold.",
    ]);
  });

  it("treats months as abbreviations before a date", () => {
    expect(split("It was signed on Jan. 5 and again on Sept. 11, then Feb. 2. The end.")).toEqual([
      "It was signed on Jan. 5 and again on Sept. 11, then Feb. 2.",
      "The end.",
    ]);
    expect(split("The vote is set for Dec. The party has not said where.")).toEqual(["The vote is set for Dec.", "The party has not said where."]);
  });

  it("ends a sentence at a dotted acronym only before a common sentence starter", () => {
    expect(split("It happened in the U.S. The next day, U.S. Senate leaders met in Washington, D.C. They agreed.")).toEqual([
      "It happened in the U.S.",
      "The next day, U.S. Senate leaders met in Washington, D.C.",
      "They agreed.",
    ]);
    expect(split("Officials from the U.K. and the U.N. Security Council met.")).toHaveLength(1);
    expect(split("He lives in the U.S. But she does not. It was in the U.S. In June it moved.")).toHaveLength(4);
  });

  it("keeps single-letter initials with the name", () => {
    expect(split("John F. Kennedy, George W. Bush and J.K. Rowling met H. G. Wells.")).toHaveLength(1);
    expect(split("They chose Plan B. The rest failed.")).toEqual(["They chose Plan B.", "The rest failed."]);
  });

  it("reads No. as an abbreviation only before a number", () => {
    expect(split("He is ranked No. 2 in the state. The answer was no. Trump left.")).toEqual([
      "He is ranked No. 2 in the state.",
      "The answer was no.",
      "Trump left.",
    ]);
    expect(abbreviationKind("No", " 2 in")).toBe("numbering");
    expect(abbreviationKind("no", " Trump")).toBeNull();
  });

  it("never ends at vs., e.g., i.e.; ends at etc., a.m. and p.m. before a starter", () => {
    expect(split("Clinton vs. Trump, e.g. The Times, i.e. Another paper.")).toHaveLength(1);
    expect(split("Bring pens, paper, etc. The rest is provided.")).toEqual(["Bring pens, paper, etc.", "The rest is provided."]);
    expect(split("Polls open at 7 a.m. Tuesday and close at 8 p.m. The count starts then.")).toEqual([
      "Polls open at 7 a.m. Tuesday and close at 8 p.m.",
      "The count starts then.",
    ]);
  });

  it("does not split decimals, addresses or hyphenated acronyms", () => {
    expect(split("Growth was 3.5 percent, per whitehouse.gov and U.S.-led data.")).toHaveLength(1);
  });

  it("ends at an ellipsis only before a capital", () => {
    expect(split("We will … and then we will... Maybe not. He paused . . . Then he went on.")).toEqual([
      "We will … and then we will...",
      "Maybe not.",
      "He paused . . .",
      "Then he went on.",
    ]);
  });

  it("keeps closing quotes and brackets with the sentence they end", () => {
    expect(split("He said “stop.” Then he left (quietly.) (And he came back.) “Why?” she asked. 'Fine.' OK.")).toEqual([
      "He said “stop.”",
      "Then he left (quietly.)",
      "(And he came back.)",
      "“Why?” she asked.",
      "'Fine.'",
      "OK.",
    ]);
    // A closing quote after an abbreviation's period ends the sentence too.
    expect(split("“They live in the U.S.” Trump said so.")).toEqual(["“They live in the U.S.”", "Trump said so."]);
    // A bracket after one does not: "(D-Mass.) said".
    expect(split("Sen. Elizabeth Warren (D-Mass.) Chairwoman of nothing.")).toHaveLength(1);
  });

  it("ends at every line break", () => {
    expect(split("Rep.\nLynch said\n\n  so  \nno")).toEqual(["Rep.", "Lynch said", "so", "no"]);
  });

  it("splits words run together where a space was lost, but not abbreviations", () => {
    expect(split("Nobody knows, he said.Trump disagreed. Mrs.Clinton did not.")).toEqual(["Nobody knows, he said.", "Trump disagreed.", "Mrs.Clinton did not."]);
  });
});

describe("sentenceRanges", () => {
  it("counts code points", () => {
    const text = "🎉 Party on. Sen. 🎈 Smith said so.";
    const ranges = sentenceRanges(text);
    expect(ranges.map((r) => codePointSlice(text, r.start, r.end))).toEqual(["🎉 Party on.", "Sen. 🎈 Smith said so."]);
    expect(ranges[0]).toEqual({ start: 0, end: 11 });
  });
});

const piece = fc.constantFrom(
  "Rep.", "Mr.", "U.S.", "J.K.", "F.", "Jan.", "No.", "no.", "3.5", "e.g.", "etc.", "Inc.", "a.m.", "...", "…", ". . .",
  "The", "He", "said", "it", "Lynch", "“", "”", '"', "'", "(", ")", "[", "]", ".", "!", "?", ",", "🎉", "said.Trump",
);
const gap = fc.constantFrom(" ", "  ", "\n", "\n\n", " \n ", "\t", "");
const textArb = fc.array(fc.tuple(piece, gap), { maxLength: 40 }).map((parts) => parts.map(([p, g]) => p + g).join(""));

describe("segmenter properties", () => {
  it("gives ordered, non-overlapping, trimmed spans that cover every non-space character", () => {
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ maxLength: 80 })), (text) => {
        const spans = sentenceSpans(text);
        const covered = new Uint8Array(text.length);
        let prevEnd = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(prevEnd);
          expect(s.end).toBeGreaterThan(s.start);
          expect(text[s.start]).toMatch(/\S/);
          expect(text[s.end - 1]).toMatch(/\S/);
          expect(text.slice(s.start, s.end)).not.toContain("\n");
          covered.fill(1, s.start, s.end);
          prevEnd = s.end;
        }
        for (let i = 0; i < text.length; i++) if (!covered[i]) expect(text[i]).toMatch(/\s/);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same ranges in code points", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const spans = sentenceSpans(text);
        const ranges = sentenceRanges(text);
        expect(ranges.map((r) => codePointSlice(text, r.start, r.end))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
      }),
      { numRuns: 300 },
    );
  });

  it("is what the suggestion engine's sentences are made of", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const tokens = tokenize(text);
        const sentences = findSentences(tokens, text);
        const spans = sentenceSpans(text);
        for (const s of sentences) {
          const span = spans.find((r) => r.start <= tokens[s.first]!.start && tokens[s.first]!.start < r.end)!;
          expect(tokens[s.last]!.end).toBeLessThanOrEqual(span.end);
          const next = tokens[s.last + 1];
          if (next) expect(next.start).toBeGreaterThanOrEqual(span.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the suggestion engine's sentences", () => {
  const sentences = (text: string) => {
    const tokens = tokenize(text);
    return findSentences(tokens, text).map((s) => text.slice(tokens[s.first]!.start, tokens[s.last]!.end));
  };

  it("keep the segmenter's abbreviation rules", () => {
    expect(sentences("“It is over,” said Rep. Lynch of Massachusetts. She left the U.S. The next day she returned.")).toEqual([
      "“It is over,” said Rep. Lynch of Massachusetts.",
      "She left the U.S.",
      "The next day she returned.",
    ]);
  });
});

describe("contextBefore", () => {
  it("starts at the paragraph when it is inside", () => {
    expect(contextBefore("old paragraph.\nNew one, and ", true)).toBe("New one, and ");
  });

  it("keeps everything at the start of the source", () => {
    expect(contextBefore("Sen. Smith said ", false)).toBe("Sen. Smith said ");
  });

  it("starts at the quote's sentence, not after a title", () => {
    expect(contextBefore("cut off. Then Sen. Smith told Rep. ", true, "Lynch it was over")).toBe("Then Sen. Smith told Rep. ");
    expect(contextBefore("cut off here. Sen. Smith said that ", true)).toBe("Sen. Smith said that ");
  });

  it("shows the sentence before when the quote starts a sentence", () => {
    expect(contextBefore("cut off here. It rained in the U.S. ", true, "The next day")).toBe("It rained in the U.S. ");
  });

  it("falls back to the first whole word after an ellipsis", () => {
    expect(contextBefore("ff in a sentence that started before Rep. ", true, "Lynch")).toBe("…in a sentence that started before Rep. ");
  });
});

describe("contextAfter", () => {
  it("ends with the quote's sentence, not at a title", () => {
    expect(contextAfter(", said Rep. Lynch. Then more came.")).toBe(", said Rep. Lynch.");
    expect(contextAfter(" in the U.S. Senate, he said. Then more came.")).toBe(" in the U.S. Senate, he said.");
    expect(contextAfter(". Lynch said so. More.", "said Rep")).toBe(". Lynch said so.");
  });

  it("shows the next sentence when the quote ended one", () => {
    expect(contextAfter(" Then it rained. More.", "It ended.")).toBe(" Then it rained.");
  });

  it("stops at the paragraph", () => {
    expect(contextAfter(" and so on\nNext paragraph.")).toBe(" and so on");
  });

  it("cuts at the last whole word, with an ellipsis, when the radius ends first", () => {
    expect(contextAfter(" and then some more wor")).toBe(" and then some more…");
    expect(contextAfter(" and it ended.")).toBe(" and it ended.");
    expect(contextAfter("")).toBe("");
  });
});
