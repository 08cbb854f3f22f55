// GET /api/exports/backup — the whole database as JSON Lines with a manifest (admins; no password hashes, tokens or sessions)
import { authorize } from "@/server/authz";
import { backupStream } from "@/server/backup";
import { apiRoute } from "@/server/http";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(async ({ db, viewer }) => {
  authorize(viewer, "users:manage");
  const day = new Date().toISOString().slice(0, 10);
  return new Response(backupStream(db).pipeThrough(new TextEncoderStream()), {
    headers: { "Content-Type": "application/jsonl; charset=utf-8", "Content-Disposition": `attachment; filename="counterpoint-${day}.jsonl"`, "Cache-Control": "private, no-store" },
  });
});

const notAllowed = methodNotAllowed("/api/exports/backup");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
