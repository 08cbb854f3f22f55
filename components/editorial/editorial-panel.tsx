"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { SaveError } from "@/components/field-errors";
import { useAddComment, useAssign, useDecision } from "@/components/hooks/mutations";
import { Rationale } from "@/components/rationale";
import { VerdictBadge } from "@/components/verdict-badge";
import type { ClaimDetailDTO, CommentDTO, EditorialDTO, EvidenceDTO, PersonRef, RatingDTO } from "@/lib/dto";
import { formatDate } from "@/lib/format";
import type { Role } from "@/lib/model";
import { editorialQuery } from "@/lib/queries";
import { VerdictForm } from "./verdict-form";

const when = (iso: string) => `${formatDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;

/**
 * The review of one claim, for staff: the proposed verdict with its evidence, the editor's
 * decision (approve or return with a comment), the returned-with comment for the fact-checker,
 * the discussion, check requests and the assignee.
 */
export function EditorialPanel({ claim, initial, ratings, role, assignees }: { claim: ClaimDetailDTO; initial: EditorialDTO; ratings: RatingDTO[]; role: Role; assignees: PersonRef[] }) {
  const { data: editorial = initial } = useQuery({ ...editorialQuery(claim.id), initialData: initial });
  const canDecide = role !== "factchecker";
  const pending = editorial.pending;
  return (
    <div className="space-y-6">
      {claim.status === "returned" && editorial.lastReturn ? (
        <div role="status" className="rounded border-2 border-amber-500 bg-amber-50 p-3" data-testid="returned-notice">
          <p className="font-semibold">
            Returned by {editorial.lastReturn.by.name} on {when(editorial.lastReturn.at)}
          </p>
          <p className="mt-1">{editorial.lastReturn.comment}</p>
        </div>
      ) : null}
      <p className="text-sm text-muted">
        {editorial.checkRequests === 1 ? "1 reader asked" : `${editorial.checkRequests} readers asked`} for this claim to be checked.
      </p>
      {pending ? (
        <section aria-label="Proposed verdict" className="space-y-2 rounded border border-rule bg-stone-50 p-4">
          <p className="text-sm text-muted">
            Proposed by {pending.author.name} on {when(pending.createdAt)}
          </p>
          <VerdictBadge verdict={{ rating: pending.rating, rationale: pending.rationale }} />
          <Rationale markdown={pending.rationale} />
          <EvidenceList claimId={claim.id} items={editorial.evidence} total={editorial.counts.evidence} />
          {canDecide ? <DecisionForm claim={claim} /> : <p className="text-sm text-muted">An editor will approve it or send it back.</p>}
        </section>
      ) : (
        <>
          {editorial.evidence.length > 0 ? <EvidenceList claimId={claim.id} items={editorial.evidence} total={editorial.counts.evidence} /> : null}
          {canDecide && claim.status === "in_review" ? <DecisionForm claim={claim} /> : null}
        </>
      )}
      {claim.status !== "archived" ? (
        <details open={!pending} className="rounded border border-rule p-3">
          <summary className="cursor-pointer font-semibold">{pending ? "Propose a different verdict" : "Propose a verdict"}</summary>
          <div className="mt-3">
            <VerdictForm claimId={claim.id} version={claim.version} ratings={ratings} canSubmit={claim.status === "draft" || claim.status === "returned"} />
          </div>
        </details>
      ) : null}
      {canDecide ? <Assignee claim={claim} current={editorial.assignee} assignees={assignees} /> : editorial.assignee ? <p className="text-sm">Assigned to {editorial.assignee.name}</p> : null}
      <Comments claimId={claim.id} editorial={editorial} />
    </div>
  );
}

/** When a list has more than the panel shows: how many are shown, and a link to all of them, paged. */
function ShowAll({ claimId, list, shown, total, what }: { claimId: number; list: "evidence" | "comments"; shown: number; total: number; what: string }) {
  if (total <= shown) return null;
  return (
    <p className="text-sm">
      Showing the newest {shown.toLocaleString("en")} of {total.toLocaleString("en")}.{" "}
      <Link href={`/claims/${claimId}/editorial?list=${list}`} className="font-medium">
        Show all {total.toLocaleString("en")} {what} →
      </Link>
    </p>
  );
}

/** Evidence items, newest first. */
export function EvidenceList({ claimId, items, total }: { claimId?: number; items: EvidenceDTO[]; total?: number }) {
  if (items.length === 0) return <p className="text-sm text-muted">No evidence attached.</p>;
  return (
    <div className="space-y-1">
      <ul className="space-y-1 text-sm" aria-label="Evidence">
        {items.map((e) => (
          <EvidenceItem key={e.id} item={e} />
        ))}
      </ul>
      {claimId !== undefined && total !== undefined ? <ShowAll claimId={claimId} list="evidence" shown={items.length} total={total} what="evidence items" /> : null}
    </div>
  );
}

function EvidenceItem({ item: e }: { item: EvidenceDTO }) {
  return (
    <li>
      <span className={`font-semibold ${e.stance === "refutes" ? "text-red-800" : e.stance === "supports" ? "text-green-800" : "text-muted"}`}>{e.stance}</span>{" "}
      {e.url ? (
        <a href={e.url} rel="noopener noreferrer nofollow">
          {e.url}
        </a>
      ) : e.source ? (
        <span>
          {e.source.title}
          {e.quote ? <span className="font-serif"> — “{e.quote}”</span> : null}
        </span>
      ) : null}
      {e.note ? <span className="text-muted"> · {e.note}</span> : null}
    </li>
  );
}

function DecisionForm({ claim }: { claim: ClaimDetailDTO }) {
  const [comment, setComment] = useState("");
  const decide = useDecision(claim.id);
  return (
    <div className="space-y-2 border-t border-rule pt-3">
      <label className="block text-sm font-medium">
        Comment to the fact-checker (required to return)
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} className="mt-1 block w-full rounded border border-rule bg-white px-2 py-1.5" />
      </label>
      <div className="flex gap-2">
        <button type="button" disabled={decide.isPending} onClick={() => decide.mutate({ action: "approve", comment: comment || undefined, version: claim.version })} className="rounded bg-green-800 px-4 py-2 font-semibold text-white">
          Approve and publish
        </button>
        <button type="button" disabled={decide.isPending || !comment.trim()} onClick={() => decide.mutate({ action: "return", comment, version: claim.version })} className="rounded border border-ink px-4 py-2 font-semibold disabled:opacity-50">
          Return with comment
        </button>
      </div>
      <SaveError error={decide.error} />
    </div>
  );
}

function Assignee({ claim, current, assignees }: { claim: ClaimDetailDTO; current: PersonRef | null; assignees: PersonRef[] }) {
  const assign = useAssign(claim.id);
  return (
    <div>
      <label className="text-sm font-medium">
        Assigned to{" "}
        <select value={current?.id ?? ""} disabled={assign.isPending} onChange={(e) => assign.mutate({ assigneeId: e.target.value || null, version: claim.version })} className="ml-2 rounded border border-rule bg-white px-2 py-1">
          <option value="">nobody</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <SaveError error={assign.error} />
    </div>
  );
}

function Comments({ claimId, editorial }: { claimId: number; editorial: EditorialDTO }) {
  const [body, setBody] = useState("");
  const add = useAddComment(claimId);
  return (
    <section aria-labelledby={`comments-${claimId}`}>
      <h3 id={`comments-${claimId}`} className="mb-2 text-sm font-bold uppercase tracking-wider text-muted">
        Discussion
      </h3>
      <ShowAll claimId={claimId} list="comments" shown={editorial.comments.length} total={editorial.counts.comments} what="comments" />
      {/* The newest comments, read in the order they were written. */}
      <ol className="mb-3 space-y-2" aria-label="Comments">
        {[...editorial.comments].reverse().map((c) => (
          <CommentItem key={c.id} comment={c} />
        ))}
      </ol>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ body }, { onSuccess: () => setBody("") });
        }}
        className="flex gap-2"
      >
        <label className="sr-only" htmlFor={`comment-${claimId}`}>
          Add a comment
        </label>
        <input id={`comment-${claimId}`} value={body} onChange={(e) => setBody(e.target.value)} placeholder="Add a comment" className="flex-1 rounded border border-rule bg-white px-2 py-1.5 text-sm" />
        <button type="submit" disabled={!body.trim() || add.isPending} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold disabled:opacity-50">
          Post
        </button>
      </form>
      <SaveError error={add.error} />
    </section>
  );
}

export function CommentItem({ comment: c }: { comment: CommentDTO }) {
  return (
    <li className="rounded border border-rule bg-white p-2 text-sm">
      <p className="text-xs text-muted">
        {c.author.name} · {when(c.createdAt)}
      </p>
      <p className="whitespace-pre-wrap">{c.body}</p>
    </li>
  );
}
