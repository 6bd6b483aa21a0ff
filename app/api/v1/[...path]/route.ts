/** Any /api/v1 path no route answers: the API's JSON 404, never the HTML not-found page. */
import { errorResponse } from "../../../../lib/server/api/responses";
import { AppError } from "../../../../lib/server/errors";

export const dynamic = "force-dynamic";

const notFound = () => errorResponse(new AppError("not_found", "No such API route"));

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
