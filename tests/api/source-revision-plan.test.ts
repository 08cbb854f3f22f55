import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { createClaim } from "@/server/claims-write";
import { anchoredClaims, createSource, planReanchor, updateSourceInTx } from "@/server/sources-write";
import { createSeededDb, get, installDb, run, viewerFor } from "../support/db";

// A revision's re-anchoring is planned before its transaction (so the write lock is held for the
// writes only); a claim changed between the plan and the transaction must be placed by what it
// is now, not by the plan.

let db: Db;
beforeAll(async () => {
  db = installDb(await createSeededDb());
});

describe("a revision planned before its transaction", () => {
  it("places a claim edited in between by its new quote", async () => {
    const editor = await viewerFor(db, "editor");
    const text = "The mayor said the bridge will open in May. The council said it needs more money. Nobody mentioned the tunnel.";
    const source = await createSource(db, editor, { title: "Bridge story", kind: "article", language: "en", text });
    const speaker = (await get<{ id: number }>(db, "SELECT min(id) AS id FROM speakers"))!.id;
    const span = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, exact: quote, revision: 1 });
    const bridge = await createClaim(db, editor, { text: "The bridge opens in May", speakerId: speaker, sourceId: source.id, anchor: span("the bridge will open in May") });
    const money = await createClaim(db, editor, { text: "The council needs money", speakerId: speaker, sourceId: source.id, anchor: span("it needs more money") });
    const revised = `Breaking: ${text}`;
    const plan = await planReanchor(await anchoredClaims(db, source.id), text, revised);
    // Between the plan and the transaction, the second claim is re-attached to another sentence.
    const tunnel = "Nobody mentioned the tunnel";
    await run(db, "UPDATE claims SET anchor_exact = ?, anchor_start = ?, anchor_end = ?, version = version + 1 WHERE id = ?", tunnel, text.indexOf(tunnel), text.indexOf(tunnel) + tunnel.length, money.id);
    const current = (await get<{ version: number }>(db, "SELECT version FROM sources WHERE id = ?", source.id))!;
    const report = await withTx(db, (tx) => updateSourceInTx(db, tx, editor, source.id, { text: revised, version: current.version }, { fromVersion: current.version, plan }));
    expect(report).toMatchObject({ anchored: 2, orphaned: 0 });
    const placed = async (id: number) => (await get<{ s: number; e: number }>(db, "SELECT anchor_start AS s, anchor_end AS e FROM claims WHERE id = ?", id))!;
    const at = (quote: string) => ({ s: revised.indexOf(quote), e: revised.indexOf(quote) + quote.length });
    expect(await placed(bridge.id)).toEqual(at("the bridge will open in May"));
    expect(await placed(money.id)).toEqual(at(tunnel));
  });
});
