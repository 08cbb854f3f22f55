/**
 * Who is speaking: resolves a source span to a named speaker — directly when it contains a
 * name, through an earlier full mention for a bare surname ("Bona" → "Pen Bona"), and through
 * the nearest fitting named mention for pronouns and nominals ("he", "the group",
 * "officials", "the government spokesman") — then matches known Counterpoint speakers.
 */
import { normalizeName } from "../speaker-names";
import { PERSON_TITLES } from "./lexicon";
import { classify, type Mention } from "./mentions";
import type { Range } from "./np";
import type { Token } from "./tokens";
import type { KnownSpeaker, SpeakerKind } from "./types";

export interface ResolvedSpeaker {
  name: string;
  kind: SpeakerKind;
  /** The named mention it was resolved to. */
  mention: Mention | null;
  speakerId: number | null;
  /**
   * How it was found: a name in the source, an antecedent (pronoun, nominal), or — when nothing
   * named fits — the source's own description ("the city audit office"), proposed as it is.
   */
  via: "name" | "antecedent" | "description" | "unresolved";
}

const PERSON_PRONOUNS = new Set(["he", "she", "him", "her", "i", "who"]);
const GROUP_PRONOUNS = new Set(["it", "they", "we", "which"]);
const ORG_NOMINALS = new Set(["group", "organisation", "organization", "company", "firm", "campaign", "agency", "network", "newspaper", "paper", "report", "study", "survey", "poll", "watchdog", "charity", "union", "party", "committee", "institute", "foundation", "association"]);
/** Public bodies named by description rather than by name. */
const INSTITUTION_NOMINALS = new Set(["office", "council", "court", "authority", "commission", "board", "tribunal", "regulator", "inspectorate", "prosecutor", "ombudsman"]);
const GOV_NOMINALS = new Set(["government", "ministry", "officials", "official", "authorities", "administration", "department", "police", "regime", "cabinet", "embassy", "military", "army", "prosecutors", "state"]);

/** Match a speaker to a known one: name or alias, then (persons) surname or full name containment. */
export function matchKnown(name: string, kind: SpeakerKind, known: KnownSpeaker[], alsoTry: string[] = []): KnownSpeaker | null {
  const keys = [name, ...alsoTry].map(normalizeName).filter(Boolean);
  for (const k of known) {
    const names = [k.name, ...k.aliases].map(normalizeName);
    if (keys.some((key) => names.includes(key))) return k;
  }
  if (kind !== "person") return null;
  const parts = normalizeName(name).split(" ");
  const surname = parts[parts.length - 1];
  if (!surname) return null;
  for (const k of known) {
    for (const n of [k.name, ...k.aliases]) {
      const kp = normalizeName(n).split(" ");
      // "Bona" ~ "Pen Bona"; "Pen Bona" ~ "Pen Bona"; not "John Smith" ~ "Jane Smith".
      if (kp[kp.length - 1] === surname && (parts.length === 1 || kp.length === 1 || kp[0] === parts[0])) return k;
    }
  }
  return null;
}

export class SpeakerResolver {
  private readonly mentions: Mention[];
  private readonly tokens: Token[];
  private readonly known: KnownSpeaker[];
  /** Speakers of earlier attributions, most recent last (pronouns prefer them). */
  private readonly recent: ResolvedSpeaker[] = [];

  constructor(tokens: Token[], mentions: Mention[], known: KnownSpeaker[]) {
    this.tokens = tokens;
    this.mentions = mentions;
    this.known = known;
  }

  /** Resolve the source range of an attribution (call in text order). */
  resolve(source: Range | null): ResolvedSpeaker | null {
    if (!source) return null;
    const r = this.resolveRaw(source);
    if (!r) return null;
    const alias = r.mention ? [this.text(r.mention)] : [];
    const k = matchKnown(r.name, r.kind, this.known, alias);
    const out = k ? { ...r, name: k.name, speakerId: k.id } : r;
    if (out.via !== "unresolved") this.recent.push(out);
    return out;
  }

  private text(m: Mention): string {
    return this.tokens.slice(m.first, m.last + 1).map((t) => t.text).join(" ");
  }

