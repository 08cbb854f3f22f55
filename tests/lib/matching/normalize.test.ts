import { describe, expect, it } from "vitest";
import { parseDay } from "@/lib/matching/dates";
import { normalisePost, splitHashtag } from "@/lib/matching/normalize";

describe("a post without what the platform adds around it", () => {
  it("strips handles, links, pic.twitter.com, RT and emoji", () => {
    const { text } = normalisePost(
      "RT @someone: .@NewsDesk says 53 scam centres closed 🚨🇰🇭 https://t.co/AbC123 pic.twitter.com/xYz987 via @wire bit.ly/3xyz www.example.org/a",
    );
    expect(text).toBe("says 53 scam centres closed via");
    expect(text).not.toMatch(/@|https?:|pic\.twitter|t\.co|bit\.ly|www\./);
  });

  it("finds links glued to the word before them", () => {
    expect(normalisePost("The drone strike #IranUsapic.twitter.com/TvRkHvlgby").text).toBe("The drone strike Iran Usa");
    expect(normalisePost("Play it #Minecrafthttps://t.co/abc").text).toBe("Play it Minecraft");
  });

  it("drops the signature line but keeps the names and figures of the claim", () => {
    const post = normalisePost(
      "Jane Goodall says 35 chimpanzees died in Gombe in 2019. pic.twitter.com/fx85I1KwVy — Mrs. Betty Bowers (@BettyBowers) April 24, 2018",
    );
    expect(post.text).toBe("Jane Goodall says 35 chimpanzees died in Gombe in 2019.");
    expect(post.author).toBe("Mrs. Betty Bowers");
    expect(post.day).toBe(parseDay("2018-04-24"));
    expect(post.text).not.toMatch(/Betty|Bowers|2018/);
  });

  it("reads signature dates cut short, and refuses those it cannot read", () => {
    expect(normalisePost("Ask Ukraine — Barack Obama (@BarackObama) October 04, 19").day).toBe(parseDay("2019-10-04"));
    const cut = normalisePost("Recount exposes more votes — Females 4 Trump ?? (@FemalesForTrump) December 14, 201");
    expect(cut.day).toBeNull();
    expect(cut.text).toBe("Recount exposes more votes");
  });

  it("splits hashtags into words", () => {
    expect(normalisePost("#BlackLivesMatter and #Trump2020 at #25thAmendmentNow, #covid").text).toBe("Black Lives Matter and Trump 2020 at 25th Amendment Now, covid");
    expect(splitHashtag("NASAMoonLanding")).toBe("NASA Moon Landing");
    expect(splitHashtag("climate_change")).toBe("climate change");
  });

  it("decodes the HTML entities tweets are stored with", () => {
    expect(normalisePost("Salt &amp; pepper &lt;3").text).toBe("Salt & pepper <3");
  });

  it("handles empty, emoji-only and very long input", () => {
    expect(normalisePost("").text).toBe("");
    expect(normalisePost("😀😀 🙏🏽 ❤️").text).toBe("");
    const long = normalisePost("word ".repeat(20_000) + "— Someone (@someone) May 1, 2020");
    expect(long.text.length).toBeLessThanOrEqual(4000);
  });
});

describe("dates", () => {
  it.each([
    ["26 May 2015", "2015-05-26"],
    ["January 14, 2020", "2020-01-14"],
    ["Jan. 14, 2020", "2020-01-14"],
    ["2020-01-14", "2020-01-14"],
  ])("%s", (text, iso) => expect(parseDay(text)).toBe(parseDay(iso)));

  it("refuses what is not a date", () => {
    for (const s of ["", "31 June 2020", "May 2020", "tomorrow", "14 Foo 2020"]) expect(parseDay(s), s).toBeNull();
  });
});
