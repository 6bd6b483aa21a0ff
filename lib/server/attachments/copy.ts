import "server-only";
/**
 * A file already kept joins another ticket as a new Attachment row pointing at the same stored
 * object (the bytes are content-addressed by SHA-256, so nothing is stored again): a merged
 * duplicate's files on the target, a parent's public reply files on its children. Each row is its
 * own: who may download it is judged by the ticket and visibility of that row (download.ts), never
 * by the stored object it shares.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { AttachmentVisibility } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";

/** What a copy carries over from the row it copies: the stored object and what was found of it. */
export const keptFileSelect = { uploaderId: true, name: true, size: true, contentType: true, sha256: true, store: true, scanResult: true } satisfies Prisma.AttachmentSelect;
export type KeptFile = Prisma.AttachmentGetPayload<{ select: typeof keptFileSelect }>;

/** New rows on `link.ticketId`, each joined to its event there, in the caller's transaction. */
export async function copyAttachments(tx: DbClient, copies: ReadonlyArray<{ file: KeptFile; eventId: bigint }>, link: { ticketId: string; visibility: AttachmentVisibility; at: Date }): Promise<void> {
  if (copies.length === 0) return;
  await tx.attachment.createMany({
    data: copies.map(({ file, eventId }) => ({
      ticketId: link.ticketId,
      eventId,
      uploaderId: file.uploaderId,
      name: file.name,
      size: file.size,
      contentType: file.contentType,
      sha256: file.sha256,
      store: file.store,
      visibility: link.visibility,
      scanResult: file.scanResult,
      createdAt: link.at,
    })),
  });
}
