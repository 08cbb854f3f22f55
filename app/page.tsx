import Link from "next/link";
import { getDb } from "@/db/client";
import { ClaimCard } from "@/components/claim-card";
import { ContestedPair } from "@/components/contested-pair";
import { StoryList } from "@/components/story-list";
import { listClaims } from "@/server/claims";
import { listContestedPairs } from "@/server/contested";
import { listStories } from "@/server/stories";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const db = getDb();
  const viewer = await getViewer();
  const contested = await listContestedPairs(db, viewer, { limit: 4 });
  const recent = await listClaims(db, viewer, { limit: 6 });
  const stories = await listStories(db, viewer, { limit: 6 });
  return (
    <div className="space-y-12">
      <section aria-labelledby="contested-heading">
        <div className="mb-4 flex items-baseline justify-between gap-4">
          <h1 id="contested-heading" className="font-serif text-3xl font-bold">
            Contested claims
          </h1>
          <Link href="/contested" className="text-sm font-medium">
            All contested claims →
          </Link>
        </div>
        <p className="mb-5 max-w-3xl text-muted">Each claim beside the claim that disputes it, with who said it and where.</p>
        {contested.items.length === 0 ? (
          <p className="text-muted">No contested claims yet.</p>
        ) : (
          <div className="space-y-5">
            {contested.items.map((pair) => (
              <ContestedPair key={pair.linkId} pair={pair} />
            ))}
          </div>
        )}
      </section>
      <div className="grid gap-10 lg:grid-cols-3">
        <section aria-labelledby="recent-heading" className="lg:col-span-2">
          <h2 id="recent-heading" className="mb-4 font-serif text-2xl font-bold">
            Recent claims
          </h2>
          {recent.items.length === 0 ? (
            <p className="text-muted">No claims yet.</p>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2">
              {recent.items.map((claim) => (
                <li key={claim.id}>
                  <ClaimCard claim={claim} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="stories-heading">
          <h2 id="stories-heading" className="mb-4 font-serif text-2xl font-bold">
            Stories
          </h2>
          <StoryList stories={stories.items} />
        </section>
      </div>
    </div>
  );
}
