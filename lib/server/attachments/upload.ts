import "server-only";
/**
 * What a ticket route reads: a JSON body exactly as before, or a multipart/form-data body whose
 * text fields are the same input and whose `files` are spooled within the limits (multipart.ts).
 * `cleanup` removes the spooled files once the use case has stored them (or refused).
 */
import { attachmentConfig, type AttachmentConfig } from "./config";
import { isMultipart, readMultipart } from "./multipart";
import type { NewAttachments } from "./save";
import { discard } from "./spool";
import { configuredStore } from "./store";

export interface TicketUpload {
  input: unknown;
  attachments: NewAttachments | undefined;
  cleanup: () => Promise<void>;
}

/** Form fields are text; the few flags of the actions arrive as "true"/"false". */
const BOOLEAN_FIELDS = new Set(["assignToMe"]);
const inputOf = (fields: Record<string, string>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, BOOLEAN_FIELDS.has(name) && (value === "true" || value === "false") ? value === "true" : value]));

export async function readTicketUpload(request: Request, json: () => Promise<unknown>, config: AttachmentConfig = attachmentConfig()): Promise<TicketUpload> {
  if (!isMultipart(request)) return { input: await json(), attachments: undefined, cleanup: async () => {} };
  const { fields, files } = await readMultipart(request, config);
  return { input: inputOf(fields), attachments: { files, store: configuredStore(config) }, cleanup: () => discard(files) };
}
