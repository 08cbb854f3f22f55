import "server-only";
import { MethodNotAllowedError } from "@/lib/errors";
import { errorResponse } from "./http";
import { allowedMethods } from "./openapi";

/**
 * The handler for a method a route does not serve: 405 in the API's error shape, with the
 * methods it does serve in `Allow` (left to itself, Next.js answers such a request with an empty
 * 405). Marked so the OpenAPI test tells it from a real operation.
 */
export function methodNotAllowed(path: string) {
  const allow = allowedMethods(path).join(", ");
  const handler = async (request: Request): Promise<Response> => {
    const response = await errorResponse(new MethodNotAllowedError(`${request.method} is not served at ${path}; it serves ${allow}.`));
    response.headers.set("Allow", allow);
    return response;
  };
  return Object.assign(handler, { notAllowed: true as const });
}
