/**
 * The main demo source: our own news write-up of Amnesty International's report on Cambodia's
 * scam compounds and the government's rebuttal, with the claims marked in it and the links
 * between them. Every fact comes from the seed article; the wording is ours, with only short
 * direct quotes. Claim quotes are verbatim spans of OUR text below, not of the seed article.
 */
import type { DemoClaim, DemoLink, DemoSource, DemoSpeaker, DemoStory } from "./types";

export const CAMBODIA_SOURCE_KEY = "amnesty-cambodia-scams-article";
export const CAMBODIA_STORY_KEY = "cambodia-scams";

export const cambodiaSpeakers: DemoSpeaker[] = [
  {
    key: "amnesty",
    name: "Amnesty International",
    kind: "organisation",
    description: "Human rights group based in London.",
    aliases: ["Amnesty"],
  },
  {
    key: "agnes-callamard",
    name: "Agnes Callamard",
    kind: "person",
    description: "Secretary-general of Amnesty International.",
    aliases: ["Callamard"],
    affiliation: "amnesty",
  },
  {
    key: "cambodia-government",
    name: "Government of Cambodia",
    kind: "government",
    description: "The national government of Cambodia, led by Prime Minister Hun Manet.",
    aliases: ["Cambodian government", "Cambodia"],
  },
  {
    key: "pen-bona",
    name: "Pen Bona",
    kind: "person",
    description: "Spokesman for the Cambodian government.",
    aliases: ["Bona"],
    affiliation: "cambodia-government",
  },
  {
    key: "hun-manet",
    name: "Hun Manet",
    kind: "person",
    description: "Prime Minister of Cambodia; leads the task force that the government says it set up in January.",
    aliases: ["Prime Minister Hun Manet"],
    affiliation: "cambodia-government",
  },
  {
    key: "united-nations",
    name: "United Nations",
    kind: "organisation",
    description: "Cited in the Cambodia story for an estimate of how many people the country’s scam centers have held.",
    aliases: ["UN", "U.N."],
  },
  {
    key: "usip",
    name: "US Institute for Peace",
    kind: "organisation",
    description: "Cited in the Cambodia story for an estimate of what the scam industry earns in the country.",
    aliases: ["USIP", "United States Institute of Peace"],
  },
];

export const cambodiaStory: DemoStory = {
  key: CAMBODIA_STORY_KEY,
  title: "Cambodia scam compounds",
  description:
    "Amnesty International accuses Cambodia of turning a blind eye to forced labor and abuse in scam compounds; the government answers that it is acting and that the report overstates the problem.",
};

const paragraphs = [
  "Amnesty International said on Thursday that Cambodia’s government is “deliberately ignoring” the abuses of cybercrime gangs that traffic people into the country’s brutal scam compounds and keep them there as slaves. The victims come from around the world, and some are children.",
  "In its report, the London-based rights group said it had identified 53 scam centers around the country, plus dozens of other sites it suspects are being used the same way. The capital, Phnom Penh, is among the places where it found them.",
  "According to Amnesty, the compounds operate like jails. Tall fences crowned with razor wire surround them and armed men keep watch, while the people made to work inside, themselves victims of trafficking, must scam targets all over the world. Anyone held there risks beatings, electric-baton shocks or being shut in a darkened room as punishment, the group said.",
  "What it found, Amnesty said, adds up to a “pattern of state failures” under which a billion-dollar industry has been able to thrive. It listed the authorities’ failure to look into human rights abuses, to find and support the people the gangs have targeted, and to control security firms and the tools used for torture.",
  "Responding for the government, spokesman Pen Bona rejected allegations of inaction. He cited a task force set up in January under the leadership of Prime Minister Hun Manet, and he called Amnesty’s report “exaggerated.” In Bona’s view, Cambodia is itself a victim of the scam industry, and what it wants is cooperation rather than blame.",
  "Amnesty acknowledged that raids overseen by Cambodia have set some trafficked workers free. Yet by its count, more than two-thirds of scam compounds either escaped police investigation entirely or carried on operating after police had stepped in. Amnesty said two of the compounds looked as though they had been shut down.",
  "When rescues took place, police stayed outside the compounds, according to the group, and met compound representatives who released only the individual who had asked for help. Bosses beat some survivors who had tried to contact the police, Amnesty said. The government spokesman did not address these claims.",
  "Agnes Callamard, Amnesty International’s secretary-general, said the survivors had been lured by deception, trafficked and enslaved, and that they speak of being trapped in “a living nightmare.” The criminal enterprises they were forced to serve, she said, run with the “apparent consent of the Cambodian government.”",
  "According to the UN, Cambodia turned into a hub of the global scam industry during the COVID-19 pandemic, when criminal groups, most of them Chinese-led, converted idle casinos and hotels into scam centers that have held as many as 100,000 people. Myanmar and Laos host enclaves of the same kind.",
  "According to the US Institute for Peace, scamming in Cambodia brings in more than US$12.5 billion every year, a sum equal to half of the country’s GDP.",
  "The gangs draw recruits in with bogus job offers on social media, Amnesty said, and then force them to cheat people online, through fake romances, for example, or “pig-butchering” schemes, in which a scammer wins a victim’s confidence before draining their money.",
  "Amnesty interviewed 58 people who had been drawn into the scams and said nine of them were children, among them a 16-year-old from China who had been kicked and stopped from leaving. The group also said it had confirmed that a Chinese child died in one of the compounds.",
];

