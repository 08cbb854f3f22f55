import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { CAMBODIA_SOURCE_KEY, CAMBODIA_STORY_KEY, demoContent } from "../../db/seed/content";
import type { DemoClaim, DemoSource } from "../../db/seed/content/types";
import { missingShared, sharedPath } from "../../scripts/shared-dir";

const SEED = "seeds/000_db28592d29a1d440.txt";
const { speakers, stories, sources, claims, links } = demoContent;

const sourceByKey = new Map(sources.map((s) => [s.key, s]));
const speakerByKey = new Map(speakers.map((s) => [s.key, s]));
const claimByKey = new Map(claims.map((c) => [c.key, c]));

/** Every start index of `needle` in `haystack`, overlapping matches included. */
function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The span [start, end) a claim's quote covers in its source text (UTF-16 indices), or null. */
function spanOf(claim: DemoClaim): { start: number; end: number } | null {
  if (claim.sourceKey === null || claim.quote === null) return null;
  const source = sourceByKey.get(claim.sourceKey);
  if (!source) return null;
  const start = occurrences(source.text, claim.quote)[claim.occurrence ?? 0];
  return start === undefined ? null : { start, end: start + claim.quote.length };
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Lower-cased words with punctuation stripped; curly and straight quotes treated alike. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’‚‛′]/g, "'")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function wordCount(source: DemoSource): number {
  return words(source.text).length;
}

