/**
 * Four shorter demo sources: our own paraphrases of the truncated seed articles (Vera Rubin
 * Observatory, the Canada–EU defense pact, China’s proposed London embassy, Cuba’s pensions).
 * They say only what the seed texts say, in our words, with short direct quotes.
 */
import type { DemoClaim, DemoLink, DemoSource, DemoSpeaker, DemoStory } from "./types";

const DESK = "Counterpoint demo desk";

export const otherSpeakers: DemoSpeaker[] = [
  {
    key: "counterpoint-demo-desk",
    name: "Counterpoint demo desk",
    kind: "other",
    description: "Counterpoint’s demo newsroom; the speaker for facts its write-ups state without attributing them to anyone else.",
    aliases: ["demo desk"],
  },
  {
    key: "vera-rubin-observatory",
    name: "Vera Rubin Observatory",
    kind: "organisation",
    description: "US-funded observatory on the summit of Cerro Pachon in central Chile, and the team behind it.",
    aliases: ["Rubin Observatory"],
  },
  {
    key: "european-union",
    name: "European Union",
    kind: "organisation",
    description: "The union of European states; signed a defense and security pact with Canada.",
    aliases: ["EU"],
  },
  {
    key: "antonio-costa",
    name: "Antonio Costa",
    kind: "person",
    description: "President of the European Council.",
    aliases: ["Costa"],
    affiliation: "european-union",
  },
  {
    key: "ursula-von-der-leyen",
    name: "Ursula von der Leyen",
    kind: "person",
    description: "President of the European Commission.",
    aliases: ["von der Leyen"],
    affiliation: "european-union",
  },
  {
    key: "canada-government",
    name: "Government of Canada",
    kind: "government",
    description: "The national government of Canada, led by Prime Minister Mark Carney.",
    aliases: ["Canadian government", "Canada"],
  },
  {
    key: "mark-carney",
    name: "Mark Carney",
    kind: "person",
    description: "Prime Minister of Canada.",
    aliases: ["Carney"],
    affiliation: "canada-government",
  },
  {
    key: "white-house",
    name: "White House",
    kind: "government",
    description: "The office of the president of the United States.",
    aliases: ["US administration"],
  },
  {
    key: "embassy-campaigners",
    name: "Campaigners on the Royal Mint Court embassy",
    kind: "other",
    description: "Campaigners quoted on China’s proposed embassy at Royal Mint Court in London.",
    aliases: ["campaigners"],
  },
  {
    key: "dutch-parliament",
    name: "Dutch parliament",
    kind: "government",
    description: "The parliament of the Netherlands; has raised concerns about the site of China’s proposed London embassy.",
    aliases: ["Parliament of the Netherlands"],
  },
];

export const otherStories: DemoStory[] = [
  {
    key: "vera-rubin-first-images",
    title: "Vera Rubin Observatory’s first images",
    description: "The new observatory in Chile releases its first pictures of the sky.",
  },
  {
    key: "canada-eu-defense-pact",
    title: "Canada–EU defense pact",
    description: "Canada and the European Union sign a defense and security partnership amid doubts about US reliability.",
  },
  {
    key: "china-london-embassy",
    title: "China’s proposed London embassy",
    description: "Security concerns, including a US intervention, over China’s planned embassy at Royal Mint Court.",
  },
  {
    key: "cuba-pensions",
    title: "Cuba’s pensions",
    description: "Cuba’s elderly and the value of the state pension during the island’s economic crisis.",
  },
];

const para = (...ps: string[]) => ps.join("\n\n");

export const otherSources: DemoSource[] = [
  {
    key: "vera-rubin-article",
    title: "Vera Rubin Observatory releases its first images",
    kind: "article",
    publisher: DESK,
    author: null,
    url: null,
    publishedOn: "2025-06-24",
    language: "en",
    text: para(
      "The team in charge of Chile’s long-awaited Vera Rubin Observatory released the telescope’s first images on Monday. The pictures offer spectacular views of regions where new stars are being born, and of galaxies that lie far away.",
      "The observatory has taken more than twenty years to bring to completion. Its giant telescope, which the United States paid for, is perched on the top of Cerro Pachon in central Chile, a mountain whose dry air and dark skies make it an ideal place from which to study the cosmos.",
      "One of the first pictures is a composite made from 678 separate exposures, all of them taken within just seven hours. It shows two nebulae, the Trifid and the Lagoon, each of them several thousand light-years away from Earth. In the image they shine in bright shades of pink set against a background of orange and red.",
    ),
  },
  {
    key: "canada-eu-pact-article",
    title: "Canada and EU sign defense and security pact",
    kind: "article",
    publisher: DESK,
    author: null,
    url: null,
    publishedOn: "2025-06-23",
    language: "en",
    text: para(
      "Canada and the European Union put their signatures to a pact on defense and security on Monday. The two partners on either side of the Atlantic want to be in a stronger position to confront Russia, at a time of worry over whether Washington can still be relied on under US President Donald Trump.",
      "Canadian Prime Minister Mark Carney met Ursula von der Leyen, who heads the European Commission, and Antonio Costa, president of the European Council, at a summit in Brussels, after which the agreement was made public.",
      "Speaking to reporters at a news conference, Costa said NATO was still the “cornerstone” of the allies’ collective defense. The new partnership, he said, would help them to strengthen their preparedness and “to invest more and to invest smarter.” He added that it would create openings for businesses on both sides.",
    ),
  },
  {
    key: "china-embassy-article",
    title: "US concern clouds decision on China’s planned London embassy",
    kind: "article",
    publisher: DESK,
    author: null,
    url: null,
    publishedOn: "2025-06-24",
    language: "en",
    text: para(
      "Campaigners say an intervention by the United States has left the future of China’s proposed new embassy in London “up in the air,” amid worries that the site lies close to a sensitive hub where critical communications cables run. According to a former diplomat, the British government’s decision depends on whether those underground data cables can be kept secure.",
      "The dispute over the planned “super-embassy,” which would stand on the fringe of London’s financial district, flared up again last week. The White House said then that it was “deeply concerned” about the possibility of China gaining access to sensitive communications belonging to “one of our closest allies.”",
      "In the Netherlands, parliament has also voiced concerns about the site that Beijing regards as ideal, Royal Mint Court, which borders the City of London.",
    ),
  },
  {
    key: "cuba-pensions-article",
    title: "Cuba’s pensioners struggle to get by as crisis deepens",
    kind: "article",
    publisher: DESK,
    author: null,
    url: null,
    publishedOn: "2025-06-25",
    language: "en",
    text: para(
      "In Cuba, a month’s pension will buy barely 15 eggs or a small bag of rice. Older people there are finding it hard to get by in a country that is both one of the poorest in Latin America and one of the fastest-aging.",
      "The communist-run island is going through its worst economic crisis in three decades, and the state is having ever more difficulty looking after its roughly 2.4 million residents who are 60 or older, a group that makes up more than a quarter of the population.",
      "Women become eligible for the state pension at 60, and men at 65. For those who qualify, the pension starts at 1,528 pesos a month, which amounts to less than US$13.",
    ),
  },
];

