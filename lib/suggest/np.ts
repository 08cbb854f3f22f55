/**
 * Noun-phrase chunking without a part-of-speech tagger: closed-class words (determiners,
 * prepositions, conjunctions, auxiliaries) and capitalisation bound the phrase. Good enough to
 * find the subject of a reporting verb, which is what attribution needs.
 */
import { CUE_VERBS, DETERMINERS, NP_BOUNDARY, VERB_MODIFIERS } from "./lexicon";
import type { Token } from "./tokens";

/** Inclusive token range. */
export type Range = [number, number];

const NP_INNER = new Set(["of", "for", "at", "from", "&", "-", "and"]);
const PRONOUN_SUBJECTS = new Set(["i", "we", "you", "he", "she", "they", "it", "who", "which", "both", "many", "some", "others", "most", "all", "several", "none", "one", "this", "that", "these", "those"]);
const MAX_NP = 14;
/** Auxiliaries and modals: a phrase holding one is a clause, not an appositive. */
/** Words that open a relative or adverbial clause inside an appositive ("who has …", "as he has …"). */
const APPOSITIVE_CLAUSE = new Set("who which whose whom where that as if when while although though because since after before like in on at with for by from during".split(" "));
const FINITE = new Set("is are was were has have had will would could should can may might must does did don't doesn't didn't isn't wasn't won't".split(" "));

function isNounish(t: Token): boolean {
  if (t.kind === "num") return true;
  if (t.kind !== "word") return t.text === "." ? false : false;
  if (t.cap) return true;
  if (NP_BOUNDARY.has(t.lower) || VERB_MODIFIERS.has(t.lower)) return false;
  return true;
}

/** Skip verb modifiers leftwards from `k` ("has also repeatedly"); returns the new index. */
export function skipModifiersLeft(tokens: Token[], k: number, first: number): number {
  while (k >= first) {
    const t = tokens[k]!;
    if (t.kind === "word" && !t.cap && (VERB_MODIFIERS.has(t.lower) || (/ly$/.test(t.lower) && t.lower.length > 4))) k--;
    else break;
  }
  return k;
}

/** Walk a noun phrase leftwards ending at `end`; returns its first token, or -1 if none. */
function walkLeft(tokens: Token[], end: number, first: number): number {
  const head = tokens[end];
  if (!head || head.kind === "punct" || head.kind === "quote") {
    // Allow a closing parenthesis of "(R-Tenn.)" after a name.
    if (head?.text === ")") {
      let k = end - 1;
      while (k >= first && tokens[k]!.text !== "(" && end - k < 8) k--;
      if (k > first && tokens[k]!.text === "(") return walkLeft(tokens, k - 1, first);
    }
    return -1;
  }
  if (PRONOUN_SUBJECTS.has(head.lower)) {
    return end;
  }
  if (!isNounish(head) || CUE_VERBS.has(head.lower) && !head.cap) return -1;
  let k = end;
  while (k - 1 >= first && end - (k - 1) < MAX_NP) {
    const t = tokens[k - 1]!;
    if (t.kind === "punct" || t.kind === "quote") {
      if (t.text === "-" || t.text === "&" || t.text === "’" || t.text === "'") {
        k--;
        continue;
      }
      break;
    }
    if (DETERMINERS.has(t.lower) && !t.cap) {
      k--;
      // "55 percent of all voters": a determiner after "of" is inside the phrase.
      const of = tokens[k - 1];
      if (of && k - 1 > first && of.lower === "of" && isNounish(tokens[k - 2]!)) {
        k--;
        continue;
      }
      break;
    }
    if (t.cap || t.kind === "num") {
      k--;
      continue;
    }
    if (NP_INNER.has(t.lower)) {
      // "spokesman for Mrs. Clinton", "Secretary of State": only when a noun precedes it.
      const before = tokens[k - 2];
      if (before && k - 2 >= first && before.kind === "word" && !NP_BOUNDARY.has(before.lower) && !VERB_MODIFIERS.has(before.lower) && !DETERMINERS.has(before.lower)) {
        if (t.lower === "and" && !(before.cap && tokens[k]!.cap)) break; // only "Trump and Clinton"
        k--;
        continue;
      }
      break;
    }
    if (isNounish(t) && !CUE_VERBS.has(t.lower)) {
      k--;
      continue;
    }
    break;
  }
  // Sentence-initial capitalised function words ("But", "And", "When") are not part of it.
  while (k < end && NP_BOUNDARY.has(tokens[k]!.lower)) k++;
  return k;
}

