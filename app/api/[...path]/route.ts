// Any other /api path — a JSON 404 in the API's error shape, never an HTML page
import { NotFoundError } from "@/lib/errors";
import { errorResponse } from "@/server/http";

function notFound(request: Request): Promise<Response> {
  return errorResponse(new NotFoundError(`No API route ${new URL(request.url).pathname}.`));
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
