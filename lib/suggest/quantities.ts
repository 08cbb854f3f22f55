/**
 * Quantities in a claim: the number, its unit, what it counts and how it is hedged —
 * "53 scam centers", "more than US$12.5 billion", "as many as 100,000 people",
 * "more than two-thirds of scam compounds", "Nine out of 58 people", "20 percent".
 * Works on UTF-16 indices; the caller converts to code points.
 */
import type { Quantity } from "./types";

type Comparator = Quantity["comparator"];

const UNITS_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, m: 1e6, k: 1e3 };
const FRACTIONS: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 };
const CURRENCIES: [RegExp, string][] = [
  [/^(US\$|USD\s?)$/i, "USD"], [/^\$$/, "USD"], [/^(€|EUR\s?)$/i, "EUR"], [/^(£|GBP\s?)$/i, "GBP"], [/^(¥|JPY\s?|CNY\s?)$/i, "JPY"],
  [/^(NT\$)$/, "TWD"], [/^(A\$|AU\$)$/, "AUD"], [/^(C\$|CA\$)$/, "CAD"], [/^(HK\$)$/, "HKD"],
];
const COMPARATORS: [RegExp, Comparator][] = [
  [/(more than|over|above|at least|exceeding|upwards of)\s+$/i, "more-than"],
  [/(less than|fewer than|under|below|at most|no more than)\s+$/i, "less-than"],
  [/(up to|as many as|as much as|as high as)\s+$/i, "up-to"],
  [/(about|around|roughly|approximately|nearly|almost|some|an estimated|estimated|close to|~)\s*$/i, "about"],
];

