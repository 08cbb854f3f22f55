import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getClaimDetail } from "@/server/claims";
import { createClaim } from "@/server/claims-write";
import { createSource } from "@/server/sources-write";
import { createSeededDb, idOf, viewerFor } from "../support/db";

/** The quote in its context on the claim page: sentences end where sentences end, not at "Rep." or "U.S.". */
let db: Db;
beforeAll(async () => {
  db = await createSeededDb();
});

async function contextOf(text: string, quote: string) {
  const viewer = await viewerFor(db, "factchecker");
  const source = await createSource(db, viewer, { title: `Context ${quote}`, text, kind: "article", language: "en" });
  const start = [...text.slice(0, text.indexOf(quote))].length;
  const claim = await createClaim(db, viewer, {
    text: "A claim made in the middle of a paragraph",
    speakerId: await idOf(db, "speakers", "name", "Pen Bona"),
    sourceId: source.id,
    anchor: { start, end: start + [...quote].length, exact: quote },
  });
  return (await getClaimDetail(db, viewer, claim.id)).context!;
}

describe("a quote's context", () => {
  it("does not stop at a title or initials before a name", async () => {
    const filler = "Members of the committee met on Tuesday to review the budget of the port authority for the coming year. ".repeat(3);
    const text = `${filler}The plan was criticised by Rep. Stephen F. Lynch of Massachusetts, who said the budget was too small. He added that the port had lost money.`;
    const context = await contextOf(text, "the budget was too small");
    expect(context.before).toBe("The plan was criticised by Rep. Stephen F. Lynch of Massachusetts, who said ");
    expect(context.after).toBe(".");
  });

  it("ends the context after the quote at the end of its sentence, past abbreviations", async () => {
    const text = "The ministry said exports rose by 12 percent in the U.S. and Canada last year, according to Gov. Ana Ruiz. Critics disputed it.";
    const context = await contextOf(text, "exports rose by 12 percent");
    expect(context.before).toBe("The ministry said ");
    expect(context.after).toBe(" in the U.S. and Canada last year, according to Gov. Ana Ruiz.");
  });
});
