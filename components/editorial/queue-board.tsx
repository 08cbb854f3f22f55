"use client";

import Link from "next/link";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { ClaimCard } from "@/components/claim-card";
import { QuoteChangeReview } from "@/components/quote-change-review";
import { SaveError } from "@/components/field-errors";
import { useDecision } from "@/components/hooks/mutations";
import { QueueMatchHint } from "@/components/matches/queue-match-hint";
import { Rationale } from "@/components/rationale";
import { VerdictBadge } from "@/components/verdict-badge";
import type { QueueItemDTO } from "@/lib/dto";

const REASON: Record<QueueItemDTO["reason"], string> = { quote_changed: "Quote changed in source", in_review: "In review", returned: "Returned", contested: "Contested, no verdict" };

function age(iso: string): string {
  const days = Math.floor((Date.now() - Date.parse(iso)) / 86_400_000);
  return days <= 0 ? "today" : days === 1 ? "1 day" : `${days} days`;
}

/** How long an approval waits before it is sent, so it can be undone. */
export const UNDO_SECONDS = 6;

interface ItemActions {
  approve: () => void;
  startReturn: () => void;
  undo: () => boolean;
}

/**
 * The review queue as a list the keyboard drives from the moment the page opens: j / k select
 * an item (the keys act on the selected one), a approves it — after a few seconds in which
 * Undo (or u) takes it back; a claim with no verdict cannot be approved — r goes to its return
 * comment (Enter there, or Tab to Return, sends it), Enter opens the claim. After an action the
 * next item is selected.
 */
