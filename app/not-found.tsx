import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-bold uppercase tracking-wider text-muted">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">We can’t find that page</h1>
      <p className="mt-3 text-muted">The claim, source, speaker or story may not exist, or it has not been published.</p>
      <p className="mt-6">
        <Link href="/" className="font-medium">
          Back to the contested claims
        </Link>
      </p>
    </div>
  );
}
