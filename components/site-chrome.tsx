import Link from "next/link";
import type { Viewer } from "@/lib/model";
import { HeaderSearch } from "./search/header-search";
import { SignOutButton } from "./sign-out-button";

const NAV = [
  { href: "/checked-before", label: "Checked before?" },
  { href: "/contested", label: "Contested" },
  { href: "/stories", label: "Stories" },
  { href: "/sources", label: "Sources" },
  { href: "/speakers", label: "Speakers" },
];

const ROLE_LABEL = { factchecker: "fact-checker", editor: "editor", admin: "admin" } as const;

export function SiteHeader({ viewer }: { viewer: Viewer }) {
  const staff = viewer.kind === "user";
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-serif text-2xl font-bold tracking-tight text-ink no-underline">
          Counter<span className="text-counter">point</span>
        </Link>
        <nav aria-label="Main" className="flex-1">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-[15px]">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="font-medium text-ink no-underline hover:text-accent hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
            {staff ? (
              <>
                <li>
                  <Link href="/review" className="font-medium text-ink no-underline hover:text-accent hover:underline">
                    Review queue
                  </Link>
                </li>
                <li>
                  <Link href="/sources/new" className="font-medium text-ink no-underline hover:text-accent hover:underline">
                    New source
                  </Link>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <HeaderSearch />
        <div className="flex items-center gap-3 text-sm">
          {staff ? (
            <>
              {viewer.role === "admin" ? (
                <Link href="/admin/users" className="font-medium text-ink no-underline hover:text-accent hover:underline">
                  Admin
                </Link>
              ) : null}
              <Link href="/account" title="Your account and API tokens" className="text-muted no-underline hover:text-accent hover:underline">
                {viewer.name} <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">{ROLE_LABEL[viewer.role]}</span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <Link href="/sign-in" className="font-medium text-ink">
              Sign in
            </Link>
          )}
        </div>
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
