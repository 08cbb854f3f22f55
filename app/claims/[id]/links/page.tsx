import type { Metadata } from "next";
import { ClaimSublistHeader, SublistPager } from "@/components/claim-sublist";
import { getDb } from "@/db/client";
import { ClaimCard } from "@/components/claim-card";
import { relationLabel } from "@/lib/link-labels";
import { listClaimLinksSchema } from "@/lib/schemas";
import { getClaim, LINKS_PAGE, listClaimLinks } from "@/server/claims";
import { parseWith } from "@/server/http";
import { or404, pageId, param } from "@/server/pages";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TITLES = { disputes: "Counter-claims", related: "Supporting and related claims" } as const;

async function load(props: Props) {
  const id = pageId((await props.params).id);
  const search = await props.searchParams;
  const query = await or404(async () => parseWith(listClaimLinksSchema, { group: param(search.group) || undefined, cursor: param(search.cursor) || undefined, limit: LINKS_PAGE }, "query"));
  return { id, query };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { id, query } = await load(props);
  const claim = await or404(async () => getClaim(getDb(), await getViewer(), id));
  return { title: `${TITLES[query.group]} of “${claim.text}”`, robots: { index: false } };
}

/**
 * Every link of one group of a claim (its counter-claims, or its supporting and related claims),
 * oldest first, a page at a time: the claim's own page shows the first few of each.
 */
export default async function ClaimLinksPage(props: Props) {
  const { id, query } = await load(props);
  const db = getDb();
  const viewer = await getViewer();
  const claim = await or404(() => getClaim(db, viewer, id));
  const page = await or404(() => listClaimLinks(db, viewer, id, query.group, query));
  const other = query.group === "disputes" ? "related" : "disputes";
  return (
    <div className="space-y-6">
      <ClaimSublistHeader claimId={id} claimText={claim.text} title={TITLES[query.group]} total={page.total} navLabel="Links" other={{ href: `/claims/${id}/links?group=${other}`, title: TITLES[other] }} />
      {page.items.length === 0 ? (
        <p className="text-muted">{query.cursor ? "No more links." : "None recorded."}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label={TITLES[query.group]}>
          {page.items.map((link) => (
            <li key={link.id}>
              <p className="mb-1 text-xs font-bold uppercase tracking-wider text-muted">{relationLabel(link)}</p>
              <ClaimCard claim={link.claim} side={query.group === "disputes" ? "counter" : "neutral"} />
              {link.note ? <p className="mt-1 text-sm text-muted">{link.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <SublistPager
        first={query.cursor ? { href: `/claims/${id}/links?group=${query.group}`, label: "← First page" } : null}
        next={page.nextCursor ? `/claims/${id}/links?group=${query.group}&cursor=${encodeURIComponent(page.nextCursor)}` : null}
        size={LINKS_PAGE}
      />
    </div>
  );
}
