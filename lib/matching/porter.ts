/**
 * The Porter (1980) stemmer, as SQLite's FTS5 `porter` tokenizer applies it, so a word stemmed
 * here is the term FTS5 indexed: the re-ranker looks document frequencies up by these stems and
 * compares query and candidate words through them. Pure.
 *
 * Invariants (checked against a real FTS5 table in tests/lib/matching/porter.test.ts):
 * - input is one lower-case token as unicode61 emits it (diacritics already removed);
 * - tokens shorter than 3 characters or longer than 64 are returned unchanged, as FTS5 does;
 * - so are tokens holding anything but a–z and 0–9, which FTS5 stems byte by byte (one word in
 *   30,000 of the fact-check corpus, a Cyrillic look-alike letter, differs for that reason).
 */

const MAX_TOKEN = 64;

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
  if (c === "y") return i === 0 ? true : !isConsonant(w, i - 1);
  return true;
}

/** m: the number of vowel–consonant sequences in w[0, end). */
function measure(w: string, end: number): number {
  let m = 0;
  let i = 0;
  while (i < end && isConsonant(w, i)) i++;
  while (i < end) {
    while (i < end && !isConsonant(w, i)) i++;
    if (i >= end) break;
    while (i < end && isConsonant(w, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isConsonant(w, i)) return true;
  return false;
}

function doubleConsonant(w: string, end: number): boolean {
  return end >= 2 && w[end - 1] === w[end - 2] && isConsonant(w, end - 1);
}

/** *o: the stem ends consonant–vowel–consonant, the last not w, x or y. */
function cvc(w: string, end: number): boolean {
  if (end < 3 || !isConsonant(w, end - 1) || isConsonant(w, end - 2) || !isConsonant(w, end - 3)) return false;
  const c = w[end - 1];
  return c !== "w" && c !== "x" && c !== "y";
}

/** Replace `suffix` by `repl` when the word ends in it and the stem before it has measure > min. */
type Rule = [suffix: string, repl: string];

function applyFirst(w: string, rules: Rule[], minMeasure: number): string {
  for (const [suffix, repl] of rules) {
    if (!w.endsWith(suffix)) continue;
    const stemEnd = w.length - suffix.length;
    return measure(w, stemEnd) > minMeasure ? w.slice(0, stemEnd) + repl : w;
  }
  return w;
}

const STEP2: Rule[] = [
  ["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["izer", "ize"], ["bli", "ble"],
  ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"], ["ization", "ize"], ["ation", "ate"],
  ["ator", "ate"], ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"], ["aliti", "al"],
  ["iviti", "ive"], ["biliti", "ble"], ["logi", "log"],
];
const STEP3: Rule[] = [["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"], ["ful", ""], ["ness", ""]];
const STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"];

/** Longest-match lookup: rules sharing an ending must be tried longest first. */
function sortLongestFirst(rules: Rule[]): Rule[] {
  return [...rules].sort((a, b) => b[0].length - a[0].length);
}
const STEP2_SORTED = sortLongestFirst(STEP2);
const STEP3_SORTED = sortLongestFirst(STEP3);
const STEP4_SORTED = [...STEP4].sort((a, b) => b.length - a.length);

function step1ab(w: string): string {
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (w.endsWith("ss")) {
    // unchanged
  } else if (w.endsWith("s")) w = w.slice(0, -1);

  if (w.endsWith("eed")) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
    return w;
  }
  let cut = 0;
  if (w.endsWith("ed") && hasVowel(w, w.length - 2)) cut = 2;
  else if (w.endsWith("ing") && hasVowel(w, w.length - 3)) cut = 3;
  if (cut === 0) return w;
  w = w.slice(0, -cut);
  if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) return w + "e";
  if (doubleConsonant(w, w.length)) {
    const c = w[w.length - 1];
    return c === "l" || c === "s" || c === "z" ? w : w.slice(0, -1);
  }
  if (measure(w, w.length) === 1 && cvc(w, w.length)) return w + "e";
  return w;
}

function step1c(w: string): string {
  return w.endsWith("y") && hasVowel(w, w.length - 1) ? w.slice(0, -1) + "i" : w;
}

function step4(w: string): string {
  for (const suffix of STEP4_SORTED) {
    if (!w.endsWith(suffix)) continue;
    const stemEnd = w.length - suffix.length;
    if (suffix === "ion") {
      const before = w[stemEnd - 1];
      if (!(before === "s" || before === "t")) return w;
    }
    return measure(w, stemEnd) > 1 ? w.slice(0, stemEnd) : w;
  }
  return w;
}

function step5(w: string): string {
  if (w.endsWith("e")) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !cvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  if (w.endsWith("ll") && measure(w, w.length) > 1) w = w.slice(0, -1);
  return w;
}

/** The FTS5 porter stem of one lower-case token. */
export function porterStem(token: string): string {
  if (token.length < 3 || token.length > MAX_TOKEN || !/^[a-z0-9]+$/.test(token)) return token;
  let w = step1ab(token);
  w = step1c(w);
  w = applyFirst(w, STEP2_SORTED, 0);
  w = applyFirst(w, STEP3_SORTED, 0);
  w = step4(w);
  return step5(w);
}