const WORD_NUM = `(?:${Object.keys(UNITS_WORDS).join("|")})(?:[- ](?:${Object.keys(UNITS_WORDS).join("|")}))?`;
const SCALE = `(?:\\s?(?:hundred|thousand|million|billion|trillion)\\b|(?:bn|mn|m|k)\\b)`;
// A numeric core: digits, number words, or a fraction ("two-thirds", "a third", "half").
const CORE = new RegExp(
  `(?<cur>US\\$|NT\\$|A\\$|HK\\$|C\\$|\\$|€|£|¥|(?:USD|EUR|GBP)\\s?)?` +
    `(?:(?<frac>(?:${WORD_NUM}|a|one)[- ](?:halves|half|thirds?|quarters?|fourths?|fifths?|tenths?)\\b|\\bhalf\\b)` +
    `|(?<digits>\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?![\\d:])` +
    `|\\b(?<words>${WORD_NUM})\\b` +
    `|\\b(?<vague>dozens|hundreds|thousands|millions|billions)\\b)` +
    `(?<scale>${SCALE}(?:\\s?(?:hundred|thousand|million|billion|trillion)\\b)?)?` +
    `(?:\\s?(?<unit>%|percent\\b|per cent\\b|percentage points?\\b))?` +
    `(?:\\s(?<outof>out of|in|of)\\s(?<of>\\d+(?:,\\d{3})*|${WORD_NUM})\\b)?`,
  "giu",
);
const MONTHS = /(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+$/i;
const STOP = new Set("and or of in at to the a an that which who were was is are have had has from with for by on as than more".split(" "));
const IRREGULAR_PLURALS = new Set(["people", "children", "men", "women", "police", "staff", "personnel", "data", "media", "cattle"]);

function wordsValue(s: string): number | null {
  let total = 0;
  for (const w of s.toLowerCase().split(/[- ]/)) {
    const v = UNITS_WORDS[w];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

function fractionValue(s: string): number | null {
  const m = /^(.+?)[- ](\w+)$/.exec(s.toLowerCase());
  if (!m) return s.toLowerCase() === "half" ? 0.5 : null;
  const num = m[1] === "a" ? 1 : wordsValue(m[1]!);
  const den = FRACTIONS[m[2]!];
  return num !== null && den ? num / den : null;
}

/** What the number counts: a few lower-case words after it, ending at the first plural noun. */
function counted(text: string, from: number): { phrase: string; end: number } | null {
  const re = /\s*(\p{Ll}[\p{L}\-’']*|\p{Lu}{2,}s?\b)/uy;
  let pos = from;
  // "two-thirds of scam compounds", "20 percent of voters": look past "of (the)".
  const of = /\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?/y;
  of.lastIndex = pos;
  const ofMatch = of.exec(text);
  const words: string[] = [];
  let end = pos;
  if (ofMatch) pos = of.lastIndex;
  for (let n = 0; n < 3; n++) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    const w = m[1]!;
    if (STOP.has(w.toLowerCase()) || /ly$/.test(w)) break;
    words.push(w);
    // "the country's GDP": a possessive is not the head; read on.
    if (/['’]s$/.test(w) && n < 2) {
      pos = re.lastIndex;
      continue;
    }
    pos = re.lastIndex;
    end = pos;
    if (IRREGULAR_PLURALS.has(w) || (/[^s]s$/.test(w) && w.length > 3)) break;
  }
  if (words.length === 0) return null;
  return { phrase: words.join(" "), end };
}

export interface RawQuantity extends Omit<Quantity, "start" | "end"> {
  start: number;
  end: number;
}

/** Quantities in text[start, end), offsets in UTF-16 indices of `text`. */
export function findQuantities(text: string, start = 0, end = text.length): RawQuantity[] {
  const out: RawQuantity[] = [];
  const slice = text.slice(start, end);
  CORE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CORE.exec(slice))) {
    if (m[0].length === 0) {
      CORE.lastIndex++;
      continue;
    }
    const g = m.groups ?? {};
    let s = m.index;
    let e = s + m[0].replace(/\s+$/, "").length;
    const before = slice.slice(Math.max(0, s - 30), s);
    const prevChar = slice[s - 1] ?? " ";
    // Not a quantity: part of a word or code ("COVID-19", "F-16"), a date, a time, a year.
    if (/[\p{L}\d\-/:.]/u.test(prevChar) && !g.cur) continue;
    if (g.digits && MONTHS.test(before)) continue;
    if (g.digits && /^(1[89]|20)\d\d$/.test(g.digits) && !g.cur && !g.unit && !g.scale) continue;
    if (g.digits && /^[:.]\d/.test(slice.slice(e, e + 2))) continue;
    if (g.words && /^one$/i.test(g.words) && !g.scale && !g.outof) continue; // "one of them"
    if (/^-(year|day|week|month)-old/.test(slice.slice(e, e + 12))) {
      // "a 16-year-old": an age, not a count.
      continue;
    }
    let value: number | null = null;
    let unit: string | null = null;
    let approximate = false;
    if (g.frac) {
      value = fractionValue(g.frac);
      unit = "fraction";
    } else if (g.digits) value = Number(g.digits.replace(/,/g, ""));
    else if (g.words) value = wordsValue(g.words);
    else if (g.vague) approximate = true;
    if (g.scale && value !== null) {
      for (const w of g.scale.trim().toLowerCase().split(/\s+/)) value *= SCALES[w] ?? 1;
    }
    if (g.cur) unit = CURRENCIES.find(([re]) => re.test(g.cur!))?.[1] ?? g.cur.trim();
    if (g.unit) unit = /point/i.test(g.unit) ? "percentage points" : "%";
    const den = g.of ? (/^\d/.test(g.of) ? Number(g.of.replace(/,/g, "")) : wordsValue(g.of)) : null;
    // "six in 10", "Nine out of 58", "four of five" — but not "20 percent in 2015".
    const ratio = !!g.outof && den !== null && value !== null && !g.unit && !g.scale && (g.outof.toLowerCase() !== "in" || den <= 1000) && den >= value;
    if (ratio && value !== null && den) {
      {
        value = value / den;
        unit = "fraction";
      }
    } else if (g.outof) {
      // The optional "of N" matched something else; give it back.
      e = s + m[0].indexOf(g.outof) - 1;
    }
    let comparator: Comparator = null;
    for (const [re, c] of COMPARATORS) {
      const cm = re.exec(before);
      if (cm && before.endsWith(cm[0])) {
        comparator = c;
        s -= cm[0].length;
        break;
      }
    }
    if (comparator === "about") approximate = true;
    let countedPhrase: string | null = null;
    if (!g.cur || g.unit) {
      const c = counted(slice, e);
      if (c && !(unit === "%" && !/^\s+of\s/.test(slice.slice(e)))) {
        countedPhrase = c.phrase;
        e = c.end;
      }
    }
    // "dozens more suspected sites": skip "more" before the counted noun.
    if (g.vague && !countedPhrase) {
      const more = /^\s+more/.exec(slice.slice(e));
      if (more) {
        const c = counted(slice, e + more[0].length);
        if (c) {
          countedPhrase = c.phrase;
          e = c.end;
        }
      }
    }
    out.push({ start: start + s, end: start + e, text: slice.slice(s, e), value, unit, counted: countedPhrase, approximate, comparator });
    CORE.lastIndex = e;
  }
  return out;
}