export const cambodiaSource: DemoSource = {
  key: CAMBODIA_SOURCE_KEY,
  title: "Amnesty accuses Cambodia of ignoring scam-compound abuses; government calls report “exaggerated”",
  kind: "article",
  publisher: "Counterpoint demo desk",
  author: null,
  url: null,
  publishedOn: "2025-06-27",
  language: "en",
  text: paragraphs.join("\n\n"),
};

const REPORT_DAY = "2025-06-26";

export const cambodiaClaims: DemoClaim[] = [
  {
    key: "amnesty-deliberately-ignoring",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "Cambodia’s government is “deliberately ignoring” the abuses of cybercrime gangs",
    text: "Cambodia’s government is deliberately ignoring cybercrime gangs’ abuses in scam compounds",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
    verdict: {
      rating: "unproven",
      rationale:
        "Amnesty documents failures by the authorities, but the word *deliberately* asserts intent, which its findings as reported do not establish on their own. The government denies that it has failed to act, and the source contains no independent evidence either way on what officials intended. Until such evidence is available, the charge of deliberate neglect remains **unproven**.",
    },
  },
  {
    key: "amnesty-53-centers",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "it had identified 53 scam centers around the country",
    text: "Amnesty International identified 53 scam centers in Cambodia, plus dozens more suspected sites",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
    verdict: {
      rating: "true",
      rationale:
        "This claim describes Amnesty’s own research, and its report sets out the 53 centers it identified along with dozens of suspected sites. The government called the report “exaggerated” but, in the source, did not contest this figure or point to any listed center that does not exist. It is rated true as an account of what Amnesty documented, not as a full census of every compound in the country.",
    },
  },
  {
    key: "amnesty-prison-like-compounds",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote:
      "the compounds operate like jails. Tall fences crowned with razor wire surround them and armed men keep watch, while the people made to work inside, themselves victims of trafficking, must scam targets all over the world. Anyone held there risks beatings, electric-baton shocks or being shut in a darkened room as punishment",
    text: "Cambodia’s scam compounds are run like prisons, behind razor-wire fences and armed guards, and the trafficked people inside are made to scam others",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "amnesty-punishments",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "beatings, electric-baton shocks or being shut in a darkened room as punishment",
    text: "People held in Cambodia’s scam compounds are punished with beatings, electric-baton shocks and confinement in dark rooms",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "amnesty-state-failures",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "adds up to a “pattern of state failures” under which a billion-dollar industry has been able to thrive",
    text: "A pattern of state failures in Cambodia has allowed the billion-dollar scam industry to flourish",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "pen-bona-rejects-inaction",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "spokesman Pen Bona rejected allegations of inaction",
    text: "The Cambodian government has not failed to act against the scam compounds",
    speakerKey: "pen-bona",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
    verdict: {
      rating: "half-true",
      rationale:
        "There is some action on record: Amnesty itself acknowledges that raids have freed some trafficked workers, and the spokesman points to a task force set up in January. But Amnesty reports that more than two-thirds of compounds were not investigated or kept operating after police intervened, and the government did not respond to those findings. The denial is therefore accurate only in part.",
    },
  },
  {
    key: "pen-bona-task-force",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "a task force set up in January under the leadership of Prime Minister Hun Manet",
    text: "Cambodia formed a task force led by Prime Minister Hun Manet in January",
    speakerKey: "pen-bona",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "pen-bona-exaggerated",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "he called Amnesty’s report “exaggerated.”",
    text: "Amnesty International’s report on Cambodia’s scam compounds is exaggerated",
    speakerKey: "pen-bona",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
    verdict: {
      rating: "unproven",
      rationale:
        "The spokesman did not say which findings were overstated, and the source reports no figures or evidence from the government that contradict Amnesty’s counts. He also did not respond to Amnesty’s specific claims about police conduct during rescues. Without that, the charge of exaggeration cannot be assessed and is **unproven**.",
    },
  },
  {
    key: "pen-bona-cambodia-victim",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "Cambodia is itself a victim of the scam industry, and what it wants is cooperation rather than blame",
    text: "Cambodia is a victim of the scam industry and wants cooperation rather than blame",
    speakerKey: "pen-bona",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "amnesty-raids-freed-some",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "raids overseen by Cambodia have set some trafficked workers free",
    text: "Raids overseen by the Cambodian authorities have freed some trafficked workers",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "amnesty-two-thirds",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote:
      "more than two-thirds of scam compounds either escaped police investigation entirely or carried on operating after police had stepped in",
    text: "More than two-thirds of Cambodia’s scam compounds were never investigated by police or kept operating after police interventions",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "in_review",
    verdict: {
      rating: "unproven",
      rationale:
        "The figure comes from Amnesty’s own investigation, and the source offers no independent count to check it against. The government cited its task force but did not answer this finding directly. Proposed as unproven pending the report’s methodology and any official data on police operations.",
    },
  },
  {
    key: "amnesty-two-shut-down",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "two of the compounds looked as though they had been shut down",
    text: "Two of the scam compounds Amnesty identified in Cambodia seem to have closed",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "amnesty-police-stayed-outside",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote:
      "police stayed outside the compounds, according to the group, and met compound representatives who released only the individual who had asked for help",
    text: "During rescues, Cambodian police stayed outside scam compounds and were given only the person who had sought help",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "callamard-living-nightmare",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote:
      "the survivors had been lured by deception, trafficked and enslaved, and that they speak of being trapped in “a living nightmare.”",
    text: "Survivors of Cambodia’s scam compounds were deceived, trafficked and enslaved, and describe a living nightmare",
    speakerKey: "agnes-callamard",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "callamard-apparent-consent",
    sourceKey: CAMBODIA_SOURCE_KEY,
    // Overlaps the end of "callamard-living-nightmare" (both contain the nightmare quote).
    quote:
      "trapped in “a living nightmare.” The criminal enterprises they were forced to serve, she said, run with the “apparent consent of the Cambodian government.”",
    text: "Cambodia’s scam enterprises operate with the apparent consent of the Cambodian government",
    speakerKey: "agnes-callamard",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "un-100000-people",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "converted idle casinos and hotels into scam centers that have held as many as 100,000 people",
    text: "Cambodia’s scam centers, many in converted casinos and hotels, have held as many as 100,000 people",
    speakerKey: "united-nations",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: "2023-08-29",
    status: "published",
  },
  {
    key: "usip-12-5-billion",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote:
      "scamming in Cambodia brings in more than US$12.5 billion every year, a sum equal to half of the country’s GDP",
    text: "Scamming earns more than US$12.5 billion a year in Cambodia, equal to half its GDP",
    speakerKey: "usip",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: "2024-05-13",
    status: "returned",
    verdict: {
      rating: "true",
      rationale:
        "The article attributes this estimate to the US Institute for Peace, and no other source in the story disputes it. Proposed as true; an estimate of an illegal industry’s revenue is necessarily approximate.",
    },
  },
  {
    key: "amnesty-fake-job-offers",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "The gangs draw recruits in with bogus job offers on social media",
    text: "Scam gangs lure people with fake job offers on social media and force them into online fraud such as romance and pig-butchering scams",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "published",
  },
  {
    key: "amnesty-nine-children",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "nine of them were children, among them a 16-year-old from China",
    text: "Nine of the 58 people Amnesty interviewed about Cambodia’s scam compounds were children",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "draft",
  },
  {
    key: "amnesty-child-death",
    sourceKey: CAMBODIA_SOURCE_KEY,
    quote: "it had confirmed that a Chinese child died in one of the compounds",
    text: "A Chinese child died in one of Cambodia’s scam compounds",
    speakerKey: "amnesty",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: REPORT_DAY,
    status: "draft",
  },
  {
    // A statement with no source: the government's position as it is commonly put.
    key: "government-is-acting",
    sourceKey: null,
    quote: null,
    text: "The Cambodian government is acting against the scam compounds and is not tolerating them",
    speakerKey: "cambodia-government",
    storyKey: CAMBODIA_STORY_KEY,
    statedOn: null,
    status: "published",
    verdict: {
      rating: "half-true",
      rationale:
        "The government can point to a task force and to raids that, by Amnesty’s own account, freed some workers. Amnesty’s findings that most compounds went uninvestigated or kept operating after police intervened, which the government has not answered, cut against the broader claim. As with its spokesman’s denial, the statement holds only in part.",
    },
  },
];

