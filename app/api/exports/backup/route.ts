// GET /api/exports/backup — the whole database as JSON Lines with a manifest (admins; no password hashes, tokens or sessions)
import { authorize } from "@/server/authz";
import { backupStream } from "@/server/backup";
import { apiRoute } from "@/server/http";

export const GET = apiRoute(async ({ db, viewer }) => {
  authorize(viewer, "users:manage");
  const day = new Date().toISOString().slice(0, 10);
  return new Response(backupStream(db).pipeThrough(new TextEncoderStream()), {
    headers: { "Content-Type": "application/jsonl; charset=utf-8", "Content-Disposition": `attachment; filename="counterpoint-${day}.jsonl"`, "Cache-Control": "private, no-store" },
  });
});