export const otherClaims: DemoClaim[] = [
  {
    key: "rubin-first-images",
    sourceKey: "vera-rubin-article",
    quote: "released the telescope’s first images on Monday",
    text: "The Vera Rubin Observatory released its first images, showing star-forming regions and distant galaxies",
    speakerKey: "vera-rubin-observatory",
    storyKey: "vera-rubin-first-images",
    statedOn: "2025-06-23",
    status: "published",
  },
  {
    key: "rubin-678-exposures",
    sourceKey: "vera-rubin-article",
    quote: "a composite made from 678 separate exposures, all of them taken within just seven hours",
    text: "One of the Vera Rubin Observatory’s first images combines 678 exposures taken over seven hours",
    speakerKey: "vera-rubin-observatory",
    storyKey: "vera-rubin-first-images",
    statedOn: "2025-06-23",
    status: "published",
  },
  {
    key: "costa-nato-cornerstone",
    sourceKey: "canada-eu-pact-article",
    quote: "NATO was still the “cornerstone” of the allies’ collective defense",
    text: "NATO remains the cornerstone of Canada’s and the EU’s collective defense",
    speakerKey: "antonio-costa",
    storyKey: "canada-eu-defense-pact",
    statedOn: "2025-06-23",
    status: "published",
  },
  {
    key: "costa-invest-smarter",
    sourceKey: "canada-eu-pact-article",
    quote: "would help them to strengthen their preparedness and “to invest more and to invest smarter.”",
    text: "The Canada–EU partnership will strengthen preparedness and let the partners invest more and invest smarter in defense",
    speakerKey: "antonio-costa",
    storyKey: "canada-eu-defense-pact",
    statedOn: "2025-06-23",
    status: "published",
  },
  {
    key: "white-house-deeply-concerned",
    sourceKey: "china-embassy-article",
    quote: "it was “deeply concerned” about the possibility of China gaining access to sensitive communications",
    text: "China’s proposed London embassy could give China access to a close US ally’s sensitive communications",
    speakerKey: "white-house",
    storyKey: "china-london-embassy",
    statedOn: null,
    status: "published",
  },
  {
    key: "campaigners-up-in-the-air",
    sourceKey: "china-embassy-article",
    quote: "an intervention by the United States has left the future of China’s proposed new embassy in London “up in the air,”",
    text: "The US intervention has made a resolution on China’s proposed London embassy uncertain",
    speakerKey: "embassy-campaigners",
    storyKey: "china-london-embassy",
    statedOn: null,
    status: "published",
  },
  {
    key: "cuba-pension-1528-pesos",
    sourceKey: "cuba-pensions-article",
    quote: "the pension starts at 1,528 pesos a month, which amounts to less than US$13",
    text: "Cuba’s state pension starts at 1,528 pesos a month, less than US$13",
    speakerKey: "counterpoint-demo-desk",
    storyKey: "cuba-pensions",
    statedOn: "2025-06-25",
    status: "published",
  },
  {
    key: "cuba-2-4-million-over-60",
    sourceKey: "cuba-pensions-article",
    quote: "roughly 2.4 million residents who are 60 or older, a group that makes up more than a quarter of the population",
    text: "About 2.4 million Cubans, more than a quarter of the population, are 60 or older",
    speakerKey: "counterpoint-demo-desk",
    storyKey: "cuba-pensions",
    statedOn: "2025-06-25",
    status: "published",
  },
];

export const otherLinks: DemoLink[] = [
  {
    from: "rubin-678-exposures",
    to: "rubin-first-images",
    kind: "supports",
    note: "The composite of the two nebulae is one of the first images.",
  },
  {
    from: "costa-invest-smarter",
    to: "costa-nato-cornerstone",
    kind: "qualifies",
    note: "Costa presents the new partnership as a complement to NATO, not a replacement.",
  },
  {
    from: "campaigners-up-in-the-air",
    to: "white-house-deeply-concerned",
    kind: "responds-to",
    note: "The campaigners describe the effect of the US intervention on the embassy decision.",
  },
];
