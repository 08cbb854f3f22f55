/**
 * Named mentions: runs of capitalised words ("Amnesty International", "Pen Bona", "US Institute
 * for Peace"), with the kind of speaker they name. Coreference resolves sources to these.
 */
import { GOV_WORDS, ORG_WORDS, PERSON_TITLES } from "./lexicon";
import type { Token } from "./tokens";
import type { SpeakerKind } from "./types";

export interface Mention {
  /** Token range of the name itself (titles and descriptions stripped), inclusive. */
  first: number;
  last: number;
  name: string;
  kind: SpeakerKind;
  /** Lower-case role words seen right before the name ("spokesman", "group"). */
  roles: string[];
  /** Inside a quotation: a name someone mentions, rarely the one speaking. */
  quoted: boolean;
}

/** Common nouns that start sentences capitalised ("Officials said …"): nominals, not names. */
const COMMON_NOUNS = new Set(
  ("officials official police authorities experts analysts critics residents voters supporters protesters researchers " +
    "scientists lawmakers prosecutors investigators witnesses doctors teachers workers survivors victims activists " +
    "organizers observers diplomats sources aides advisers spokesman spokeswoman spokesperson minister ministry " +
    "government company group agency report study survey poll data records documents").split(" "),
);

const DAY_NAMES = new Set("monday tuesday wednesday thursday friday saturday sunday".split(" "));
const MONTH_NAMES = new Set("january february march april may june july august september october november december".split(" "));

/** Lower-case words allowed inside a name: "Institute for Peace", "von der Leyen". */
const NAME_JOINERS = new Set(["of", "for", "the", "de", "der", "von", "van", "da", "del", "di", "la", "le", "bin", "al", "&", "and"]);
/** Capitalised words that start sentences without naming anyone. */
const NOT_NAMES = new Set(
  ("the a an but and or in on at as when while if after before he she it they we i you this that these those there " +
    "asked meanwhile however still yet so then also his her their its our my your what who why how where which " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december photo according despite during since although though because with " +
    "without for from by to of under over about among between last next earlier later today yesterday tomorrow " +
    "here now some many most all both each several").split(" "),
);
/** Countries and places that speak as governments ("Cambodia said"). A short general list. */
const COUNTRIES = new Set(
  ("us u.s. usa america britain uk u.k. china russia france germany iran iraq israel japan india pakistan mexico " +
    "canada ukraine cambodia myanmar laos vietnam thailand indonesia philippines malaysia singapore taiwan korea " +
    "syria turkey egypt saudi qatar brazil argentina venezuela cuba italy spain poland australia nigeria kenya " +
    "afghanistan beijing moscow washington tehran kyiv london paris berlin tokyo seoul pyongyang").split(" "),
);

function stripPossessive(text: string): string {
  return text.replace(/['’]s?$/, "");
}

/**
 * Kind of a name, from its own words first ("Ministry of Justice", "Amnesty International"),
 * then from the nearest role word before it ("spokesman Pen Bona", "rights group Amnesty").
 */
export function classify(words: string[], roles: string[]): SpeakerKind {
  const lower = words.map((w) => stripPossessive(w.toLowerCase()));
  if (lower.some((w) => GOV_WORDS.has(w))) return "government";
  if (lower.length === 1 && COUNTRIES.has(lower[0]!)) return "government";
  if (lower.some((w) => ORG_WORDS.has(w))) return "organisation";
  const role = roles[0];
  if (role !== undefined) {
    if (PERSON_TITLES.has(role) || role === "former") return "person";
    if (role === "government" || role === "ministry") return "government";
    if (ORG_WORDS.has(role)) return "organisation";
  }
  // An all-capitals acronym (UN, NATO, CNN) names an organisation.
  if (words.length === 1 && /^[A-Z][A-Z.&]+$/.test(words[0]!)) return "organisation";
  // "Greenwatch", "Trump": one word with no title says nothing about its kind.
  if (words.length === 1) return "other";
  return "person";
}

/** All named mentions in the text, in order. */
export function findMentions(tokens: Token[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Capitalised adjectives are not names: "London-based", "Chinese-led".
    if (t.kind !== "word" || !t.cap || /-\p{Ll}+$/u.test(t.text)) continue;
    const sentenceStart = i === 0 || tokens[i - 1]!.sent !== t.sent || tokens[i - 1]!.kind === "quote";
    if (sentenceStart && (NOT_NAMES.has(t.lower) || (COMMON_NOUNS.has(t.lower) && !tokens[i + 1]?.cap))) continue;
    if (DAY_NAMES.has(t.lower)) continue;
    // "in May", "since January": a date, not a name.
    if (MONTH_NAMES.has(t.lower) && /^(in|on|since|until|by|last|next|early|late|mid|of|from|through|before|after)$/i.test(tokens[i - 1]?.text ?? "")) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1]!;
      if (n.kind === "word" && n.cap && n.sent === t.sent && !/['’]s?$/.test(tokens[j]!.text) && !/-\p{Ll}+$/u.test(n.text)) j++;
      else if (NAME_JOINERS.has(n.lower) && !n.cap && tokens[j + 2]?.cap && tokens[j + 2]!.kind === "word") j += 2;
      else break;
    }
    // Strip leading titles: "Former Attorney General Michael Mukasey" → "Michael Mukasey".
    let a = i;
    let lastTitle = -1;
    for (let k = i; k < j; k++) if (PERSON_TITLES.has(tokens[k]!.lower) || tokens[k]!.lower === "former") lastTitle = k;
    // Nearest role word first: it is the head of the description.
    const roles: string[] = [];
    if (lastTitle >= 0) {
      for (let k = lastTitle; k >= a; k--) roles.push(tokens[k]!.lower);
      a = lastTitle + 1;
    }
    // Role words just before the name: "government spokesman Pen Bona", "rights group Amnesty".
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const r = tokens[k]!;
      if (r.kind !== "word" || r.sent !== t.sent) break;
      if (r.cap) {
        roles.push(r.lower);
        continue;
      }
      if (NOT_NAMES.has(r.lower)) break;
      roles.push(r.lower);
    }
    // An appositive after the name adds its role: "Lena Park, a spokeswoman for the ministry,".
    if (tokens[j + 1]?.text === "," && /^(a|an|the)$/.test(tokens[j + 2]?.lower ?? "")) {
      for (let k = j + 3; k < tokens.length && k < j + 10; k++) {
        const r = tokens[k]!;
        if (r.kind !== "word" || r.cap) break;
        roles.push(r.lower);
      }
    }
    const words: string[] = [];
    for (let k = a; k <= j; k++) words.push(tokens[k]!.text);
    const last = words.length - 1;
    words[last] = stripPossessive(words[last]!);
    if (words.join("").length < 2) {
      i = j;
      continue;
    }
    // "Cambodia’s government": a country whose government speaks.
    const after = tokens[j + 1];
    const govOf = /['’]s?$/.test(tokens[j]!.text) && after && (after.lower === "government" || after.lower === "officials");
    const kind = govOf ? "government" : classify(words, roles);
    out.push({ first: a, last: j, name: words.join(" ").replace(/ (['’])/g, "$1"), kind, roles, quoted: tokens[a]!.quote >= 0 });
    i = j;
  }
  return out;
}