export const cambodiaLinks: DemoLink[] = [
  {
    from: "pen-bona-rejects-inaction",
    to: "amnesty-deliberately-ignoring",
    kind: "disputes",
    note: "The government denies the inaction that Amnesty’s accusation of deliberate neglect rests on.",
  },
  {
    from: "pen-bona-exaggerated",
    to: "amnesty-53-centers",
    kind: "disputes",
    note: "The spokesman calls the report behind this count exaggerated, without naming a figure he disputes.",
  },
  {
    from: "pen-bona-exaggerated",
    to: "amnesty-state-failures",
    kind: "disputes",
    note: "Calling the report exaggerated is the government’s answer to its central finding of state failures.",
  },
  {
    from: "pen-bona-task-force",
    to: "amnesty-two-thirds",
    kind: "disputes",
    note: "The government offers its task force as evidence of action; Amnesty says most compounds went uninvestigated or kept running.",
  },
  {
    from: "government-is-acting",
    to: "callamard-apparent-consent",
    kind: "disputes",
    note: "The government’s position that it is acting contradicts the charge that the compounds operate with its consent.",
  },
  {
    from: "callamard-apparent-consent",
    to: "amnesty-deliberately-ignoring",
    kind: "supports",
    note: "Amnesty’s secretary-general restates the accusation in stronger terms.",
  },
  {
    from: "amnesty-state-failures",
    to: "amnesty-deliberately-ignoring",
    kind: "supports",
    note: "The failures Amnesty lists are the evidence offered for its accusation.",
  },
  {
    from: "amnesty-police-stayed-outside",
    to: "amnesty-state-failures",
    kind: "supports",
    note: "How police handled rescues is one of the failures Amnesty describes.",
  },
  {
    from: "amnesty-punishments",
    to: "amnesty-prison-like-compounds",
    kind: "supports",
    note: "The punishments are part of Amnesty’s description of conditions inside.",
  },
  {
    from: "amnesty-two-shut-down",
    to: "amnesty-two-thirds",
    kind: "qualifies",
    note: "Amnesty found that at least two compounds appear to have closed.",
  },
  {
    from: "amnesty-raids-freed-some",
    to: "amnesty-deliberately-ignoring",
    kind: "qualifies",
    note: "Amnesty concedes that some raids freed trafficked workers.",
  },
  {
    from: "pen-bona-cambodia-victim",
    to: "amnesty-deliberately-ignoring",
    kind: "responds-to",
    note: "The spokesman answers the accusation by casting Cambodia as a victim that wants cooperation.",
  },
  {
    from: "government-is-acting",
    to: "pen-bona-rejects-inaction",
    kind: "same-as",
    note: "The same position, stated by the government rather than its spokesman.",
  },
];
