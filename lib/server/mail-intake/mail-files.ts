import "server-only";
/**
 * The files of an e-mail (attachments and inline images) made ready to join its ticket, with the
 * same checks as an upload (attachments/spool.ts: size, type from the bytes, the virus scanner).
 * A refused file is left out and named; the mail itself is never refused for it (its raw bytes
 * are kept in InboundMail).
 */
import { Readable } from "node:stream";
import { attachmentConfig } from "../attachments/config";
import { AttachmentRefused } from "../attachments/errors";
import { scanFile } from "../attachments/scan";
import { discard, spoolFile, type SpooledFile } from "../attachments/spool";
import type { MailFile } from "./parse-mail";

export interface MailFiles {
  files: SpooledFile[];
  /** Names of the files left out (too large, blocked type, infected, past the number allowed). */
  refused: string[];
}

export async function spoolMailFiles(mailFiles: readonly MailFile[]): Promise<MailFiles> {
  const config = attachmentConfig();
  const files: SpooledFile[] = [];
  const refused: string[] = [];
  try {
    for (const file of mailFiles) {
      if (files.length >= config.limits.maxFiles) {
        refused.push(file.name);
        continue;
      }
      try {
        const spooled = await spoolFile(Readable.from([file.content]), file.name, config.limits);
        try {
          files.push(await scanFile(config.clamdSocket, spooled));
        } catch (error) {
          await discard([spooled]);
          throw error;
        }
      } catch (error) {
        if (!(error instanceof AttachmentRefused)) throw error;
        refused.push(file.name);
      }
    }
  } catch (error) {
    await discard(files);
    throw error;
  }
  return { files, refused };
}
