/**
 * Names (people, places, organisations) a text mentions, found by capitalisation: a word that
 * starts with a capital letter where a sentence does not start, or an acronym ("FBI", "NHS").
 * Good enough to say "both mention Jane Goodall" and to notice a post naming someone the
 * candidate does not. Pure.
 *
 * Invariants:
 * - names are returned as stems (text.ts), so they compare with any other stem;
 * - in a text written mostly in capitals (over 60 % of its letters) capitals say nothing, so
 *   no names are returned rather than every shouted word;
 * - stopwords ("The", "I", "We") are never names.
 */
import { isContent, stem } from "./text";

const WORD = /[\p{L}\p{N}\p{M}'’]+/gu;

/** Share of letters that are capitals. */
function capitalShare(text: string): number {
  let upper = 0;
  let letters = 0;
  for (const ch of text) {
    if (/\p{Lu}/u.test(ch)) {
      upper++;
      letters++;
    } else if (/\p{Ll}/u.test(ch)) letters++;
  }
  return letters ? upper / letters : 0;
}

function fold(word: string): string {
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]s?$/u, "");
}

export interface Names {
  /** Stems of the names, once each, in order of first mention. */
  names: string[];
  /**
   * Stems of every capitalised content word, a sentence's first word included: "Pelosi" in
   * "Pelosi slurring again" may be a name, which a candidate naming "Nancy Pelosi" confirms.
   */
  capitalised: string[];
}

/** A sentence's first word is a name when the next word is capitalised too ("Jane Goodall said"). */
export function extractNames(text: string): Names {
  if (capitalShare(text) > 0.6) return { names: [], capitalised: [] };
  const names: string[] = [];
  const capitalised: string[] = [];
  const seen = new Set<string>();
  const seenCap = new Set<string>();
  const words = [...text.matchAll(WORD)];
  let sentenceStart = true;
  let last = 0;
  let nextCapital = false;
  words.forEach((m, i) => {
    const between = text.slice(last, m.index);
    last = m.index! + m[0].length;
    if (/[.!?:;"“”]\s*$/u.test(between) || /\n/.test(between)) sentenceStart = true;
    const word = m[0];
    const capital = /^\p{Lu}/u.test(word);
    const next = words[i + 1];
    nextCapital = !!next && /^\p{Lu}/u.test(next[0]) && !/[.!?:;"“”]/u.test(text.slice(last, next.index));
    const acronym = /^\p{Lu}{2,6}s?$/u.test(word);
    const folded = fold(word);
    const candidate = capital && isContent(folded) && !/^\d/.test(folded);
    const isName = candidate && (acronym || !sentenceStart || nextCapital);
    sentenceStart = false;
    if (!candidate) return;
    for (const part of folded.match(/[\p{L}\p{N}]+/gu) ?? []) {
      if (!isContent(part)) continue;
      const s = stem(part);
      if (!seenCap.has(s)) {
        seenCap.add(s);
        capitalised.push(s);
      }
      if (isName && !seen.has(s)) {
        seen.add(s);
        names.push(s);
      }
    }
  });
  return { names, capitalised };
}
