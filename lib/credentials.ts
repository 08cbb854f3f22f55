/**
 * Whether a request carries credentials of any kind — a session cookie or an Authorization
 * header, valid or not. Such a request may be answered with drafts, so its answer is
 * `private, no-store` whatever the credential turns out to be (issue: drafts must never reach a
 * shared cache). Pure: works on any Headers.
 */
export function carriesCredentials(headers: Headers): boolean {
  if (headers.get("authorization")) return true;
  return /(?:^|;\s*)(?:__Secure-|__Host-)?counterpoint\.session_(?:token|data)=/.test(headers.get("cookie") ?? "");
}

/** Cache-Control for an answer readers share, or `private, no-store` when the request carried credentials. */
export function readerCacheControl(headers: Headers, shared: string): string {
  return carriesCredentials(headers) ? "private, no-store" : shared;
}
