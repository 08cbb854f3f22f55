import Link from "next/link";

/** The head of a page listing one kind of thing about a claim (its links, its evidence, its discussion): back to the claim, the title with the total, the claim's text, the other list. */
export function ClaimSublistHeader({ claimId, claimText, title, total, navLabel, other }: { claimId: number; claimText: string; title: string; total: number; navLabel: string; other: { href: string; title: string } }) {
  return (
    <header className="space-y-2 border-b border-rule pb-4">
      <p className="text-sm">
        <Link href={`/claims/${claimId}`}>← Back to the claim</Link>
      </p>
      <h1 className="font-serif text-2xl font-bold sm:text-3xl">
        {title} ({total.toLocaleString("en")})
      </h1>
      <p className="max-w-4xl font-serif text-lg text-ink/80">“{claimText}”</p>
      <nav aria-label={navLabel} className="text-sm">
        <Link href={other.href}>{other.title} →</Link>
      </nav>
    </header>
  );
}

/** Keyset pages of such a list: back to the first page (when not on it) and the next one. */
export function SublistPager({ first, next, size }: { first: { href: string; label: string } | null; next: string | null; size: number }) {
  return (
    <nav aria-label="Pages" className="flex gap-4 text-sm">
      {first ? <Link href={first.href}>{first.label}</Link> : null}
      {next ? (
        <Link href={next} rel="next">
          Next {size} →
        </Link>
      ) : null}
    </nav>
  );
}
