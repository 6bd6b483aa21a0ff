/** TEMPORARY until ingestMail lands: stores the InboundMail row only, DUPLICATE on either unique key. */
import { createHash } from "node:crypto";
import { Prisma, type PrismaClient } from "../../lib/generated/prisma/client";
import type { IncomingMail } from "../../lib/server/mail-intake/incoming-mail";

export function tempIngest(prisma: PrismaClient) {
  return async (mail: IncomingMail) => {
    const head = mail.raw.toString("utf8").split(/\r?\n\r?\n/)[0] ?? "";
    const messageId = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `<${createHash("sha256").update(mail.raw).digest("hex")}@inbound.invalid>`;
    const from = /^from:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? "";
    try {
      const row = await prisma.inboundMail.create({
        data: {
          mailboxId: mail.mailboxId,
          uidValidity: mail.uidValidity,
          uid: mail.uid,
          messageId,
          receivedAt: mail.receivedAt,
          fromAddress: from,
          raw: new Uint8Array(mail.raw),
          status: "IGNORED",
          reason: "temp",
        },
      });
      return { status: "IGNORED", inboundMailId: row.id, ticketId: null };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { status: "DUPLICATE", inboundMailId: null, ticketId: null };
      throw error;
    }
  };
}
