/**
 * The figures a claim states, normalised so two wordings of one figure compare equal:
 * "53" and "fifty-three" → 53; "100,000" → 100000; "US$12.5 billion" → 12500000000;
 * "1.2m" → 1200000; "a dozen" → 12. Pure: safe in the browser.
 *
 * Years ("in 2024") are figures too; that is fine for telling claims apart.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const WORD_NUMBERS: Record<string, number> = { dozen: 12, score: 20 };

/** Rounds away binary noise (12.5 * 1e9) so equal figures compare equal. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * Each figure in the text, once, in order of first appearance. Digits may carry thousands
 * separators (`100,000`, `100 000` is two figures), a decimal point, a currency or percent sign
 * (dropped) and a scale word (`12.5 billion`, `3m`); number words run together
 * (`two hundred and fifty thousand`).
 */
export function extractNumbers(text: string): number[] {
  const found: number[] = [];
  const add = (n: number) => {
    const v = clean(n);
    if (Number.isFinite(v) && !found.includes(v)) found.push(v);
  };
  const lower = text.toLowerCase();

  // Digits, with an optional scale word right after.
  const digits = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(trillion|billion|million|thousand|hundred|tn|bn|mn|k|m|b)?(?![\p{L}\d])/gu;
  for (const m of lower.matchAll(digits)) {
    const base = Number(m[1]!.replace(/,/g, "") + (m[2] ?? ""));
    add(m[3] ? base * SCALES[m[3]]! : base);
  }

  // Number words: a run such as "fifty-three", "two hundred and fifty thousand", "a dozen".
  const tokens = lower.split(/[^a-z]+/).filter(Boolean);
  let total = 0;
  let current = 0;
  let inRun = false;
  const end = () => {
    if (inRun) add(total + current);
    total = 0;
    current = 0;
    inRun = false;
  };
  for (const token of tokens) {
    if (token in UNITS) {
      current += UNITS[token]!;
      inRun = true;
    } else if (token in TENS) {
      current += TENS[token]!;
      inRun = true;
    } else if (token in WORD_NUMBERS) {
      current = (current || 1) * WORD_NUMBERS[token]!;
      inRun = true;
    } else if (token === "hundred" && inRun) {
      current = (current || 1) * 100;
    } else if (inRun && (token === "thousand" || token === "million" || token === "billion" || token === "trillion")) {
      total += (current || 1) * SCALES[token]!;
      current = 0;
    } else if (token === "and" && inRun) {
      // "two hundred and fifty"
    } else {
      end();
    }
  }
  end();
  return found;
}

/** The figures both lists hold. */
export function sharedNumbers(a: number[], b: number[]): number[] {
  return a.filter((n) => b.includes(n));
}
