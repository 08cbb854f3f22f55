// GET /api/openapi.json — the OpenAPI 3.1 description of this API
import { apiRoute } from "@/server/http";
import { openApiDocument } from "@/server/openapi";
import { methodNotAllowed } from "@/server/method-not-allowed";

export const GET = apiRoute(({ request }) => openApiDocument(new URL(request.url).origin));

const notAllowed = methodNotAllowed("/api/openapi.json");
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
