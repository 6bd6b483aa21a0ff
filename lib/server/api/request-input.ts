import "server-only";
/** Reading what a client sent: the JSON body (malformed → 400), the query string, a ticket id from the path. */
import { z } from "zod";
import { badRequest, notFound } from "../errors";

/** Bodies of this API are small (a ticket, a reply); the largest field is 20 000 characters. */
export const MAX_BODY_BYTES = 256 * 1024;

export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw badRequest(`The request body is larger than ${MAX_BODY_BYTES} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) throw badRequest(`The request body is larger than ${MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("The request body must be a JSON document");
  }
}

/** The query string as a plain object (the last value wins when a name repeats). */
export const queryOf = (request: Request): Record<string, string> => Object.fromEntries(new URL(request.url).searchParams);

/**
 * A ticket id from the path. Anything that is not a uuid is answered exactly like a ticket the
 * caller may not see (404), so probing cannot tell malformed ids from other organisations' ids.
 */
export function ticketIdOf(params: { id?: string }): string {
  const parsed = z.uuid().safeParse(params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}
