import { expect } from "vitest";
import { POST as claimDecision } from "@/app/api/claims/[id]/decision/route";
import { POST as createLink } from "@/app/api/claims/[id]/links/route";
import { POST as propose } from "@/app/api/claims/[id]/reviews/route";
import { POST as createClaim } from "@/app/api/claims/route";
import { POST as createSpeaker } from "@/app/api/speakers/route";
import { POST as createStory } from "@/app/api/stories/route";
import type { Db } from "@/db/client";
import { num, run, tokenFor } from "../support/db";
import { call } from "../support/http";

/**
 * Writes timeline fixtures through the real route handlers, as staff would: claims start as
 * drafts; `publish` sends one through review with its verdict and an editor approves (without a
 * verdict, it is published as older data holds such claims).
 */
export async function writer(db: Db) {
  const fc = await tokenFor(db, "factchecker");
  const editor = await tokenFor(db, "editor");
  const version = (id: number) => num(db, "SELECT version FROM claims WHERE id = ?", id);
  const ok = (res: { status: number; body: unknown }, status = 201) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as { id: number; version: number };
  };
  return {
    fc,
    editor,
    async story(title: string): Promise<number> {
      return ok(await call(createStory, "/api/stories", { method: "POST", token: fc, json: { title } })).id;
    },
    async speaker(name: string, affiliationId?: number): Promise<number> {
      return ok(await call(createSpeaker, "/api/speakers", { method: "POST", token: fc, json: { name, kind: "person", affiliationId } })).id;
    },
    async claim(text: string, speakerId: number, storyId: number | null, statedOn: string | null): Promise<number> {
      return ok(await call(createClaim, "/api/claims", { method: "POST", token: fc, json: { text, speakerId, storyId, statedOn } })).id;
    },
    async publish(id: number, rating?: string): Promise<void> {
      const params = { id: String(id) };
      if (!rating) {
        // Publishing needs a verdict; a claim published without one is older data (the demo
        // seed has such claims), so it is made as such: only its status and date change.
        await run(db, "UPDATE claims SET status = 'published', published_at = ?, version = version + 1 WHERE id = ?", new Date().toISOString(), id);
        return;
      }
      ok(await call(propose, "/x", { method: "POST", token: fc, params, json: { rating, rationale: `Rated ${rating}.`, version: await version(id) } }));
      ok(await call(claimDecision, "/x", { method: "POST", token: editor, params, json: { action: "approve", version: await version(id) } }));
    },
    async link(from: number, to: number, kind: "disputes" | "supports" | "responds-to" | "qualifies"): Promise<number> {
      const body = ok(await call(createLink, "/x", { method: "POST", token: fc, params: { id: String(from) }, json: { kind, targetClaimId: to } }));
      return (body as unknown as { linkId: number }).linkId;
    },
  };
}
