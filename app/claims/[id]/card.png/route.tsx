// GET /claims/{id}/card.png — the share card of a published claim (og:image): its words, speaker and verdict, drawn on the server
import { ImageResponse } from "next/og";
import { z } from "zod";
import { shortenClaim } from "@/lib/claimreview";
import { idSchema } from "@/lib/schemas";
import { getPublicClaim } from "@/server/feeds";
import { apiRoute, parseWith } from "@/server/http";
import { getSite } from "@/server/site";

const paramsSchema = z.object({ id: idSchema });

export const GET = apiRoute(async ({ request, params, db }) => {
  const { id } = parseWith(paramsSchema, params, "path");
  const claim = await getPublicClaim(db, id);
  const site = await getSite(request);
  const verdict = claim.verdict?.rating;
  const image = new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 64, background: "#faf8f3", color: "#1c1917", fontSize: 28 }}>
        <div style={{ display: "flex", fontSize: 26, color: "#57534e" }}>{site.orgName}</div>
        <div style={{ display: "flex", flexDirection: "column", gap: 24 }}>
          <div style={{ display: "flex", fontSize: 52, lineHeight: 1.2, fontWeight: 700 }}>“{shortenClaim(claim.text, 160)}”</div>
          <div style={{ display: "flex", fontSize: 32, color: "#44403c" }}>— {claim.speaker.name}{claim.statedOn ? `, ${claim.statedOn}` : ""}</div>
        </div>
        <div style={{ display: "flex", alignItems: "center", gap: 20 }}>
          {verdict ? (
            <div style={{ display: "flex", padding: "10px 24px", borderRadius: 8, background: verdict.colour, color: "#ffffff", fontSize: 36, fontWeight: 700 }}>{verdict.label}</div>
          ) : (
            <div style={{ display: "flex", fontSize: 30, color: "#57534e" }}>Not yet rated</div>
          )}
        </div>
      </div>
    ),
    { width: 1200, height: 630 },
  );
  image.headers.set("Cache-Control", "public, max-age=300, s-maxage=3600");
  return image;
});
