import type { Metadata } from "next";
import { ClaimSublistHeader, SublistPager } from "@/components/claim-sublist";
import { getDb } from "@/db/client";
import { CommentItem, EvidenceList } from "@/components/editorial/editorial-panel";
import { editorialListQuerySchema } from "@/lib/schemas";
import { getClaim } from "@/server/claims";
import { parseWith } from "@/server/http";
import { or404, pageId, param, requireStaff } from "@/server/pages";
import { commentsPage, EDITORIAL_PAGE, evidencePage } from "@/server/reviews";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TITLES = { evidence: "Evidence", comments: "Discussion" } as const;
type List = keyof typeof TITLES;

async function load(props: Props) {
  const id = pageId((await props.params).id);
  const search = await props.searchParams;
  const list: List = param(search.list) === "comments" ? "comments" : "evidence";
  const query = await or404(async () => parseWith(editorialListQuerySchema, { cursor: param(search.cursor) || undefined, limit: EDITORIAL_PAGE }, "query"));
  return { id, list, query };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { list } = await load(props);
  return { title: TITLES[list], robots: { index: false } };
}

/**
 * Staff only: every evidence item or comment of a claim, newest first, a page at a time (the
 * claim's page shows the newest few of each).
 */
export default async function ClaimEditorialListPage(props: Props) {
  const { id, list, query } = await load(props);
  const viewer = await requireStaff(`/claims/${id}/editorial?list=${list}`);
  const db = getDb();
  const claim = await or404(() => getClaim(db, viewer, id));
  const page = list === "evidence" ? await or404(() => evidencePage(db, id, query)) : await or404(() => commentsPage(db, id, query));
  const other: List = list === "evidence" ? "comments" : "evidence";
  return (
    <div className="space-y-6">
      <ClaimSublistHeader claimId={id} claimText={claim.text} title={TITLES[list]} total={page.total} navLabel="Lists" other={{ href: `/claims/${id}/editorial?list=${other}`, title: TITLES[other] }} />
      {page.items.length === 0 ? (
        <p className="text-muted">{query.cursor ? "No more." : "None recorded."}</p>
      ) : list === "evidence" ? (
        <div className="max-w-4xl">
          <EvidenceList items={(page as Awaited<ReturnType<typeof evidencePage>>).items} />
        </div>
      ) : (
        <ol className="max-w-4xl space-y-2" aria-label="Comments">
          {(page as Awaited<ReturnType<typeof commentsPage>>).items.map((c) => (
            <CommentItem key={c.id} comment={c} />
          ))}
        </ol>
      )}
      <p className="text-sm text-muted">Newest first.</p>
      <SublistPager
        first={query.cursor ? { href: `/claims/${id}/editorial?list=${list}`, label: "← Newest" } : null}
        next={page.nextCursor ? `/claims/${id}/editorial?list=${list}&cursor=${encodeURIComponent(page.nextCursor)}` : null}
        size={EDITORIAL_PAGE}
      />
    </div>
  );
}
