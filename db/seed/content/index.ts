/**
 * Counterpoint's demo content: the Amnesty/Cambodia scam-compound story (the example the product
 * was specified from) and four shorter stories, as typed data for the seeder. All texts are our
 * own write-ups; see tests/lib/demo-content.test.ts for the integrity and originality checks.
 */
import {
  CAMBODIA_SOURCE_KEY,
  CAMBODIA_STORY_KEY,
  cambodiaClaims,
  cambodiaLinks,
  cambodiaSource,
  cambodiaSpeakers,
  cambodiaStory,
} from "./cambodia";
import { otherClaims, otherLinks, otherSources, otherSpeakers, otherStories } from "./other-sources";
import type { DemoContent } from "./types";

export type * from "./types";
export { CAMBODIA_SOURCE_KEY, CAMBODIA_STORY_KEY };

// The Cambodia story comes last, so it is the most recent in "newest first" lists on a fresh start.
export const demoContent: DemoContent = {
  speakers: [...otherSpeakers, ...cambodiaSpeakers],
  stories: [...otherStories, cambodiaStory],
  sources: [...otherSources, cambodiaSource],
  claims: [...otherClaims, ...cambodiaClaims],
  links: [...otherLinks, ...cambodiaLinks],
};
