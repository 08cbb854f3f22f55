import Link from "next/link";

/** "More" link for cursor-paginated lists; works without JavaScript. */
export function Pager({ nextCursor, basePath, params = {} }: { nextCursor: string | null; basePath: string; params?: Record<string, string | undefined> }) {
  if (!nextCursor) return null;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  query.set("cursor", nextCursor);
  return (
    <p className="mt-6">
      <Link href={`${basePath}?${query}`} className="font-medium" rel="next">
        More →
      </Link>
    </p>
  );
}
