/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (public). */
import { buildOpenApiDocument } from "../../../../lib/server/api/openapi";
import { json } from "../../../../lib/server/api/responses";

let document: object | undefined;

export function GET(): Response {
  document ??= buildOpenApiDocument();
  return json(document, { headers: { "cache-control": "public, max-age=300" } });
}
