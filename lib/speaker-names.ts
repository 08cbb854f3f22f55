/**
 * Matching a typed speaker name against known speakers, the same way in the browser (the
 * speaker picker) and on the server (creating a speaker): case, accents, titles ("Rep.",
 * "Sen.", "Dr.") and party/state tags ("R-Utah", "(D-N.Y.)") do not make a different person.
 */

/** A name's comparable letters: accents, case, possessive 's and punctuation gone. */
export function normalizeName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Titles dropped from the front of a name before comparing ("Rep. Stephen Lynch" is "Stephen Lynch"). */
const TITLES = new Set(
  (
    "mr mrs ms miss mx dr prof sir dame lord lady hon honorable honourable rep representative sen senator congressman congresswoman " +
    "gov governor lt pres president vice mayor minister prime secretary judge justice gen col capt sgt adm rev reverend " +
    "councillor councilor councilman councilwoman chancellor premier ambassador commissioner"
  ).split(" "),
);

/** A party/state tag: "R-Utah", "D-N.Y.", "(I-Vt.)", "R-New York". */
const PARTY_TAG = /\(?\b[RDI]\s?[-–]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][a-z.]+)?\)?/g;

/** The comparable form of a name: no party tag, accents, case, punctuation or leading titles. */
export function speakerKey(name: string): string {
  const words = normalizeName(name.replace(PARTY_TAG, " ")).split(" ").filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  return words.join(" ");
}

/** True when the text is only a party/state tag ("R-Utah"): not a name anyone can be. */
export function isOnlyPartyTag(name: string): boolean {
  return /[RDI]\s?[-–]/.test(name) && normalizeName(name.replace(PARTY_TAG, " ")) === "";
}

/** What the picker sends to the name search: the name without its titles and tags, as typed otherwise. */
export function searchableName(name: string): string {
  const stripped = name.replace(PARTY_TAG, " ").replace(/\s+/g, " ").trim();
  const words = stripped.split(" ");
  while (words.length > 1 && TITLES.has(normalizeName(words[0]!))) words.shift();
  return words.join(" ").replace(/^[,\s]+|[,\s]+$/g, "");
}

export interface NamedSpeaker {
  id: number;
  name: string;
  aliases: string[];
}

export interface SpeakerMatch<T extends NamedSpeaker> {
  /** The speaker the name means: same name or alias, or the one speaker with that surname. */
  exact: T | null;
  /** Speakers whose names are close (a typo away, or the same surname): ask before creating. */
  close: T[];
}

function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Which of `candidates` a typed name means. Exact: the same key as the name or an alias; or,
 * for one word, the only speaker whose name ends with it ("Clarke" → "Tom Clarke"); or the
 * same first and last names ("Stephen F. Lynch" → "Stephen Lynch"). Close: a typo or two away,
 * or sharing the surname.
 */
export function matchSpeakerName<T extends NamedSpeaker>(typed: string, candidates: T[]): SpeakerMatch<T> {
  const key = speakerKey(typed);
  if (!key) return { exact: null, close: [] };
  const words = key.split(" ");
  const keysOf = (s: T) => [s.name, ...s.aliases].map(speakerKey).filter(Boolean);
  const exact = candidates.find((s) => keysOf(s).includes(key));
  if (exact) return { exact, close: [] };
  const last = words[words.length - 1]!;
  const sameSurname = candidates.filter((s) => keysOf(s).some((k) => k.split(" ").at(-1) === last));
  if (words.length === 1 && sameSurname.length === 1) return { exact: sameSurname[0]!, close: [] };
  const firstAndLast = sameSurname.filter((s) => keysOf(s).some((k) => k.split(" ")[0] === words[0]));
  if (words.length > 1 && firstAndLast.length === 1) return { exact: firstAndLast[0]!, close: [] };
  const limit = Math.max(1, Math.floor(key.length / 6));
  const close = candidates.filter((s) => sameSurname.includes(s) || keysOf(s).some((k) => distance(k, key, limit) <= limit));
  return { exact: null, close };
}

/**
 * LIKE patterns (with `_` for letters that may carry an accent) that any name sharing a word
 * with `typed` matches, so a database can narrow the candidates before matchSpeakerName.
 */
export function candidatePatterns(typed: string): string[] {
  const words = speakerKey(typed)
    .split(" ")
    .filter((w) => w.length >= 3)
    .sort((a, b) => b.length - a.length)
    .slice(0, 3);
  return words.map((w) => `%${w.replace(/[^a-z0-9]/g, "_").replace(/[aeiouycnsz]/g, "_")}%`);
}
