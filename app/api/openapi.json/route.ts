// GET /api/openapi.json — the OpenAPI 3.1 description of this API
import { apiRoute } from "@/server/http";
import { openApiDocument } from "@/server/openapi";

export const GET = apiRoute(({ request }) => openApiDocument(new URL(request.url).origin));
