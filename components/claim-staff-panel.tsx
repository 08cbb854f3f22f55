"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ClaimEditor } from "./claim-editor";
import { EditorialPanel } from "./editorial/editorial-panel";
import { SaveError } from "./field-errors";
import { useClaimStep } from "./hooks/mutations";
import { LinkEditor, LinkList } from "./link-editor";
import type { ClaimDetailDTO, EditorialDTO, PersonRef, RatingDTO } from "@/lib/dto";
import type { Role } from "@/lib/model";
import { claimQuery } from "@/lib/queries";
import { legalActions } from "@/lib/workflow";

/** The staff tools on a claim page: edit, links, and the workflow steps the role allows. */
export function ClaimStaffPanel({ initial, role, editorial, ratings, assignees }: { initial: ClaimDetailDTO; role: Role; editorial: EditorialDTO; ratings: RatingDTO[]; assignees: PersonRef[] }) {
  const { data: claim = initial } = useQuery({ ...claimQuery(initial.id), initialData: initial });
  const [editing, setEditing] = useState(false);
  const submit = useClaimStep(claim.id, "submit");
  const archive = useClaimStep(claim.id, "archive");
  const actions = legalActions(claim.status);
  const canArchive = role !== "factchecker" && actions.includes("archive");
  return (
    <section aria-labelledby="staff-heading" className="rounded-lg border border-dashed border-muted bg-white p-5">
      <h2 id="staff-heading" className="mb-3 font-serif text-xl font-bold">
        Editorial
      </h2>
      <div className="mb-8">
        <h3 className="mb-3 text-sm font-bold uppercase tracking-wider text-muted">Review</h3>
        <EditorialPanel claim={claim} initial={editorial} ratings={ratings} role={role} assignees={assignees} />
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <div className="space-y-3">
          {editing ? (
            <ClaimEditor claim={claim} onDone={() => setEditing(false)} />
          ) : (
            <div className="flex flex-wrap gap-2">
              {claim.status !== "archived" ? (
                <button type="button" onClick={() => setEditing(true)} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold">
                  Edit claim
                </button>
              ) : null}
              {actions.includes("submit") ? (
                <button type="button" disabled={submit.isPending} onClick={() => submit.mutate({ version: claim.version })} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold">
                  Submit for review
                </button>
              ) : null}
              {canArchive ? (
                <button type="button" disabled={archive.isPending} onClick={() => archive.mutate({ version: claim.version })} className="rounded border border-ink px-3 py-1.5 text-sm font-semibold">
                  Archive
                </button>
              ) : null}
              {claim.source ? (
                <Link href={`/sources/${claim.source.id}/annotate`} className="self-center text-sm">
                  Open in the annotator
                </Link>
              ) : null}
              <Link href={`/claims/${claim.id}/history`} className="self-center text-sm">
                History
              </Link>
            </div>
          )}
          <SaveError error={submit.error ?? archive.error} />
          <h3 className="pt-2 text-sm font-bold uppercase tracking-wider text-muted">Links</h3>
          <LinkList claim={claim} />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-bold uppercase tracking-wider text-muted">Add a link</h3>
          <LinkEditor claim={claim} />
        </div>
      </div>
    </section>
  );
}
