import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { claims, sources } from "@/db/schema";
import { reanchor } from "@/lib/anchoring";
import type { ClaimDetailDTO, QuoteChangeDTO } from "@/lib/dto";
import { ConflictError } from "@/lib/errors";
import type { QuoteDecisionInput } from "@/lib/schemas";
import { authorize, type UserViewer } from "./authz";
import { getClaimDetail } from "./claims";
import { recordEvent, type Tx } from "./events";
import { checkVersion, nowIso } from "./write-support";

/**
 * A quote is what was verified: it changes only when a person says so. The invariant kept here
 * and in every write: an anchored claim's quote equals the text of its anchored span, or the
 * claim is flagged "quote changed in source" — its queue_reason is 'quote_changed', computed by
 * the database from exactly that inequality — with the span's words as the proposed new quote.
 */

type ClaimRow = typeof claims.$inferSelect;

/** The quote change a claim row waits on, or null when its quote is its anchored span's text. */
export function quoteChange(row: Pick<ClaimRow, "id" | "text" | "quote" | "anchorExact" | "anchorState">): QuoteChangeDTO | null {
  if (row.anchorState !== "anchored" || row.quote === null || row.anchorExact === null || row.quote === row.anchorExact) return null;
  return { claimId: row.id, text: row.text, quote: row.quote, proposed: row.anchorExact };
}

/**
 * The anchor columns for `quote` (a restored quote) in its source's current text: the quote is
 * searched for from the claim's present anchor. Found exactly, the claim is anchored on it;
 * found approximately, it is anchored on the near words and flagged; not found, the claim is an
 * orphan keeping the quote as its anchor text. The note says which, for the audit log.
 */
export async function anchorForQuote(tx: Tx, row: ClaimRow, quote: string): Promise<{ columns: Partial<ClaimRow>; note: string | null }> {
  if (row.anchorState === null || row.sourceId === null || row.anchorExact === quote) return { columns: {}, note: null };
  const [source] = await tx.select({ text: sources.text, revision: sources.revision }).from(sources).where(eq(sources.id, row.sourceId));
  if (!source) return { columns: {}, note: null };
  const result = reanchor(source.text, { exact: quote, prefix: row.anchorPrefix ?? "", suffix: row.anchorSuffix ?? "", start: row.anchorStart!, end: row.anchorEnd! });
  if (result.status === "orphan") {
    return {
      columns: { anchorExact: quote, anchorState: "orphan" },
      note: `the restored quote is not in the current text of the source (revision ${source.revision}), so the claim is an orphan until it is re-attached`,
    };
  }
  const a = result.anchor;
  const columns = { anchorExact: a.exact, anchorPrefix: a.prefix, anchorSuffix: a.suffix, anchorStart: a.start, anchorEnd: a.end, anchorRevision: source.revision, anchorState: "anchored" as const };
  return {
    columns,
    note: a.exact === quote ? `the restored quote was re-anchored at ${a.start}–${a.end} of revision ${source.revision}` : `the restored quote is only approximately in revision ${source.revision}: anchored on the nearest words and flagged as a changed quote`,
  };
}

/**
 * Settles a claim's changed quote: `accept` makes the span's words the quote; `keep` keeps the
 * verified quote and makes the claim an orphan (its anchor text the quote) to be re-attached to
 * the words it quotes. A published claim's quote is an editor's decision.
 */
export async function decideQuoteChange(db: Db, viewer: UserViewer, id: number, input: QuoteDecisionInput): Promise<ClaimDetailDTO> {
  await withTx(db, async (tx) => {
    const current = () => getClaimDetail(db, viewer, id);
    const [row] = await tx.select().from(claims).where(eq(claims.id, id));
    const before = checkVersion(row, input.version, `claim with id ${id}`, current);
    const change = quoteChange(before);
    if (!change) throw new ConflictError("This claim's quote is the text of its anchored span: there is no quote change to decide.", current);
    if (before.status === "published") authorize(viewer, "review:decide");
    const set =
      input.decision === "accept"
        ? { quote: change.proposed }
        : { anchorExact: change.quote, anchorState: "orphan" as const };
    const [after] = await tx
      .update(claims)
      .set({ ...set, version: before.version + 1, updatedAt: nowIso() })
      .where(eq(claims.id, id))
      .returning();
    await recordEvent(tx, {
      actor: viewer.id,
      entityType: "claim",
      entityId: id,
      action: input.decision === "accept" ? "quote-accept" : "quote-keep",
      before,
      after,
      comment: input.decision === "accept" ? `quote changed from “${change.quote}” to “${change.proposed}”, as the source now reads` : `kept the quote “${change.quote}”; the source now reads “${change.proposed}”, so the claim is an orphan until re-attached`,
    });
  });
  return getClaimDetail(db, viewer, id);
}
