import "server-only";
/**
 * GET /arbeid/epost/:id: the original RFC 822 message of an ingested e-mail, exactly as it was
 * received, as a download for staff who may see it (intake's readInboundMail decides: staff only,
 * and a ticket's mail only for staff who may see that ticket). Anyone else, signed in or not, gets
 * the same plain 404 as for an id that names nothing. Never rendered: `attachment`, `nosniff` and
 * a sandboxing CSP, so a hostile message cannot run in the app's origin.
 */
import type { Actor } from "../actor";
import { isStaff } from "../actor";
import { AppError } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { readInboundMail } from "../mail-intake";

const missing = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" } });

export async function originalMailResponse(id: string, actor: Actor | null, ctx: UseCaseContext): Promise<Response> {
  if (!actor || !isStaff(actor)) return missing();
  let mail: Awaited<ReturnType<typeof readInboundMail>>;
  try {
    mail = await readInboundMail({ actor, input: { id }, ctx });
  } catch (error) {
    // A malformed id (bad_request) names nothing either.
    if (error instanceof AppError && (error.code === "not_found" || error.code === "bad_request")) return missing();
    throw error;
  }
  return new Response(new Uint8Array(mail.raw), {
    status: 200,
    headers: {
      "content-type": "message/rfc822",
      "content-length": String(mail.raw.length),
      "content-disposition": `attachment; filename="${mail.id}.eml"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
}