export function QueueBoard({ items, canDecide }: { items: QueueItemDTO[]; canDecide: boolean }) {
  const refs = useRef(new Map<number, HTMLElement>());
  const actions = useRef(new Map<number, ItemActions>());
  const [currentId, setCurrentId] = useState<number | null>(items[0]?.claim.id ?? null);
  /** Items whose approval waits out its undo window, most recent last. */
  const pendingOrder = useRef<number[]>([]);
  const index = Math.max(0, items.findIndex((i) => i.claim.id === currentId));

  const focusItem = useCallback(
    (i: number) => {
      const next = items[Math.max(0, Math.min(items.length - 1, i))];
      if (!next) return;
      setCurrentId(next.claim.id);
      const el = refs.current.get(next.claim.id);
      el?.focus({ preventScroll: true });
      el?.scrollIntoView({ block: "nearest" });
    },
    [items],
  );
  /** After acting on the item at `i`: the next one (or the one before, at the end). */
  const moveOn = useCallback((id: number) => {
    const i = items.findIndex((x) => x.claim.id === id);
    const rest = items.filter((x) => x.claim.id !== id && !pendingOrder.current.includes(x.claim.id));
    const after = items.slice(i + 1).find((x) => rest.includes(x)) ?? [...items.slice(0, i)].reverse().find((x) => rest.includes(x));
    if (after) focusItem(items.indexOf(after));
  }, [items, focusItem]);

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    if (target.closest?.("input, textarea, select, [contenteditable=true]")) return;
    const current = items[index];
    if (e.key === "j") focusItem(index + 1);
    else if (e.key === "k") focusItem(index - 1);
    else if (e.key === "a" && canDecide && current) actions.current.get(current.claim.id)?.approve();
    else if (e.key === "r" && canDecide && current) actions.current.get(current.claim.id)?.startReturn();
    else if (e.key === "u") {
      const last = pendingOrder.current.at(-1);
      if (last === undefined || !actions.current.get(last)?.undo()) return;
    } else if (e.key === "Enter" && current && (target.tagName === "ARTICLE" || target === document.body)) refs.current.get(current.claim.id)?.querySelector<HTMLAnchorElement>("[data-action=open]")?.click();
    else return;
    e.preventDefault();
  });
  const [listening, setListening] = useState(false);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    document.addEventListener("keydown", listener);
    // Marks the board as listening (browser tests wait for it instead of guessing).
    queueMicrotask(() => setListening(true));
    return () => document.removeEventListener("keydown", listener);
  }, []);

  return (
    <div data-keys={listening ? "ready" : undefined}>
      <p className="mb-3 text-sm text-muted">
        Keyboard: j / k select the next / previous item · a approve it (u undoes, for {UNDO_SECONDS} seconds) · r return it with a comment (Enter sends) · Enter open the claim.
      </p>
      <ol className="space-y-5" aria-label="Claims awaiting review">
        {items.map((item, i) => (
          <li key={item.claim.id}>
            <article
              ref={(el) => {
                if (el) refs.current.set(item.claim.id, el);
                else refs.current.delete(item.claim.id);
              }}
              tabIndex={0}
              onFocus={() => setCurrentId(item.claim.id)}
              aria-label={`${REASON[item.reason]}: ${item.claim.text}`}
              aria-current={i === index ? "true" : undefined}
              className={`rounded-lg border bg-white p-4 ${i === index ? "border-claim ring-2 ring-blue-300" : "border-rule"}`}
              data-queue-claim={item.claim.id}
              data-selected={i === index ? "" : undefined}
            >
              <QueueItem
                item={item}
                canDecide={canDecide}
                register={(a) => {
                  if (a) actions.current.set(item.claim.id, a);
                  else actions.current.delete(item.claim.id);
                }}
                onPending={(on) => {
                  pendingOrder.current = pendingOrder.current.filter((id) => id !== item.claim.id);
                  if (on) pendingOrder.current.push(item.claim.id);
                }}
                onActed={() => moveOn(item.claim.id)}
              />
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}

function QueueItem({
  item,
  canDecide,
  register,
  onPending,
  onActed,
}: {
  item: QueueItemDTO;
  canDecide: boolean;
  register: (actions: ItemActions | null) => void;
  onPending: (on: boolean) => void;
  onActed: () => void;
}) {
  const [comment, setComment] = useState("");
  const [needsVerdict, setNeedsVerdict] = useState(false);
  const [countdown, setCountdown] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const decide = useDecision(item.claim.id);
  const hasVerdict = Boolean(item.pending || item.claim.verdict);
  const decidable = canDecide && (item.reason === "in_review" || Boolean(item.pending));

  const stopTimer = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopTimer, []);

  const approve = () => {
    if (!decidable || decide.isPending || timer.current) return;
    if (!hasVerdict) {
      setNeedsVerdict(true);
      return;
    }
    setNeedsVerdict(false);
    let left = UNDO_SECONDS;
    setCountdown(left);
    onPending(true);
    timer.current = setInterval(() => {
      left -= 1;
      if (left > 0) return setCountdown(left);
      stopTimer();
      setCountdown(null);
      onPending(false);
      decide.mutate({ action: "approve", comment: comment || undefined, version: item.claim.version });
    }, 1000);
    onActed();
  };
  const undo = () => {
    if (!timer.current) return false;
    stopTimer();
    setCountdown(null);
    onPending(false);
    return true;
  };
  const sendReturn = () => {
    if (!comment.trim() || decide.isPending) return;
    decide.mutate({ action: "return", comment, version: item.claim.version }, { onSuccess: onActed });
  };
  const startReturn = () => {
    if (decidable) commentRef.current?.focus();
  };
  const onApprove = useEffectEvent(approve);
  const onStartReturn = useEffectEvent(startReturn);
  const onUndo = useEffectEvent(undo);
  useEffect(() => {
    register({ approve: () => onApprove(), startReturn: () => onStartReturn(), undo: () => onUndo() });
    return () => register(null);
  }, [register]);

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
            {item.otherSideCount > item.otherSide.length ? (
              <p className="text-sm">
                <Link href={`/claims/${item.claim.id}/links?group=disputes`}>All {item.otherSideCount.toLocaleString("en")} counter-claims →</Link>
              </p>
            ) : null}
          </div>
        </div>
      ) : (
        <ClaimCard claim={item.claim} />
      )}
      <QuoteChangeReview claim={item.claim} canDecide={canDecide || item.claim.status !== "published"} />
      <QueueMatchHint claim={item.claim} known={item.otherSide.map((c) => c.id)} />
      {item.pending ? (
        <div className="rounded bg-stone-50 p-3 text-sm" data-testid="pending-verdict">
          <p className="mb-1 text-muted">Verdict proposed by {item.pending.author.name}:</p>
          <VerdictBadge verdict={{ rating: item.pending.rating, rationale: item.pending.rationale }} />
          <div className="mt-2 max-h-40 overflow-auto">
            <Rationale markdown={item.pending.rationale} compact />
          </div>
        </div>
      ) : null}
      {item.reason === "returned" && item.lastReturn ? (
        <p className="text-sm">
          Returned by {item.lastReturn.by.name}: {item.lastReturn.comment}
        </p>
      ) : null}
      {decidable ? (
        countdown !== null ? (
          <div role="status" className="flex flex-wrap items-center gap-3 rounded border-2 border-green-800 bg-green-50 p-2 text-sm">
            <span>
              Approving in {countdown} s… the claim will be published.
            </span>
            <button
              type="button"
              onClick={(e) => {
                // The button goes away with the countdown: the item keeps the focus.
                (e.currentTarget.closest("article") as HTMLElement | null)?.focus();
                undo();
              }}
              className="rounded border border-ink bg-white px-3 py-1 font-semibold"
            >
              Undo
            </button>
          </div>
        ) : (
          <div className="flex flex-wrap items-end gap-2">
            <label className="flex-1 text-sm font-medium">
              Comment (required to return)
              <textarea
                ref={commentRef}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && !e.shiftKey && !e.altKey) {
                    e.preventDefault();
                    sendReturn();
                  } else if (e.key === "Escape") (e.currentTarget.closest("article") as HTMLElement | null)?.focus();
                }}
                rows={1}
                aria-describedby={`return-hint-${item.claim.id}`}
                className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1"
              />
              <span id={`return-hint-${item.claim.id}`} className="block text-xs font-normal text-muted">
                Enter sends it back with this comment · Shift+Enter a new line · Esc leaves the box
              </span>
            </label>
            <button type="button" data-action="return" disabled={decide.isPending || !comment.trim()} onClick={sendReturn} className="rounded border border-ink px-3 py-1.5 font-semibold disabled:opacity-50">
              Return
            </button>
            <button type="button" data-action="approve" disabled={decide.isPending} onClick={approve} className="rounded bg-green-800 px-3 py-1.5 font-semibold text-white">
              Approve
            </button>
          </div>
        )
      ) : null}
      {needsVerdict ? (
        <p role="alert" className="text-sm text-red-800">
          This claim has no verdict yet: <Link href={`/claims/${item.claim.id}`}>propose one</Link> before approving it.
        </p>
      ) : null}
      <SaveError error={decide.error} />
    </div>
  );
}
