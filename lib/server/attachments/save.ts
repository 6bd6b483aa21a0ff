import "server-only";
/**
 * Files join a ticket inside the use case's transaction: the bytes go to the store (for
 * PostgreSQL, in the same transaction), then one Attachment row links each file to its ticket and
 * event. If the transaction fails after this, no row exists, so nothing is listed or served.
 * Returns the rows as the views show them, in the order they were added.
 */
import type { AttachmentVisibility } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";
import type { AttachmentStore } from "./store";
import type { SpooledFile } from "./spool";
import { attachmentViewSelect, type AttachmentViewRow } from "./view";

export interface NewAttachments {
  files: readonly SpooledFile[];
  store: AttachmentStore;
}

export async function saveAttachments(
  tx: DbClient,
  attachments: NewAttachments,
  link: { ticketId: string; eventId: bigint; uploaderId: string; visibility: AttachmentVisibility; at: Date },
): Promise<AttachmentViewRow[]> {
  const saved: AttachmentViewRow[] = [];
  for (const file of attachments.files) {
    await attachments.store.put(tx, file);
    const row = await tx.attachment.create({
      data: {
        ticketId: link.ticketId,
        eventId: link.eventId,
        uploaderId: link.uploaderId,
        visibility: link.visibility,
        name: file.name,
        size: file.size,
        contentType: file.contentType,
        sha256: file.sha256,
        store: attachments.store.kind,
        scanResult: file.scanResult,
        createdAt: link.at,
      },
      select: attachmentViewSelect,
    });
    saved.push(row);
  }
  return saved;
}
