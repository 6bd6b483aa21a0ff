import "server-only";
/**
 * One incoming e-mail taken in, exactly once: stored raw (InboundMail) and its effect (a new
 * ticket, a reply, a bounce, an unknown sender waiting for an agent, or ignored) in one transaction.
 */
import type { InboundMailStatus } from "../../generated/prisma/enums";
import type { UseCaseContext } from "../tickets/context";
import type { IncomingMail } from "./incoming-mail";

export interface IngestOutcome {
  /** What became of the mail; DUPLICATE when it was taken in before (same mailbox+UIDVALIDITY+UID, or same Message-ID): nothing was written. */
  status: InboundMailStatus | "DUPLICATE";
  inboundMailId: string | null;
  ticketId: string | null;
}

export async function ingestMail(ctx: UseCaseContext, mail: IncomingMail): Promise<IngestOutcome> {
  void ctx;
  void mail;
  throw new Error("ingestMail: not implemented yet");
}