/**
 * The subject noun phrase of a verb at `verb`: skips modifiers, handles an appositive between
 * commas ("Mukasey, the former attorney general, said") and a relative clause ("Clinton, who …, said").
 */
export function subjectBefore(tokens: Token[], verb: number, first: number): Range | null {
  const k = skipModifiersLeft(tokens, verb - 1, first);
  if (k < first) return null;
  const t = tokens[k]!;
  if (t.text === ",") {
    // Appositive: NAME , DESCRIPTION , verb — look for the opening comma.
    let c = k - 1;
    while (c > first && tokens[c]!.text !== "," && k - c < 30 && tokens[c]!.kind !== "quote") {
      if (tokens[c]!.text === "." || tokens[c]!.text === ";") return null;
      c--;
    }
    if (c <= first || tokens[c]!.text !== ",") return null;
    // A description, or a relative clause; not a clause of its own ("…, candidates have more
    // room to walk away, said X": the inverted source comes after the cue).
    for (let i = c + 1; i < k; i++) {
      const w = tokens[i]!.lower;
      if (APPOSITIVE_CLAUSE.has(w)) break;
      if (FINITE.has(w)) return null;
    }
    const start = walkLeft(tokens, c - 1, first);
    if (start < 0) return null;
    // The part before the first comma must be a name or a short description, not a clause.
    if (c - start > 8) return null;
    return [start, k];
  }
  const start = walkLeft(tokens, k, first);
  if (start < 0) return null;
  return [start, k];
}

/**
 * A noun phrase starting at `start` and running to the end of the clause: used for inverted
 * sources ("said Hala Agha, a resident who organized the event") and "according to X".
 */
export function phraseAfter(tokens: Token[], start: number, last: number, stopAtComma: boolean): Range | null {
  let k = start;
  let end = -1;
  while (k <= last) {
    const t = tokens[k]!;
    if (t.kind === "quote") break;
    if (t.text === "." || t.text === ";" || t.text === "!" || t.text === "?" || t.text === ":" || t.text === "—" || t.text === "–") break;
    if (t.text === ",") {
      if (stopAtComma) break;
      // A comma followed by a quotation or a participle ends the phrase.
      const n = tokens[k + 1];
      if (!n || n.kind === "quote" || /ing$/.test(n.lower) || n.lower === "and" || n.lower === "but" || PHRASE_TAIL.has(n.lower)) break;
    }
    if (t.kind !== "punct") end = k;
    k++;
  }
  return end >= start ? [start, end] : null;
}

/** After a comma, these start an adjunct, not more of the phrase (", with games of …", ", in an interview"). */
const PHRASE_TAIL = new Set("with in on at during after before while when because although though since via".split(" "));

const FRONTING = new Set("after before while when as although though because since if once until unless despite in on at during for with without by from among amid under over following".split(" "));

/**
 * The subject of the clause that a participle or coordinated verb at `before` hangs on
 * ("Sanders spoke for an hour, railing against …"): the noun phrase before the sentence's first
 * verb, after a fronted adverbial ("On Tuesday, …").
 */
export function clauseSubject(tokens: Token[], first: number, before: number): Range | null {
  let k = first;
  while (k < before && tokens[k]!.kind !== "word" && tokens[k]!.kind !== "num") k++;
  if (k >= before) return null;
  if (FRONTING.has(tokens[k]!.lower)) {
    while (k < before && tokens[k]!.text !== ",") k++;
    k++;
  }
  if (k < before && /^(he|she|they|we|i)$/.test(tokens[k]!.lower)) return [k, k];
  for (let j = k + 1; j < before; j++) {
    const t = tokens[j]!;
    if (t.kind === "quote" || t.text === ";" || t.text === ":") return null;
    if (t.kind !== "word" || t.cap) continue;
    // "Wealth-X keeps …": a lower-case -s word right after a name is its verb.
    const afterName = tokens[j - 1]!.cap && tokens[j - 1]!.kind === "word" && /[^s]s$/.test(t.lower);
    if (afterName || VERB_MODIFIERS.has(t.lower) || CUE_VERBS.has(t.lower) || (/ed$/.test(t.lower) && t.lower.length > 4)) {
      const r = subjectBefore(tokens, j, k);
      return r && r[0] === k ? r : null;
    }
    if (NP_BOUNDARY.has(t.lower) && !/^(of|for|at|from|and)$/.test(t.lower)) return null;
  }
  return null;
}
