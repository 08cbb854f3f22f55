import Link from "next/link";

const NAV = [
  { href: "/contested", label: "Contested" },
  { href: "/stories", label: "Stories" },
  { href: "/sources", label: "Sources" },
  { href: "/speakers", label: "Speakers" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-serif text-2xl font-bold tracking-tight text-ink no-underline">
          Counter<span className="text-counter">point</span>
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-[15px]">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="font-medium text-ink no-underline hover:text-accent hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="border-t border-rule bg-white">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-muted sm:px-6">
        Counterpoint tracks claims to their speakers and sources, and sets each beside the claims that dispute it.
      </div>
    </footer>
  );
}
