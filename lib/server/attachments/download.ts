import "server-only";
/**
 * Downloading an attachment: found only through the ticket's tenancy (scope.ts) and, for a
 * customer's user, only when it is public; anything else is 404, whether it exists or not. The
 * answer is safe to serve: `attachment` except for png/jpeg/gif/webp, `nosniff`, no HTML or SVG
 * ever inline, and a sandboxing CSP.
 */
import type { Readable } from "node:stream";
import { isStaff, type Actor } from "../actor";
import { AppError, notFound } from "../errors";
import { UUID, visibleTicketsWhere } from "../tickets/scope";
import type { UseCaseContext } from "../tickets/context";
import { INLINE_IMAGE_TYPES } from "./file-types";
import { storeOf } from "./store";

export interface OpenedAttachment {
  name: string;
  size: number;
  contentType: string;
  body: Readable;
}

export async function openAttachment({ actor, id, ctx }: { actor: Actor; id: string; ctx: UseCaseContext }): Promise<OpenedAttachment> {
  if (!UUID.test(id)) throw notFound("Attachment");
  const row = await ctx.prisma.attachment.findFirst({
    where: { id, ticket: visibleTicketsWhere(actor), ...(isStaff(actor) ? {} : { visibility: "PUBLIC" as const }) },
    select: { name: true, size: true, contentType: true, sha256: true, store: true },
  });
  if (!row) throw notFound("Attachment");
  const body = await storeOf(row.store)?.open(ctx.prisma, row.sha256);
  if (!body) throw notFound("Attachment");
  return { name: row.name, size: row.size, contentType: row.contentType, body };
}

/** `filename` for old clients (ASCII), `filename*` for the real name. */
const disposition = (kind: "inline" | "attachment", name: string) => `${kind}; filename="${name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function attachmentResponse(file: OpenedAttachment): Response {
  const inline = INLINE_IMAGE_TYPES.has(file.contentType);
  const headers = new Headers({
    "content-type": /html|svg|xml|script/i.test(file.contentType) ? "application/octet-stream" : file.contentType,
    "content-length": String(file.size),
    "content-disposition": disposition(inline ? "inline" : "attachment", file.name),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, no-cache",
  });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for await (const chunk of file.body) controller.enqueue(chunk as Uint8Array);
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
    cancel() {
      file.body.destroy();
    },
  });
  return new Response(stream, { status: 200, headers });
}

/**
 * GET /vedlegg/:id for the pages (thumbnails and links in the timeline): the same check and
 * headers with the signed-in session instead of a token; anything not visible is a plain 404.
 */
export async function sessionAttachmentResponse(id: string, actor: Actor | null, ctx: UseCaseContext): Promise<Response> {
  const missing = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
  if (!actor) return missing();
  try {
    return attachmentResponse(await openAttachment({ actor, id, ctx }));
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return missing();
    throw error;
  }
}