function duplicates(keys: string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

const mainSource = sourceByKey.get(CAMBODIA_SOURCE_KEY);
const mainClaims = claims.filter((c) => c.sourceKey === CAMBODIA_SOURCE_KEY);

describe("demo content: keys and references", () => {
  it("has unique, kebab-case keys in every collection", () => {
    for (const [name, keys] of [
      ["speakers", speakers.map((s) => s.key)],
      ["stories", stories.map((s) => s.key)],
      ["sources", sources.map((s) => s.key)],
      ["claims", claims.map((c) => c.key)],
    ] as const) {
      expect(duplicates([...keys]), `duplicate ${name} keys`).toEqual([]);
      for (const key of keys) expect(key, `${name} key`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("refers only to existing speakers, stories and sources", () => {
    const storyKeys = new Set(stories.map((s) => s.key));
    for (const s of speakers) {
      if (s.affiliation === undefined) continue;
      expect(speakerByKey.has(s.affiliation), `${s.key}.affiliation ${s.affiliation}`).toBe(true);
      expect(s.affiliation, `${s.key} is affiliated with itself`).not.toBe(s.key);
    }
    for (const c of claims) {
      expect(speakerByKey.has(c.speakerKey), `${c.key}.speakerKey ${c.speakerKey}`).toBe(true);
      if (c.storyKey !== null) expect(storyKeys.has(c.storyKey), `${c.key}.storyKey ${c.storyKey}`).toBe(true);
      if (c.sourceKey !== null) expect(sourceByKey.has(c.sourceKey), `${c.key}.sourceKey ${c.sourceKey}`).toBe(true);
    }
    for (const l of links) {
      expect(claimByKey.has(l.from), `link from ${l.from}`).toBe(true);
      expect(claimByKey.has(l.to), `link to ${l.to}`).toBe(true);
    }
  });

  it("has no affiliation cycles", () => {
    for (const s of speakers) {
      const seen = new Set<string>([s.key]);
      for (let k = s.affiliation; k !== undefined; k = speakerByKey.get(k)?.affiliation) {
        expect(seen.has(k), `affiliation cycle through ${s.key}`).toBe(false);
        seen.add(k);
      }
    }
  });

  it("has no self-links and no two links between the same pair of claims", () => {
    const pairs = new Set<string>();
    for (const l of links) {
      expect(l.from, `self-link on ${l.from}`).not.toBe(l.to);
      const pair = [l.from, l.to].sort().join(" <> ");
      expect(pairs.has(pair), `duplicate link ${pair}`).toBe(false);
      pairs.add(pair);
      expect(l.note.trim().length, `note of ${pair}`).toBeGreaterThan(0);
    }
  });
});

describe("demo content: anchors", () => {
  it("anchors every quote in its source, with an occurrence when the quote repeats", () => {
    for (const c of claims) {
      if (c.sourceKey === null) {
        expect(c.quote, `${c.key}: a claim without a source has no quote`).toBeNull();
        expect(c.occurrence, `${c.key}: a claim without a source has no occurrence`).toBeUndefined();
        continue;
      }
      const source = sourceByKey.get(c.sourceKey);
      expect(source, c.key).toBeDefined();
      expect(c.quote, `${c.key}: a claim in a source has a quote`).not.toBeNull();
      if (!source || c.quote === null) continue;
      expect(c.quote.trim(), `${c.key}: quote is trimmed`).toBe(c.quote);
      expect(c.quote.length, `${c.key}: quote is not empty`).toBeGreaterThan(0);
      const found = occurrences(source.text, c.quote);
      expect(found.length, `${c.key}: quote ${JSON.stringify(c.quote)} not in ${c.sourceKey}`).toBeGreaterThan(0);
      if (found.length > 1) expect(c.occurrence, `${c.key}: quote occurs ${found.length} times`).toBeDefined();
      if (c.occurrence !== undefined) {
        expect(Number.isInteger(c.occurrence) && c.occurrence >= 0, `${c.key}.occurrence`).toBe(true);
        expect(c.occurrence, `${c.key}.occurrence out of range`).toBeLessThan(found.length);
      }
    }
  });

  it("anchors at least 12 claims in the main source, including an overlapping and a nested pair", () => {
    expect(mainSource).toBeDefined();
    expect(mainClaims.length).toBeGreaterThanOrEqual(12);
    const spans = mainClaims.map((c) => ({ key: c.key, span: spanOf(c) }));
    let overlapping: string | null = null;
    let nested: string | null = null;
    for (const a of spans) {
      for (const b of spans) {
        if (a.key === b.key || !a.span || !b.span) continue;
        if (a.span.start < b.span.start && b.span.start < a.span.end && a.span.end < b.span.end) {
          overlapping ??= `${a.key} / ${b.key}`;
        }
        const inside = a.span.start <= b.span.start && b.span.end <= a.span.end;
        const same = a.span.start === b.span.start && a.span.end === b.span.end;
        if (inside && !same) nested ??= `${b.key} in ${a.key}`;
      }
    }
    expect(overlapping, "an overlapping pair of quotes").not.toBeNull();
    expect(nested, "a nested pair of quotes").not.toBeNull();
  });
});

describe("demo content: the Cambodia story", () => {
  const required: { name: string; kind: string; aliases?: string[]; affiliation?: string }[] = [
    { name: "Amnesty International", kind: "organisation", aliases: ["Amnesty"] },
    { name: "Agnes Callamard", kind: "person", affiliation: "Amnesty International" },
    { name: "Government of Cambodia", kind: "government", aliases: ["Cambodian government", "Cambodia"] },
    { name: "Pen Bona", kind: "person", aliases: ["Bona"], affiliation: "Government of Cambodia" },
    { name: "United Nations", kind: "organisation", aliases: ["UN", "U.N."] },
    { name: "US Institute for Peace", kind: "organisation", aliases: ["USIP", "United States Institute of Peace"] },
    { name: "Hun Manet", kind: "person", affiliation: "Government of Cambodia" },
  ];

  it("has every required speaker, with kind, aliases and affiliation", () => {
    for (const r of required) {
      const s = speakers.find((x) => x.name === r.name);
      expect(s, r.name).toBeDefined();
      if (!s) continue;
      expect(s.kind, `${r.name}.kind`).toBe(r.kind);
      for (const alias of r.aliases ?? []) expect(s.aliases, `${r.name}.aliases`).toContain(alias);
      if (r.affiliation) {
        expect(s.affiliation && speakerByKey.get(s.affiliation)?.name, `${r.name}.affiliation`).toBe(r.affiliation);
      }
    }
  });

  it("has the story and a main source that is our own dated write-up", () => {
    const story = stories.find((s) => s.key === CAMBODIA_STORY_KEY);
    expect(story?.title).toBe("Cambodia scam compounds");
    expect(story?.key).toBe("cambodia-scams");
    expect(mainSource).toMatchObject({
      kind: "article",
      publisher: "Counterpoint demo desk",
      author: null,
      url: null,
      publishedOn: "2025-06-27",
      language: "en",
    });
    if (!mainSource) return;
    const n = wordCount(mainSource);
    expect(n, "main source word count").toBeGreaterThanOrEqual(550);
    expect(n, "main source word count").toBeLessThanOrEqual(750);
  });

  it("keeps the attributable phrases a suggestion engine looks for", () => {
    const text = mainSource?.text ?? "";
    const sentences = text.split(/(?<=[.!?][”]?)\s+/);
    const sentenceWith = (...parts: string[]) => sentences.find((s) => parts.every((p) => s.includes(p)));
    expect(sentenceWith("identified 53 scam centers"), "Amnesty’s 53 centers").toBeDefined();
    expect(text).toMatch(/Amnesty|rights group/);
    expect(sentenceWith("Pen Bona") ?? "", "Pen Bona is named").not.toBe("");
    expect(sentenceWith("“exaggerated.”"), "“exaggerated”").toBeDefined();
    expect(sentenceWith("as many as 100,000 people", "According to the UN"), "the UN estimate").toBeDefined();
    expect(sentenceWith("US$12.5 billion", "US Institute for Peace"), "the USIP estimate").toBeDefined();
    expect(sentenceWith("“pattern of state failures”"), "state failures").toBeDefined();
    expect(sentenceWith("“a living nightmare.”"), "Callamard").toBeDefined();
  });

  it("has the three required dispute pairs, spoken by the right speakers", () => {
    const pairs: [string, string, string, string][] = [
      ["pen-bona-rejects-inaction", "pen-bona", "amnesty-deliberately-ignoring", "amnesty"],
      ["pen-bona-exaggerated", "pen-bona", "amnesty-53-centers", "amnesty"],
      ["pen-bona-task-force", "pen-bona", "amnesty-two-thirds", "amnesty"],
    ];
    for (const [from, fromSpeaker, to, toSpeaker] of pairs) {
      expect(links.some((l) => l.kind === "disputes" && l.from === from && l.to === to), `${from} disputes ${to}`).toBe(true);
      expect(claimByKey.get(from)?.speakerKey).toBe(fromSpeaker);
      expect(claimByKey.get(to)?.speakerKey).toBe(toSpeaker);
    }
    const exaggerated = claimByKey.get("pen-bona-exaggerated");
    expect(exaggerated?.quote).toContain("exaggerated");
    expect(claimByKey.get("amnesty-53-centers")?.quote).toContain("identified 53 scam centers");
    expect(links.some((l) => l.kind === "disputes" && l.from === "pen-bona-exaggerated" && l.to === "amnesty-state-failures")).toBe(true);
    for (const kind of ["supports", "qualifies", "responds-to"] as const) {
      expect(links.some((l) => l.kind === kind), `a ${kind} link`).toBe(true);
    }
  });

  it("dates the claims as the brief says", () => {
    const statedOn = (key: string) => claimByKey.get(key)?.statedOn;
    expect(statedOn("amnesty-53-centers")).toBe("2025-06-26");
    expect(statedOn("pen-bona-exaggerated")).toBe("2025-06-26");
    expect(statedOn("pen-bona-task-force")).toBe("2025-06-26");
    expect(statedOn("callamard-apparent-consent")).toBe("2025-06-26");
    expect(statedOn("un-100000-people")).toBe("2023-08-29");
    expect(statedOn("usip-12-5-billion")).toBe("2024-05-13");
    expect(claims.some((c) => c.statedOn === null)).toBe(true);
    expect(claims.some((c) => c.sourceKey === null && c.storyKey === CAMBODIA_STORY_KEY)).toBe(true);
  });
});

describe("demo content: workflow and verdicts", () => {
  it("has claims in every workflow state the demo needs", () => {
    const count = (status: DemoClaim["status"]) => claims.filter((c) => c.status === status).length;
    expect(count("draft")).toBeGreaterThanOrEqual(2);
    expect(count("in_review")).toBeGreaterThanOrEqual(1);
    expect(count("returned")).toBeGreaterThanOrEqual(1);
    expect(count("published")).toBeGreaterThan(claims.length / 2);
  });

  it("has verdicts on at least four published claims and on both sides of a dispute", () => {
    const judged = (key: string) => {
      const c = claimByKey.get(key);
      return c?.status === "published" && c.verdict !== undefined;
    };
    expect(claims.filter((c) => judged(c.key)).length).toBeGreaterThanOrEqual(4);
    expect(links.some((l) => l.kind === "disputes" && judged(l.from) && judged(l.to)), "a dispute judged on both sides").toBe(true);
  });

  it("gives every verdict a rationale of two to four sentences", () => {
    for (const c of claims) {
      if (!c.verdict) continue;
      const sentences = c.verdict.rationale.split(/(?<=[.!?][”*]*)\s+(?=[A-Z*“])/).filter((s) => s.trim());
      expect(sentences.length, `${c.key} rationale sentences`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${c.key} rationale sentences`).toBeLessThanOrEqual(4);
    }
  });
});

describe("demo content: other sources and form", () => {
  it("has four short other sources, each with a story and one or two claims", () => {
    const others = sources.filter((s) => s.key !== CAMBODIA_SOURCE_KEY);
    expect(others).toHaveLength(4);
    const expectedDates = ["2025-06-23", "2025-06-24", "2025-06-24", "2025-06-25"];
    expect(others.map((s) => s.publishedOn).sort()).toEqual(expectedDates);
    for (const s of others) {
      expect(s.kind, s.key).toBe("article");
      const n = wordCount(s);
      expect(n, `${s.key} word count`).toBeGreaterThanOrEqual(120);
      expect(n, `${s.key} word count`).toBeLessThanOrEqual(250);
      const own = claims.filter((c) => c.sourceKey === s.key);
      expect(own.length, `${s.key} claims`).toBeGreaterThanOrEqual(1);
      expect(own.length, `${s.key} claims`).toBeLessThanOrEqual(2);
      expect(own.every((c) => c.storyKey !== null), `${s.key} claims have a story`).toBe(true);
    }
  });

  it("uses valid YYYY-MM-DD dates", () => {
    for (const s of sources) expect(isIsoDate(s.publishedOn), `${s.key}.publishedOn ${s.publishedOn}`).toBe(true);
    for (const c of claims) {
      if (c.statedOn !== null) expect(isIsoDate(c.statedOn), `${c.key}.statedOn ${c.statedOn}`).toBe(true);
    }
  });

  it("writes texts as newspapers do: curly quotes, paragraphs separated by blank lines, short direct quotes", () => {
    const texts: [string, string][] = [
      ...sources.flatMap((s): [string, string][] => [[`${s.key}.title`, s.title], [`${s.key}.text`, s.text]]),
      ...claims.map((c): [string, string] => [`${c.key}.text`, c.text]),
      ...claims.flatMap((c): [string, string][] => (c.verdict ? [[`${c.key}.rationale`, c.verdict.rationale]] : [])),
      ...links.map((l): [string, string] => [`${l.from}->${l.to}.note`, l.note]),
    ];
    for (const [where, text] of texts) expect(text, `${where} has straight quotes`).not.toMatch(/["']/);
    for (const s of sources) {
      expect(s.text, `${s.key}: paragraphs`).not.toMatch(/(^|[^\n])\n([^\n]|$)|\n{3,}/);
      expect(s.text.trim(), `${s.key}: no outer whitespace`).toBe(s.text);
      for (const m of s.text.matchAll(/“([^”]*)”/g)) {
        expect(words(m[1] ?? "").length, `${s.key}: direct quote “${m[1]}” is short`).toBeLessThanOrEqual(8);
      }
    }
  });
});

describe("demo content is written in our own words", () => {
  const RUN = 12;

  it(`shares no run of ${RUN} or more consecutive words with the seed articles`, (ctx) => {
    const seedPath = sharedPath(SEED);
    if (!seedPath) return ctx.skip(missingShared(SEED));
    const seedWords = words(readFileSync(seedPath, "utf8"));
    const seedRuns = new Set<string>();
    for (let i = 0; i + RUN <= seedWords.length; i++) seedRuns.add(seedWords.slice(i, i + RUN).join(" "));

    const ours: [string, string][] = [
      ...speakers.map((s): [string, string] => [`speaker ${s.key}`, `${s.name}. ${s.description}`]),
      ...stories.map((s): [string, string] => [`story ${s.key}`, `${s.title}. ${s.description}`]),
      ...sources.map((s): [string, string] => [`source ${s.key}`, `${s.title}\n\n${s.text}`]),
      ...claims.map((c): [string, string] => [`claim ${c.key}`, `${c.text}. ${c.verdict?.rationale ?? ""}`]),
      ...links.map((l): [string, string] => [`link ${l.from}->${l.to}`, l.note]),
    ];
    const copied: string[] = [];
    for (const [where, text] of ours) {
      const w = words(text);
      for (let i = 0; i + RUN <= w.length; i++) {
        const run = w.slice(i, i + RUN).join(" ");
        if (seedRuns.has(run)) copied.push(`${where}: “${run}”`);
      }
    }
    expect(copied, "runs copied from the seed file").toEqual([]);
  });
});
