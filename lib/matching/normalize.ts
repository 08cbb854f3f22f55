/**
 * What a post says, without what the platform adds around it. A tweet as the archive stores it
 * is "claim text #HashTags https://t.co/x pic.twitter.com/y — Display Name (@handle) May 24, 2019".
 * Matching must ignore the handles, links, "RT", emoji and the trailing signature line (they
 * name the poster, not the claim) but keep the people, places and figures the claim states.
 *
 * Invariants:
 * - the result holds no "@handle", no URL, no "pic.twitter.com/…", no emoji;
 * - a hashtag becomes its words: "#BlackLivesMatter" → "Black Lives Matter", "#Trump2020" →
 *   "Trump 2020" (capitals are kept: they mark names for the named-entity features);
 * - the signature's date is returned separately (it dates the post); the poster's name and the
 *   handles are returned separately too and never enter the matching text;
 * - only the first MAX_QUERY_CHARS characters are read, so any input is handled in bounded time.
 * Pure.
 */
import { parseDay } from "./dates";

export const MAX_QUERY_CHARS = 4000;

export interface NormalisedPost {
  /** The claim text used for matching. */
  text: string;
  /** The post's date as a day number (see dates.ts), from its signature line; null if none. */
  day: number | null;
  /** The poster's display name from the signature line (not part of `text`). */
  author: string | null;
  /** Handles the post mentions and the poster's, as words ("@realDonaldTrump" → "real Donald Trump"); not part of `text`. */
  handles: string[];
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

// "— Display Name (@handle) Month D, YYYY" at the very end; the year may be cut short.
const SIGNATURE = /\s*[—–]\s*([^—–\n]{0,120}?)\s*\(@\w{1,30}\)\s*([A-Za-z]{3,9}\.?\s+\d{1,2},\s+\d{1,4})?\s*$/u;
const URL = /(?:https?:\/\/|www\.)\S*/giu;
const PIC = /pic\.twitter\.com\/?\S*/giu;
// Bare links such as "t.co/abc", "bit.ly/x", "youtu.be/x": a dotted host followed by a path.
const BARE_LINK = /\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co|ly|be|gov|edu|io|me|info|us|uk|gl|tv)\/\S*/giu;
const HANDLE = /(^|[^\p{L}\p{N}_])[@＠][\p{L}\p{N}_]+/gu;
const RETWEET = /^\s*RT\b\s*(?:[@＠][\p{L}\p{N}_]+)?\s*:?/u;
const HASHTAG = /(^|[^\p{L}\p{N}_&])[#＃]([\p{L}\p{N}_]+)/gu;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]/gu;

/** "BlackLivesMatter" → "Black Lives Matter"; "Trump2020" → "Trump 2020"; "25thAmendment" → "25th Amendment". */
export function splitHashtag(tag: string): string {
  return tag
    .replace(/_/g, " ")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
    .replace(/(\p{L})(\p{N})/gu, "$1 $2")
    .replace(/(\p{N})(\p{Lu})/gu, "$1 $2")
    .trim();
}

/**
 * Normalise a post. With `clean: false` (the ablation only) the text is left as it is — handles,
 * links, signature and all — and only the signature's date is read.
 */
export function normalisePost(input: string, options: { clean?: boolean } = {}): NormalisedPost {
  let text = input.slice(0, MAX_QUERY_CHARS).normalize("NFC");
  if (options.clean === false) return { text, day: parseDay(SIGNATURE.exec(text)?.[2]), author: null, handles: [] };
  text = text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? " ");

  let day: number | null = null;
  let author: string | null = null;
  const handles: string[] = [];
  const sig = SIGNATURE.exec(text);
  if (sig) {
    author = sig[1]!.trim() || null;
    day = parseDay(sig[2]);
    handles.push(splitHashtag(/\(@(\w+)\)/u.exec(sig[0])![1]!));
    text = text.slice(0, sig.index);
  }
  for (const m of text.matchAll(HANDLE)) handles.push(splitHashtag(m[0].slice(m[1]!.length + 1)));

  text = text
    .replace(URL, " ")
    .replace(PIC, " ")
    .replace(BARE_LINK, " ")
    .replace(RETWEET, " ")
    .replace(HANDLE, "$1 ")
    .replace(HASHTAG, (_m, before: string, tag: string) => `${before}${splitHashtag(tag)}`)
    .replace(EMOJI, " ")
    .replace(/\s+/gu, " ")
    // What a removed handle or "RT" leaves at the start: ".@x says" → "says".
    .replace(/^[\s.:,;|]+/u, "")
    .trim();
  return { text, day, author, handles };
}
