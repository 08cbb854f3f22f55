import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { safeNext } from "@/lib/safe-next";
import { param } from "@/server/pages";
import { getViewer } from "@/server/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext(param((await props.searchParams).next));
  if ((await getViewer()).kind === "user") redirect(next);
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="mb-2 font-serif text-3xl font-bold">Sign in</h1>
      <p className="mb-6 text-muted">For fact-checkers, editors and admins. Readers need no account.</p>
      <SignInForm next={next} />
    </div>
  );
}
