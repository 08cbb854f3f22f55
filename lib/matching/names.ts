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
import { fold, isContent, stem, WORD } from "./text";

const SENTENCE_END = new Set([".", "!", "?", ":", ";", '"', "“", "”", "\n"]);

/** Share of letters that are capitals (a plain loop: this runs on every candidate). */
function capitalShare(text: string): number {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c > 127) {
      const ch = text[i]!;
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  return upper + lower ? upper / (upper + lower) : 0;
}

function isCapital(word: string): boolean {
  const c = word[0]!;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Whether the text between two words (from..to) ends a sentence. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text[i]!;
    if (c === "\n" || SENTENCE_END.has(c)) return true;
    if (c !== " " && c !== "\t" && c !== "\r") return false;
  }
  return false;
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

/** The names of `text`. A sentence's first word is a name when the next word is capitalised too ("Jane Goodall said"). */
export function extractNames(text: string): Names {
  const folded = fold(text);
  return namesOfWords(folded, [...folded.matchAll(WORD)]);
}

/** The same, from a folded text (text.ts `fold`) and its WORD matches, for a caller that already has them. */
export function namesOfWords(text: string, words: RegExpMatchArray[]): Names {
  const names: string[] = [];
  const capitalised: string[] = [];
  if (capitalShare(text) > 0.6) return { names, capitalised };
  let prevEnd = 0;
  words.forEach((m, i) => {
    const word = m[0];
    const start = m.index!;
    const sentenceStart = i === 0 || endsSentence(text, prevEnd, start);
    prevEnd = start + word.length;
    if (!isCapital(word)) return;
    const lower = word.toLowerCase();
    if (!isContent(lower) || /^\d/.test(lower)) return;
    const next = words[i + 1];
    const nextCapital = !!next && isCapital(next[0]) && !endsSentence(text, prevEnd, next.index!);
    const acronym = /^\p{Lu}{2,6}s?$/u.test(word);
    const isName = acronym || !sentenceStart || nextCapital;
    const s = stem(lower);
    if (!capitalised.includes(s)) capitalised.push(s);
    if (isName && !names.includes(s)) names.push(s);
  });
  return { names, capitalised };
}
