import "server-only";
/**
 * Files sent with a portal or agent form (the `files` field of a server action): each goes through
 * the same spooling as the API's (limits, type from the bytes, scan), from the File Next.js parsed.
 * Empty parts are not files: an empty file input sends one.
 */
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { attachmentConfig, type AttachmentConfig } from "./config";
import { AttachmentRefused } from "./errors";
import type { NewAttachments } from "./save";
import { scanFile } from "./scan";
import { discard, spoolFile, type SpooledFile } from "./spool";
import { configuredStore } from "./store";

export async function attachmentsFromForm(form: FormData, config: AttachmentConfig = attachmentConfig()): Promise<NewAttachments | undefined> {
  // An empty file input still sends one empty part (Next.js names it "undefined"): no file chosen.
  const chosen = form.getAll("files").filter((f): f is File => typeof f !== "string" && f.size > 0);
  if (chosen.length === 0) return undefined;
  if (chosen.length > config.limits.maxFiles) throw new AttachmentRefused("attachments.refused.tooMany", { maxFiles: config.limits.maxFiles });
  const files: SpooledFile[] = [];
  try {
    for (const file of chosen) {
      const spooled = await spoolFile(Readable.fromWeb(file.stream() as NodeReadableStream<Uint8Array>), file.name, config.limits);
      files.push(spooled);
      files[files.length - 1] = await scanFile(config.clamdSocket, spooled);
    }
  } catch (error) {
    await discard(files);
    throw error;
  }
  return { files, store: configuredStore(config) };
}

/** Runs `use` with the form's files, and removes their temporary copies afterwards. */
export async function withFormAttachments<R>(form: FormData, use: (attachments: NewAttachments | undefined) => Promise<R>): Promise<R> {
  const attachments = await attachmentsFromForm(form);
  try {
    return await use(attachments);
  } finally {
    if (attachments) await discard(attachments.files);
  }
}
