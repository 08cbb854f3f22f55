"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { ClaimCard } from "@/components/claim-card";
import { QuoteChangeReview } from "@/components/quote-change-review";
import { SaveError } from "@/components/field-errors";
import { useDecision } from "@/components/hooks/mutations";
import { QueueMatchHint } from "@/components/matches/queue-match-hint";
import { VerdictBadge } from "@/components/verdict-badge";
import type { QueueItemDTO } from "@/lib/dto";

const REASON: Record<QueueItemDTO["reason"], string> = { quote_changed: "Quote changed in source", in_review: "In review", returned: "Returned", contested: "Contested, no verdict" };

function age(iso: string): string {
  const days = Math.floor((Date.now() - Date.parse(iso)) / 86_400_000);
  return days <= 0 ? "today" : days === 1 ? "1 day" : `${days} days`;
}

/**
 * The review queue as a list the keyboard can drive: j / k move between items, a approves,
 * r goes to the return comment, Enter opens the claim.
 */
export function QueueBoard({ items, canDecide }: { items: QueueItemDTO[]; canDecide: boolean }) {
  const refs = useRef<(HTMLElement | null)[]>([]);
  const [current, setCurrent] = useState(0);
  const focus = (i: number) => {
    const next = Math.max(0, Math.min(items.length - 1, i));
    setCurrent(next);
    refs.current[next]?.focus();
  };
  return (
    <div
      onKeyDown={(e) => {
        if ((e.target as HTMLElement).closest("input, textarea, select")) return;
        if (e.key === "j") focus(current + 1);
        else if (e.key === "k") focus(current - 1);
        else if (e.key === "a" && canDecide) (refs.current[current]?.querySelector("[data-action=approve]") as HTMLButtonElement | null)?.click();
        else if (e.key === "r" && canDecide) (refs.current[current]?.querySelector("textarea") as HTMLTextAreaElement | null)?.focus();
        else if (e.key === "Enter" && (e.target as HTMLElement).tagName === "ARTICLE") (refs.current[current]?.querySelector("[data-action=open]") as HTMLAnchorElement | null)?.click();
        else return;
        e.preventDefault();
      }}
    >
      <p className="mb-3 text-sm text-muted">Keyboard: j / k next and previous · a approve · r return with a comment · Enter open the claim.</p>
      <ol className="space-y-5" aria-label="Claims awaiting review">
        {items.map((item, i) => (
          <li key={item.claim.id}>
            <article
              ref={(el) => {
                refs.current[i] = el;
              }}
              tabIndex={0}
              onFocus={() => setCurrent(i)}
              aria-label={`${REASON[item.reason]}: ${item.claim.text}`}
              className={`rounded-lg border bg-white p-4 ${i === current ? "border-claim ring-2 ring-blue-200" : "border-rule"}`}
              data-queue-claim={item.claim.id}
            >
              <QueueItem item={item} canDecide={canDecide} />
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}

function QueueItem({ item, canDecide }: { item: QueueItemDTO; canDecide: boolean }) {
  const [comment, setComment] = useState("");
  const decide = useDecision(item.claim.id);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="rounded bg-stone-100 px-2 py-0.5 font-semibold">{REASON[item.reason]}</span>
        <span className="text-muted">
          {item.requests} check request{item.requests === 1 ? "" : "s"} · waiting {age(item.claim.updatedAt)}
        </span>
        {item.assignee ? <span className="text-muted">· assigned to {item.assignee.name}</span> : null}
        <Link href={`/claims/${item.claim.id}`} className="ml-auto" data-action="open">
          Open claim
        </Link>
      </div>
      {item.otherSide.length > 0 ? (
        <div className="grid gap-3 md:grid-cols-2">
          <div className="flex flex-col">
            <p className="mb-1 text-xs font-bold uppercase tracking-wider text-claim">This claim</p>
            <ClaimCard claim={item.claim} side="claim" />
          </div>
          <div className="flex flex-col gap-2">
            <p className="text-xs font-bold uppercase tracking-wider text-counter">The other side</p>
            {item.otherSide.map((c) => (
              <ClaimCard key={c.id} claim={c} side="counter" />
            ))}
          </div>
        </div>
      ) : (
        <ClaimCard claim={item.claim} />
      )}
      <QuoteChangeReview claim={item.claim} canDecide={canDecide || item.claim.status !== "published"} />
      <QueueMatchHint claim={item.claim} known={item.otherSide.map((c) => c.id)} />
      {item.pending ? (
        <div className="rounded bg-stone-50 p-3 text-sm">
          <p className="mb-1 text-muted">Verdict proposed by {item.pending.author.name}:</p>
          <VerdictBadge verdict={{ rating: item.pending.rating, rationale: item.pending.rationale }} />
          <p className="mt-1 line-clamp-3">{item.pending.rationale}</p>
        </div>
      ) : null}
      {item.reason === "returned" && item.lastReturn ? <p className="text-sm">
          Returned by {item.lastReturn.by.name}: {item.lastReturn.comment}
        </p> : null}
      {canDecide && (item.reason === "in_review" || item.pending) ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex-1 text-sm font-medium">
            Comment (required to return)
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={1} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1" />
          </label>
          <button type="button" data-action="approve" disabled={decide.isPending} onClick={() => decide.mutate({ action: "approve", comment: comment || undefined, version: item.claim.version })} className="rounded bg-green-800 px-3 py-1.5 font-semibold text-white">
            Approve
          </button>
          <button type="button" disabled={decide.isPending || !comment.trim()} onClick={() => decide.mutate({ action: "return", comment, version: item.claim.version })} className="rounded border border-ink px-3 py-1.5 font-semibold disabled:opacity-50">
            Return
          </button>
        </div>
      ) : null}
      <SaveError error={decide.error} />
    </div>
  );
}
