import { existsSync, readFileSync } from "node:fs";
import type { Random } from "./random";

/**
 * Sentences that read like political statements, for generated claims and sources. With the LIAR
 * data at hand (../shared, research use: read, never copied) a word-bigram chain learnt from its
 * 10,000+ real statements gives realistic vocabulary, word frequencies and lengths; without it, a
 * built-in word list of our own with Zipf-like frequencies.
 */
export interface Vocabulary {
  readonly origin: string;
  sentence(random: Random): string;
  /** A name-like capitalised word, for speakers and titles. */
  word(random: Random): string;
}

const FALLBACK = `the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
has had were said been their would will more one all about there when who also new can no if only its than other into some could
them time these two may first then do any like people my now over such our most years after very state government percent tax
jobs million billion health care budget law bill vote senate house president governor economy workers unemployment rate school
schools education spending debt deficit federal city county police crime immigrants border wall energy oil gas coal climate
wages minimum wage income families children women veterans military security trade china mexico program plan report data
increased decreased cut raised doubled since record highest lowest largest fewer nearly almost every year under over last week
voted supported opposed signed promised claimed said says according campaign democrats republicans congress legislature
insurance medicare medicaid social pension retirement taxes businesses small companies jobs created lost housing prices rent
water roads bridges transit hospitals doctors nurses drugs prices prescription court judges abortion guns rights marriage
elections voters fraud ballots turnout polls survey study shows average median half third quarter twice times`.split(/\s+/);

export function loadVocabulary(liarFile: string | null): Vocabulary {
  if (liarFile && existsSync(liarFile)) return bigramVocabulary(liarFile);
  return fallbackVocabulary();
}

function bigramVocabulary(file: string): Vocabulary {
  const index = new Map<string, number>();
  const words: string[] = [];
  const successors: number[][] = [];
  const starts: number[] = [];
  const id = (w: string) => {
    let i = index.get(w);
    if (i === undefined) {
      i = words.push(w) - 1;
      index.set(w, i);
      successors.push([]);
    }
    return i;
  };
  const END = id("");
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const statement = line.split("\t")[2]?.trim();
    if (!statement) continue;
    const tokens = statement.replace(/^Says /, "").split(/\s+/).filter(Boolean);
    if (tokens.length < 4) continue;
    starts.push(id(tokens[0]!));
    for (let i = 0; i < tokens.length; i++) successors[id(tokens[i]!)]!.push(i + 1 < tokens.length ? id(tokens[i + 1]!) : END);
  }
  const names = words.filter((w) => /^[A-Z][a-z]{3,}$/.test(w));
  return {
    origin: `a word-bigram chain over the LIAR statements (${words.length.toLocaleString("en")} words)`,
    sentence(random) {
      for (let attempt = 0; ; attempt++) {
        const out: string[] = [];
        let w = random.pick(starts);
        while (w !== END && out.length < 40) {
          out.push(words[w]!);
          w = random.pick(successors[w]!);
        }
        if ((out.length >= 8 && out.length <= 38) || attempt > 5) return finish(out.join(" "));
      }
    },
    word: (random) => random.pick(names),
  };
}

function fallbackVocabulary(): Vocabulary {
  // Earlier words are commoner: pick by a skewed index.
  const skewed = (random: Random) => FALLBACK[Math.floor(FALLBACK.length * random.next() ** 2.2)]!;
  return {
    origin: `the built-in word list (${FALLBACK.length} words; the LIAR data was not found)`,
    sentence(random) {
      const n = random.int(10, 28);
      const out = Array.from({ length: n }, () => skewed(random));
      out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
      return finish(out.join(" "));
    },
    word: (random) => {
      const w = random.pick(FALLBACK);
      return w.charAt(0).toUpperCase() + w.slice(1);
    },
  };
}

/** A sentence ends with a full stop (and has no tabs or line breaks inside). */
function finish(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return /[.!?]["”’)]?$/.test(clean) ? clean : `${clean.replace(/[,;:]$/, "")}.`;
}
