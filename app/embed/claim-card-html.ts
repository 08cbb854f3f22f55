/**
 * The embeddable claim card as one self-contained HTML document: inline CSS, no script at all
 * (a Next page would ship React's runtime), every value escaped. Framable: the proxy allows
 * framing on /embed/* and its CSP allows inline styles there. Pure.
 */
import { permalinks, type SiteInfo } from "@/lib/claimreview";
import type { ClaimDTO } from "@/lib/dto";
import { formatDate } from "@/lib/format";

/** Text for HTML character data or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const HEX = /^#[0-9a-fA-F]{6}$/;
const NEUTRAL = "#57606a";

/** The default size an oEmbed consumer frames the card at. */
export const CARD_SIZE = { width: 560, height: 340 };

const CSS = `
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font:15px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1f24;background:#fbfaf7}
.card{margin:0;padding:16px 18px;border:1px solid #d8d4cb;border-radius:8px;background:#fff;min-height:100vh;display:flex;flex-direction:column;gap:8px}
.speaker{margin:0;font-size:13px;color:#57606a}
.speaker strong{color:#1b1f24;font-weight:600}
blockquote{margin:0;padding-left:12px;border-left:2px solid #d8d4cb;font:18px/1.35 "Iowan Old Style","Palatino Linotype",Palatino,Georgia,serif}
.claim{margin:0;font-weight:600;font-size:15px}
.verdict{margin:2px 0 0;display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.badge{display:inline-block;border-radius:999px;padding:2px 10px;font-size:12px;font-weight:700;color:#fff;background:var(--verdict)}
.badge.none{color:#57606a;background:#fff;border:1px solid #d8d4cb;font-weight:500}
.verdict-note{font-size:12px;color:#57606a}
.meta{margin:0;font-size:12px;color:#57606a}
.foot{margin:auto 0 0;padding-top:6px;display:flex;justify-content:space-between;align-items:baseline;gap:12px;flex-wrap:wrap}
.more{font-size:13px;font-weight:600;color:#0b5cad;text-decoration:underline;text-underline-offset:.18em}
.brand{font-size:11px;color:#57606a;text-transform:uppercase;letter-spacing:.06em}
@media (max-width:420px){.card{padding:12px 14px;gap:6px}blockquote{font-size:16px}.verdict-note{display:none}.brand{display:none}}
a:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
`;

function document(title: string, canonical: string | null, body: string, verdictColour = NEUTRAL): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
${canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">\n` : ""}<style>:root{--verdict:${HEX.test(verdictColour) ? verdictColour : NEUTRAL}}${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The card of a published claim. */
export function renderClaimCard(claim: ClaimDTO, site: SiteInfo): string {
  const link = permalinks(site).claim(claim.id);
  const speaker = claim.speaker.affiliation
    ? `<strong>${escapeHtml(claim.speaker.name)}</strong> · ${escapeHtml(claim.speaker.affiliation.name)}`
    : `<strong>${escapeHtml(claim.speaker.name)}</strong>`;
  const verdict = claim.verdict
    ? `<span class="badge">${escapeHtml(claim.verdict.rating.label)}</span><span class="verdict-note">${escapeHtml(claim.verdict.rating.description)}</span>`
    : `<span class="badge none">No verdict yet</span>`;
  const source = claim.source
    ? [claim.source.title, claim.source.publisher].filter((s): s is string => Boolean(s)).map(escapeHtml).join(", ")
    : "No source document";
  const date = claim.statedOn ? `<time datetime="${escapeHtml(claim.statedOn)}">${escapeHtml(formatDate(claim.statedOn))}</time>` : "Undated";
  const body = `<article class="card" aria-label="Fact check of a claim by ${escapeHtml(claim.speaker.name)}">
<p class="speaker">${speaker}</p>
${claim.quote ? `<blockquote>${escapeHtml(claim.quote)}</blockquote>\n` : ""}<p class="claim">${escapeHtml(claim.text)}</p>
<p class="verdict">${verdict}</p>
<p class="meta">${source} · ${date}</p>
<p class="foot"><a class="more" href="${escapeHtml(link)}" target="_blank" rel="noopener">Read the full fact check →</a><span class="brand">${escapeHtml(site.orgName)}</span></p>
</article>`;
  return document(`${claim.text} — ${site.orgName}`, link, body, claim.verdict?.rating.colour);
}

/** The page for an unknown or unpublished claim (never says which). */
export function renderMissingCard(site: SiteInfo): string {
  const body = `<article class="card">
<p class="claim">This claim is not available.</p>
<p class="meta">It may not have been published yet, or it was removed.</p>
<p class="foot"><a class="more" href="${escapeHtml(site.url)}/" target="_blank" rel="noopener">${escapeHtml(site.orgName)}</a></p>
</article>`;
  return document(`Claim not found — ${site.orgName}`, null, body);
}

/** The claim id in `raw` when it is a claim page (or embed card) of this site, else null. */
export function claimIdFromUrl(raw: string, site: SiteInfo): number | null {
  let url: URL;
  let base: URL;
  try {
    url = new URL(raw);
    base = new URL(site.url);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.host.toLowerCase() !== base.host.toLowerCase()) return null;
  const prefix = base.pathname.replace(/\/+$/, "");
  if (!url.pathname.startsWith(`${prefix}/`)) return null;
  const match = /^\/(?:embed\/)?claims\/([1-9]\d{0,15})\/?$/.exec(url.pathname.slice(prefix.length));
  return match ? Number(match[1]) : null;
}