  private resolveRaw(source: Range): ResolvedSpeaker | null {
    const [a, b] = source;
    // A name inside the source, before any appositive comma: the last one after a role word
    // ("secretary-general Agnes Callamard"), else the first.
    let stop = b;
    for (let i = a; i <= b; i++) if (this.tokens[i]!.text === "," && i > a) {
      stop = i - 1;
      break;
    }
    const inside = this.mentions.filter((m) => m.first >= a && m.last <= stop);
    if (inside.length > 0) {
      const m = inside.length > 1 && !this.tokens[inside[inside.length - 1]!.first - 1]?.cap ? inside[inside.length - 1]! : inside[0]!;
      return this.named(m);
    }
    const words = this.tokens.slice(a, b + 1).filter((t) => t.kind === "word").map((t) => t.lower);
    const head = words[words.length - 1] ?? "";
    const before = (kinds: SpeakerKind[], roles?: Set<string>) => this.nearest(a, kinds, roles);
    if (PERSON_PRONOUNS.has(head) && words.length === 1) {
      const prev = [...this.recent].reverse().find((s) => (s.kind === "person" || s.kind === "other") && s.mention && s.mention.last < a);
      const m = before(["person", "other"]);
      // The most recent speaker if it is at least as recent as any other person mentioned.
      if (prev && prev.mention && (!m || prev.mention.first >= m.first - 40)) return { ...prev, via: "antecedent" };
      return m ? this.antecedent(m, "person") : null;
    }
    if (GROUP_PRONOUNS.has(head) && words.length === 1) {
      const m = before(["organisation", "government", "other"]);
      return m ? this.antecedent(m, "organisation") : null;
    }
    if (GOV_NOMINALS.has(head) || words.some((w) => w === "government")) {
      // "the government spokesman": a person described by that role, if one was named.
      const role = words.find((w) => PERSON_TITLES.has(w));
      if (role && !GOV_NOMINALS.has(head)) {
        const p = before(["person"], new Set([role]));
        if (p) return { ...this.named(p), via: "antecedent" };
      }
      const m = before(["government"]);
      return m ? this.antecedent(m, "government") : null;
    }
    if (ORG_NOMINALS.has(head)) {
      const m = before(["organisation", "other"]);
      return m ? this.antecedent(m, "organisation") : this.described(source, "organisation");
    }
    if (PERSON_TITLES.has(head)) {
      const p = before(["person"], new Set([head])) ?? before(["person"]);
      return p ? { ...this.named(p), via: "antecedent" } : this.described(source, "person");
    }
    return INSTITUTION_NOMINALS.has(head) ? this.described(source, "government") : null;
  }

  /**
   * A speaker named only by description ("the city audit office", "the harbour authority"),
   * proposed as it stands so the fact-checker starts from something: the words of the source
   * without a leading article, capitalised. Bare pronouns never get here.
   */
  private described(source: Range, kind: SpeakerKind): ResolvedSpeaker | null {
    const words = this.tokens.slice(source[0], source[1] + 1).map((t) => t.text);
    while (words.length > 0 && /^(the|a|an|this|that|its|their|his|her|our)$/i.test(words[0]!)) words.shift();
    if (words.length < 2 && !PERSON_TITLES.has(words[0]?.toLowerCase() ?? "")) return null;
    const name = words.join(" ").replace(/\s+([,.’'])/g, "$1");
    return { name: name.charAt(0).toUpperCase() + name.slice(1), kind, mention: null, speakerId: null, via: "description" };
  }

  /** A speaker found through a pronoun or nominal; the nominal tells the kind of a bare name. */
  private antecedent(m: Mention, kind: SpeakerKind): ResolvedSpeaker {
    const r = this.named(m);
    return { ...r, kind: r.kind === "other" ? kind : r.kind, via: "antecedent" };
  }

  /** A named mention's speaker; a bare surname or short form takes the earlier full name. */
  private named(m: Mention): ResolvedSpeaker {
    let name = m.name;
    let kind = m.kind;
    if (!name.includes(" ")) {
      const full = this.mentions.find((o) => o.first < m.first && o.name.includes(" ") && (o.name.endsWith(" " + name) || o.name.startsWith(name + " ")));
      if (full) {
        name = full.name;
        kind = full.kind;
      }
    }
    if (kind === "other") kind = classify([name], m.roles);
    return { name, kind, mention: m, speakerId: null, via: "name" };
  }

  /**
   * The antecedent before token `at` of one of `kinds` (optionally with a role word): the most
   * recent earlier speaker of that kind, else the nearest named mention.
   */
  private nearest(at: number, kinds: SpeakerKind[], roles?: Set<string>): Mention | null {
    for (let i = this.recent.length - 1; i >= 0 && i >= this.recent.length - 4; i--) {
      const s = this.recent[i]!;
      const m = s.mention;
      if (!m || m.last >= at || !kinds.includes(s.kind)) continue;
      if (roles && !m.roles.some((r) => roles.has(r))) continue;
      return m;
    }
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.last >= at || m.quoted) continue;
      if (!kinds.includes(m.kind)) continue;
      if (roles && !m.roles.some((r) => roles.has(r))) continue;
      return m;
    }
    return null;
  }
}
