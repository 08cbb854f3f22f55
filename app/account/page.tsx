import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { TokenManager } from "@/components/account/token-manager";
import { ROLE_LABELS } from "@/components/admin/admin-chrome";
import { requireStaff } from "@/server/pages";
import { listApiTokens } from "@/server/tokens";
import { getUser } from "@/server/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await requireStaff("/account");
  const db = getDb();
  const user = await getUser(db, viewer.id);
  return (
    <div className="space-y-8">
      <header className="border-b border-rule pb-4">
        <p className="text-xs font-bold uppercase tracking-wider text-muted">Your account</p>
        <h1 className="font-serif text-2xl font-bold sm:text-3xl">{user.name}</h1>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">Email</dt>
          <dd>{user.email}</dd>
          <dt className="text-muted">Role</dt>
          <dd>
            {ROLE_LABELS[user.role]}
            {user.role === "admin" ? (
              <>
                {" · "}
                <Link href="/admin/users">Manage users and the rating scale</Link>
              </>
            ) : null}
          </dd>
        </dl>
      </header>
      <TokenManager initialTokens={await listApiTokens(db, viewer)} />
      <section aria-labelledby="howto-title" className="max-w-3xl space-y-2">
        <h2 id="howto-title" className="font-serif text-xl font-bold">
          How to use a token
        </h2>
        <p className="text-sm">
          Send it in the <code>Authorization</code> header of each request to the JSON API. A token acts as you, with your current role: it can do what you can do, and it stops working when it is revoked, when it expires or if your account is deactivated.
        </p>
        <pre className="overflow-x-auto rounded bg-ink px-4 py-3 text-sm text-white">
          <code>curl -H &quot;Authorization: Bearer cp_…&quot; http://localhost:3000/api/claims</code>
        </pre>
        <p className="text-sm text-muted">Keep tokens out of code you share and out of chat; revoke one as soon as you no longer need it or think it was seen.</p>
      </section>
    </div>
  );
}
