/**
 * The search box's query language and the shapes search returns. Pure: safe in the browser.
 *
 * Users type words, not FTS5 syntax. Whatever they type is cut into words (letters, digits and
 * combining marks — the characters FTS5's unicode61 tokenizer keeps), and each word is handed to
 * FTS5 as a quoted string, so `AND`, `OR`, `NEAR(`, `^`, `:`, `-`, `*` in the middle of a word,
 * column filters and lone quotes are only ever words or nothing, never operators. What we do
 * support: a "quoted phrase" (a phrase query) and a trailing `*` on a word (a prefix query).
 */
import type { ClaimDTO, SourceRef, SpeakerRef } from "./dto";

/** The most words (counting each word of a phrase) a query may use; the rest are ignored. */
export const MAX_QUERY_TERMS = 12;
/** Only the start of a very long query is read. */
export const MAX_QUERY_CHARS = 1000;

export interface QueryTerm {
  /** One word, or the words of a quoted phrase, lower-cased. */
  words: string[];
  /** A trailing `*`: the last word is a prefix. */
  prefix: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function wordsOf(text: string): string[] {
  return (text.normalize("NFC").match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** The terms of what a user typed: quoted phrases, words, prefixes; at most MAX_QUERY_TERMS words. */
export function parseSearchQuery(input: string): QueryTerm[] {
  const text = input.slice(0, MAX_QUERY_CHARS);
  const terms: QueryTerm[] = [];
  let budget = MAX_QUERY_TERMS;
  const push = (words: string[], prefix: boolean) => {
    if (budget <= 0 || words.length === 0) return;
    const kept = words.slice(0, budget);
    budget -= kept.length;
    // A one- or two-letter prefix would expand to a large share of the vocabulary.
    terms.push({ words: kept, prefix: prefix && kept.length === words.length && kept[kept.length - 1]!.length >= 2 });
  };
  // A phrase is text between two double quotes; an unpaired quote is just a separator.
  const pattern = /"([^"]*)"(\*?)|([^"\s]+)/g;
  for (const m of text.matchAll(pattern)) {
    if (m[1] !== undefined) {
      push(wordsOf(m[1]), m[2] === "*");
    } else {
      const chunk = m[3]!;
      const words = wordsOf(chunk);
      // `cam*` is a prefix; `a*b` is two words.
      const prefix = /[\p{L}\p{N}\p{M}]\*+$/u.test(chunk);
      words.forEach((w, i) => push([w], prefix && i === words.length - 1));
    }
  }
  return terms;
}

/** An FTS5 string: double quotes doubled. Our words never hold one; this is the second lock. */
export function ftsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function termExpression(term: QueryTerm): string {
  return ftsString(term.words.join(" ")) + (term.prefix ? "*" : "");
}

/**
 * The MATCH expression: every term (`all`) or any term (`any`), or null when nothing searchable
 * was typed (only punctuation, emoji, quotes…).
 */
export function matchExpression(terms: QueryTerm[], mode: "all" | "any" = "all"): string | null {
  if (terms.length === 0) return null;
  return terms.map(termExpression).join(mode === "all" ? " " : " OR ");
}

/** All the words in the order typed, as one phrase: rows holding it verbatim rank first. Null for one word. */
export function phraseExpression(terms: QueryTerm[]): string | null {
  const words = terms.flatMap((t) => t.words);
  if (words.length < 2) return null;
  const last = terms[terms.length - 1]!;
  return ftsString(words.join(" ")) + (last.prefix ? "*" : "");
}

/** The words searched for, for display ("results for …"). */
export function describeQuery(terms: QueryTerm[]): string {
  return terms.map((t) => (t.words.length > 1 ? `“${t.words.join(" ")}”` : t.words[0]) + (t.prefix ? "…" : "")).join(" ");
}

// ---- results -------------------------------------------------------------------------------

/** A piece of a snippet; `match` pieces are the words that matched (rendered as <mark>). */
export interface SearchSegment {
  text: string;
  match: boolean;
}

/** The markers snippet() puts around matches: control characters no stored text uses. */
export const MARK_OPEN = "\u0002";
export const MARK_CLOSE = "\u0003";

/** A snippet() string cut into segments at the markers (so no HTML is ever built from text). */
export function toSegments(snippet: string | null | undefined): SearchSegment[] {
  if (!snippet) return [];
  const segments: SearchSegment[] = [];
  let match = false;
  let text = "";
  const flush = () => {
    if (text) segments.push({ text, match });
    text = "";
  };
  for (const ch of snippet) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      flush();
      match = ch === MARK_OPEN;
    } else text += ch;
  }
  flush();
  // Passages start and end mid-paragraph: no stray line breaks at the edges.
  if (segments.length > 0) {
    segments[0]!.text = segments[0]!.text.trimStart();
    segments[segments.length - 1]!.text = segments[segments.length - 1]!.text.trimEnd();
  }
  return segments.filter((s) => s.text !== "");
}

export const hasMatch = (segments: SearchSegment[]) => segments.some((s) => s.match);

export const SEARCH_TYPES = ["all", "claim", "source", "speaker"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export type ResultType = Exclude<SearchType, "all">;

export type SearchResultDTO =
  | {
      type: "claim";
      id: number;
      claim: ClaimDTO;
      /** The claim's text with the matches marked, or its quote when only the quote matched. */
      snippet: SearchSegment[];
      matchedIn: "text" | "quote";
    }
  | {
      type: "source";
      id: number;
      source: SourceRef;
      title: SearchSegment[];
      /** The best-matching passage of the text, shortened around the matches. */
      snippet: SearchSegment[];
    }
  | {
      type: "speaker";
      id: number;
      speaker: SpeakerRef & { description: string | null; affiliation: SpeakerRef | null; aliases: string[] };
      name: SearchSegment[];
      /** The aliases, with matches marked, when an alias matched. */
      snippet: SearchSegment[];
    };

/** A query searched with its misspelt words corrected ("did you mean"). */
export interface SearchCorrection {
  /** The query as typed. */
  typed: string;
  /** The query searched instead: the typed text with each corrected word replaced. */
  query: string;
  /** Each word corrected (lower case, diacritics removed) and the word searched for it. */
  words: { from: string; to: string }[];
}

export interface SearchPageDTO {
  items: SearchResultDTO[];
  nextCursor: string | null;
  hasMore: boolean;
  /** `all` when every word had to match; `any` when nothing matched them all and any word was enough. */
  mode: "all" | "any";
  /** The words searched for, as understood ("" when nothing searchable was typed). */
  understood: string;
  /**
   * True when a type had more matches than a search ranks (the newest CANDIDATES of db/search):
   * the results are the best of the most recent matches, and older ones may be left out.
   */
  capped: boolean;
  /**
   * Set when words typed are in nothing the viewer can search and a word near each was searched
   * instead ("showing results for …"); null otherwise, and with `spell=off`.
   */
  correction: SearchCorrection | null;
}

/** A claim that looks like the one being written. */
export interface SimilarClaimDTO {
  claim: ClaimDTO;
  /** 0…1+: word overlap (cosine), plus a boost when the figures match. */
  score: number;
  /** The figures both claims state (53, 100000, 12500000000). */
  sharedNumbers: number[];
}

/** Where a result lives. */
export function resultHref(result: SearchResultDTO): string {
  if (result.type === "claim") return `/claims/${result.id}`;
  if (result.type === "source") return `/sources/${result.id}`;
  return `/speakers/${result.id}`;
}

export const RESULT_TYPE_LABELS: Record<ResultType, string> = { claim: "Claim", source: "Source", speaker: "Speaker" };
