import "server-only";
/** An attachment as the API and the pages show it: `{id, name, size, contentType, url}`. */
import type { Prisma } from "../../generated/prisma/client";

export interface AttachmentView {
  id: string;
  name: string;
  size: number;
  contentType: string;
  /** Where the REST API downloads it (the pages link to /vedlegg/:id with the session). */
  url: string;
}

export const attachmentViewSelect = { id: true, name: true, size: true, contentType: true } satisfies Prisma.AttachmentSelect;
export type AttachmentViewRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentViewSelect }>;

export const attachmentUrl = (id: string): string => `/api/v1/attachments/${id}`;

export const toAttachmentView = (row: AttachmentViewRow): AttachmentView => ({ id: row.id, name: row.name, size: row.size, contentType: row.contentType, url: attachmentUrl(row.id) });

/** Attachments in the order they were added. */
export const attachmentOrder = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.AttachmentOrderByWithRelationInput[];
