// GET /api/queue?filter=&story=&speaker=&assignee= — staff only: the review queue, most check requests first, then oldest
import { queueQuerySchema } from "@/lib/schemas";
import { authorize } from "@/server/authz";
import { apiRoute, parseWith, queryObject } from "@/server/http";
import { listQueue } from "@/server/queue";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(async ({ request, db, viewer }) => {
  authorize(viewer, "review:draft");
  return await listQueue(db, viewer, parseWith(queueQuerySchema, queryObject(request), "query"));
});

const notAllowed = methodNotAllowed("/api/queue");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
