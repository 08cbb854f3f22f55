import { describe, expect, it } from "vitest";
import { findQuantities } from "@/lib/suggest/quantities";
import { claimWith } from "./helpers";

function one(text: string) {
  const q = findQuantities(text);
  expect(q).toHaveLength(1);
  return q[0]!;
}

describe("quantities", () => {
  it("counts things: 53 scam centers", () => {
    expect(one("it had identified 53 scam centers across the country")).toMatchObject({ text: "53 scam centers", value: 53, unit: null, counted: "scam centers", comparator: null, approximate: false });
  });

  it("reads currencies and scales: more than US$12.5 billion", () => {
    expect(one("generates more than US$12.5 billion annually")).toMatchObject({ text: "more than US$12.5 billion", value: 12.5e9, unit: "USD", counted: null, comparator: "more-than" });
  });

  it("reads upper bounds: as many as 100,000 people", () => {
    expect(one("housing as many as 100,000 people in the compounds")).toMatchObject({ text: "as many as 100,000 people", value: 100000, counted: "people", comparator: "up-to" });
  });

  it("reads fractions: more than two-thirds", () => {
    expect(one("more than two-thirds of scam compounds were not investigated")).toMatchObject({ value: 2 / 3, unit: "fraction", counted: "scam compounds", comparator: "more-than" });
  });

  it("reads ratios: Nine out of 58", () => {
    expect(one("Nine out of 58 people interviewed were children")).toMatchObject({ text: "Nine out of 58 people", value: 9 / 58, unit: "fraction", counted: "people" });
  });

  it("reads percentages", () => {
    expect(one("turnout fell 12.5 percent in 2016")).toMatchObject({ text: "12.5 percent", value: 12.5, unit: "%" });
    expect(one("support rose to 41% among women")).toMatchObject({ value: 41, unit: "%" });
  });

  it("reads spelled-out numbers and hedges", () => {
    expect(one("about twenty-five ships were seized")).toMatchObject({ value: 25, counted: "ships", comparator: "about", approximate: true });
    expect(one("nearly 2.4 million inhabitants")).toMatchObject({ value: 2.4e6, counted: "inhabitants", approximate: true });
    expect(one("dozens more suspected sites")).toMatchObject({ value: null, approximate: true, counted: "suspected sites" });
  });

  it("skips dates, times, years, ages and codes", () => {
    expect(findQuantities("On July 19, 2016 at 11:00, a 16-year-old caught COVID-19.")).toEqual([]);
  });

  it("attaches the quantities of a claim with code-point offsets", () => {
    const text = "Civic Watch said it had found 53 scam centers.";
    const c = claimWith(text, "53");
    expect(c.suggestion.quantities).toHaveLength(1);
    const q = c.suggestion.quantities[0]!;
    expect(Array.from(text).slice(q.start, q.end).join("")).toBe("53 scam centers");
    expect(c.suggestion.score).toBeGreaterThan(0.5);
    expect(c.suggestion.scoreParts.quantities).toBeGreaterThan(0);
  });
});
