/**
 * Figures a text states, with what they count, so two texts can be compared figure by figure:
 * "53 centres" and "35 centres" state the same kind of figure with different values — a
 * disagreement, which must never be called a strong match — while "53 centres" and "53
 * scam centres" agree. Pure.
 *
 * A figure is digits (thousands separators, decimals, a scale word or suffix: "2.8M", "12.5
 * billion", "100,000") or number words from two upwards ("fifty-three", "a dozen"; "one" is
 * left out: it is nearly always a pronoun or article). Its units are the stems of the next
 * content words, or "%" / "$" / "£" / "€", or "year" for 1800–2099 standing alone, or "day"
 * after a month name. Values are compared after scaling ("2.8 million" = "2,800,000").
 */
import { isContent, stem } from "./text";

export interface Figure {
  value: number;
  /**
   * What is counted: the stems of the (up to two) content words after it ("53 scam centres" →
   * ["scam", "centr"]), or a sign ("%", "$"), or "year" or "day"; empty when unknown. Two figures
   * are of the same kind when their units share an element.
   */
  units: string[];
  /** The figure as written, for explanations. */
  text: string;
}

const SCALE: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mil: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};
const WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40,
  fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, dozen: 12,
};
const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

// currency? digits (separators)? decimals? scale? percent?
const NUMBER =
  /(?:([$£€])\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(hundred|thousand|million|billion|trillion|mil|mn|bn|tn|k|m|b)\b)?(\s?%|\s?percent\b|\s?per cent\b)?/giu;
const NUMBER_WORD = new RegExp(`\\b(?:a\\s+)?((?:${Object.keys(WORDS).join("|")})(?:[\\s-]+(?:and\\s+)?(?:${Object.keys(WORDS).join("|")}))*)\\b`, "giu");

function clean(n: number): number {
  return Number(n.toPrecision(12));
}

function wordValue(run: string): number {
  let total = 0;
  let current = 0;
  for (const w of run.toLowerCase().split(/[\s-]+/)) {
    const v = WORDS[w];
    if (v === undefined) continue;
    if (v === 100) current = (current || 1) * 100;
    else if (v >= 1000) {
      total += (current || 1) * v;
      current = 0;
    } else if (v === 12 && w === "dozen") current = (current || 1) * 12;
    else current += v;
  }
  return total + current;
}

/** The units after a figure: stems of the content words among the next three words ("of", "more" skipped). */
function unitsAfter(rest: string): string[] {
  const clause = /^[^,.;:!?()\[\]"“”\n]*/u.exec(rest.slice(0, 60))![0];
  const words = clause.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words.slice(0, 3)) if (isContent(w) && !(w in SCALE) && !(w in WORDS) && out.length < 2) out.push(stem(w));
  return out;
}

/** The figures of `text`, in order; one entry per occurrence. */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index!;
    const before = text.slice(Math.max(0, start - 1), start);
    // Part of a word or code ("covid19", "G7", "4chan"): not a figure.
    if (/[\p{L}]/u.test(before) && !m[1]) continue;
    const after = text.slice(start + m[0].length, start + m[0].length + 1);
    if (/[\p{L}]/u.test(after) && !m[4]) {
      // "10th", "2nd": an ordinal is a figure of its own kind; "4chan" is not a figure.
      if (!/^(?:st|nd|rd|th)\b/i.test(text.slice(start + m[0].length, start + m[0].length + 3))) continue;
    }
    let value = Number(m[2]!.replace(/,/g, "") + (m[3] ?? ""));
    if (m[4]) value *= SCALE[m[4].toLowerCase()] ?? 1;
    const rest = text.slice(start + m[0].length);
    const prevWord = /([\p{L}.]+)\s*$/u.exec(text.slice(Math.max(0, start - 12), start))?.[1] ?? "";
    let units: string[];
    if (m[5]) units = ["%"];
    else if (m[1]) units = [m[1]];
    else if (MONTH.test(prevWord) && value >= 1 && value <= 31) units = ["day"];
    else if (!m[3] && !m[4] && /^\d{4}$/.test(m[2]!) && value >= 1800 && value <= 2099) units = ["year"];
    else units = unitsAfter(rest.replace(/^(?:st|nd|rd|th)\b/i, ""));
    out.push({ value: clean(value), units, text: m[0].trim() });
    taken.push([start, start + m[0].length]);
  }
  for (const m of text.matchAll(NUMBER_WORD)) {
    const start = m.index!;
    if (taken.some(([a, b]) => start < b && start + m[0].length > a)) continue;
    const value = wordValue(m[1]!);
    if (value < 2) continue;
    out.push({ value: clean(value), units: unitsAfter(text.slice(start + m[0].length)), text: m[0].trim() });
  }
  return out;
}

export interface FigureComparison {
  /** Figures (as written in the post) whose value the candidate also states. */
  shared: string[];
  /** Pairs stating the same kind of figure with different values, neither value shared: "53 centres ≠ 35 centres". */
  disagreeing: { post: string; candidate: string }[];
}

/** Compare the figures of a post with a candidate's. Years only disagree with years, days with days. */
export function compareFigures(post: Figure[], candidate: Figure[]): FigureComparison {
  const candValues = new Set(candidate.map((f) => f.value));
  const postValues = new Set(post.map((f) => f.value));
  const shared: string[] = [];
  const seenShared = new Set<number>();
  for (const f of post) {
    if (candValues.has(f.value) && !seenShared.has(f.value)) {
      seenShared.add(f.value);
      shared.push(f.text);
    }
  }
  const disagreeing: { post: string; candidate: string }[] = [];
  const seenPairs = new Set<string>();
  for (const p of post) {
    if (p.units.length === 0 || candValues.has(p.value)) continue;
    for (const c of candidate) {
      if (postValues.has(c.value) || !c.units.some((u) => p.units.includes(u))) continue;
      const key = `${p.value}|${c.value}`;
      if (seenPairs.has(key)) continue;
      seenPairs.add(key);
      disagreeing.push({ post: p.text, candidate: c.text });
    }
  }
  return { shared, disagreeing };
}
