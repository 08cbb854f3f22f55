// GET /embed/claims/{id} — a published claim as a small framable HTML card with no JavaScript
import { idSchema } from "@/lib/schemas";
import { NotFoundError } from "@/lib/errors";
import { getPublicClaim } from "@/server/feeds";
import { getDb } from "@/db/client";
import { getSite } from "@/server/site";
import { renderClaimCard, renderMissingCard } from "../../claim-card-html";

const HTML = "text/html; charset=utf-8";

export async function GET(request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }): Promise<Response> {
  const site = await getSite(request);
  const id = idSchema.safeParse((await context.params).id);
  try {
    if (!id.success) throw new NotFoundError("Not a claim id.");
    // Always as an anonymous reader: the card is cached publicly and must never show a draft.
    const html = renderClaimCard(await getPublicClaim(getDb(), id.data), site);
    return new Response(html, { headers: { "Content-Type": HTML, "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return new Response(renderMissingCard(site), { status: 404, headers: { "Content-Type": HTML, "Cache-Control": "public, max-age=60" } });
  }
}
