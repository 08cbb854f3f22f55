import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@/lib/model";

/** Role names as the admin and account pages show them (safe in server and client components). */
export const ROLE_LABELS: Record<Role, string> = { factchecker: "Fact-checker", editor: "Editor", admin: "Admin" };

const SECTIONS = [
  { key: "users", href: "/admin/users", label: "Users" },
  { key: "scale", href: "/admin/scale", label: "Rating scale" },
  { key: "imports", href: "/admin/imports", label: "Imports" },
] as const;

/** The heading of an admin page, with the tabs between the admin pages. */
export function AdminHeader({ current, title, children }: { current: (typeof SECTIONS)[number]["key"]; title: string; children?: ReactNode }) {
  return (
    <header className="space-y-3 border-b border-rule pb-4">
      <div>
        <p className="text-xs font-bold uppercase tracking-wider text-muted">Administration</p>
        <h1 className="font-serif text-2xl font-bold sm:text-3xl">{title}</h1>
        {children ? <div className="mt-1 max-w-3xl text-muted">{children}</div> : null}
      </div>
      <nav aria-label="Administration">
        <ul className="flex gap-1 text-sm">
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <Link
                href={s.href}
                aria-current={s.key === current ? "page" : undefined}
                className="block rounded px-3 py-1.5 font-medium text-ink no-underline hover:bg-stone-100 aria-[current=page]:bg-ink aria-[current=page]:text-white"
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

/** What a signed-in user without the right role sees instead of an admin page (a 403, in words). */
export function AdminOnly({ message, name, role }: { message: string; name: string; role: Role }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-bold uppercase tracking-wider text-muted">403 · Not allowed</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{message}</h1>
      <p className="mt-3 text-muted">
        You are signed in as {name}, {role === "editor" || role === "admin" ? "an" : "a"} {ROLE_LABELS[role].toLowerCase()}. Ask an admin if you need this changed.
      </p>
      <p className="mt-6 flex justify-center gap-6">
        <Link href="/account" className="font-medium">
          Your account
        </Link>
        <Link href="/" className="font-medium">
          Back to the contested claims
        </Link>
      </p>
    </div>
  );
}
