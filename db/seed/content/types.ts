/**
 * Shapes of Counterpoint's demo content: speakers, stories, sources, claims and links, keyed by
 * stable string keys that the seeder resolves to database ids. All texts are our own write-ups
 * (paraphrases of the seed articles with only short direct quotes), never copied news text.
 */

export type SpeakerKind = "person" | "organisation" | "government" | "other";
export type SourceKind = "article" | "report" | "statement" | "transcript" | "social-post";
export type ClaimStatus = "draft" | "in_review" | "returned" | "published" | "archived";
export type LinkKind = "disputes" | "supports" | "qualifies" | "same-as" | "responds-to";
export type RatingKey = "true" | "mostly-true" | "half-true" | "mostly-false" | "false" | "misleading" | "unproven";

export interface DemoSpeaker {
  key: string;
  name: string;
  kind: SpeakerKind;
  description: string;
  aliases: string[];
  /** Key of another speaker (e.g. a spokesman's government). */
  affiliation?: string;
}

export interface DemoStory {
  key: string;
  title: string;
  description: string;
}

export interface DemoSource {
  key: string;
  title: string;
  kind: SourceKind;
  publisher: string;
  author: string | null;
  url: string | null;
  /** YYYY-MM-DD */
  publishedOn: string;
  /** BCP 47 language tag */
  language: string;
  /** Paragraphs separated by "\n\n". */
  text: string;
}

export interface DemoClaim {
  key: string;
  /** null = a statement with no source */
  sourceKey: string | null;
  /** Verbatim span of the source text; must occur in it. null when there is no source. */
  quote: string | null;
  /** 0-based, when the quote occurs more than once in the source text. */
  occurrence?: number;
  /** The normalised claim, e.g. "Amnesty International identified 53 scam centers in Cambodia". */
  text: string;
  speakerKey: string;
  storyKey: string | null;
  /** YYYY-MM-DD */
  statedOn: string | null;
  status: ClaimStatus;
  /** rationale: Markdown, 2–4 sentences. */
  verdict?: { rating: RatingKey; rationale: string };
}

export interface DemoLink {
  /** The counter-claim, or the claim that supports / qualifies / responds / repeats. */
  from: string;
  to: string;
  kind: LinkKind;
  note: string;
}

export interface DemoContent {
  speakers: DemoSpeaker[];
  stories: DemoStory[];
  sources: DemoSource[];
  claims: DemoClaim[];
  links: DemoLink[];
}
