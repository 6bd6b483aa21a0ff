import "server-only";
/**
 * One incoming e-mail taken in, exactly once. In one transaction the InboundMail row (raw bytes,
 * keys mailbox + UIDVALIDITY + UID and Message-ID, both unique) is inserted FIRST, with ON CONFLICT
 * DO NOTHING: a second worker with the same message waits on the unique index until the first
 * commits, then finds it taken and writes nothing (DUPLICATE). Then the mail's effect — a new
 * ticket, a reply, a bounce recorded, an unknown sender left for an agent, or nothing (loop and
 * abuse protection) — and the row's status, in the same transaction: a crash before the commit
 * leaves nothing, so the mail is read again.
 *
 * A mail whose effect is refused by the ticket rules (e.g. a ticket changed under it) is kept
 * for an agent as UNKNOWN_SENDER with reason "not_processed"; other errors (the database gone, a
 * bug) are thrown, and the caller retries the mail later. The IMAP intake sets a mail aside the
 * same way (keepForAgent, reason "ingest_failed") once ingest has thrown on it a fixed number of
 * times (imap/take-new-mail.ts).
 */
import type { InboundMailStatus } from "../../generated/prisma/enums";
import { readEnv } from "../../config/env";
import { TRANSACTION_OPTIONS, type DbClient } from "../db/prisma";
import { AppError } from "../errors";
import { configuredStore } from "../attachments/store";
import { discard } from "../attachments/spool";
import type { UseCaseContext } from "../tickets/context";
import { isStaff } from "../actor";
import type { IncomingMail } from "./incoming-mail";
import { parseMail, type ParsedMail } from "./parse-mail";
import { addressOf, classifyMail } from "./classify";
import { readBounce, recordBounce } from "./bounce";
import { findThread } from "./thread";
import { createMailUser, findSender, organizationForAddress, senderActor, type Sender } from "./mail-sender";
import { registerFromMail, replyFromMail } from "./mail-ticket";
import { registrationRefusal } from "../tickets/register-ticket";
import { CONTACT_PERSON_REQUIRED } from "../tickets/registration-rule";
import { spoolMailFiles, type MailFiles } from "./mail-files";
import type { Prisma } from "../../generated/prisma/client";

export interface IngestOutcome {
  /** What became of the mail; DUPLICATE when it was taken in before (same mailbox+UIDVALIDITY+UID, or same Message-ID): nothing was written. */
  status: InboundMailStatus | "DUPLICATE";
  inboundMailId: string | null;
  ticketId: string | null;
}

interface Effect {
  status: InboundMailStatus;
  reason?: string | null;
  organizationId?: string | null;
  senderId?: string | null;
  ticketId?: string | null;
  eventId?: bigint | null;
}

const MINUTE_MS = 60_000;
const DUPLICATE: IngestOutcome = { status: "DUPLICATE", inboundMailId: null, ticketId: null };

/** MAIL_FROM's address and every mailbox's: mail from them is our own. */
async function ownAddresses(db: DbClient, mailFrom: string): Promise<Set<string>> {
  const mailboxes = await db.mailbox.findMany({ select: { address: true } });
  return new Set([addressOf(mailFrom), ...mailboxes.map((m) => m.address.toLowerCase())]);
}

/** Inserts the row unless the message is already taken in; null when it is. */
async function claim(tx: Prisma.TransactionClient, mail: IncomingMail, parsed: ParsedMail, status: InboundMailStatus): Promise<string | null> {
  const rows = await tx.inboundMail.createManyAndReturn({
    data: [
      {
        mailboxId: mail.mailboxId,
        uidValidity: mail.uidValidity,
        uid: mail.uid,
        messageId: parsed.messageId,
        receivedAt: mail.receivedAt,
        sentAt: parsed.sentAt,
        fromAddress: parsed.fromAddress,
        fromName: parsed.fromName,
        toAddresses: parsed.toAddresses,
        ccAddresses: parsed.ccAddresses,
        subject: parsed.subject,
        references: parsed.references,
        raw: new Uint8Array(mail.raw),
        status,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  return rows[0]?.id ?? null;
}

/** Whether the sender already sent MAIL_MAX_PER_SENDER_PER_MINUTE messages in the minute before this one arrived. */
async function rateLimited(tx: DbClient, inboundMailId: string, fromAddress: string, receivedAt: Date, max: number): Promise<boolean> {
  const earlier = await tx.inboundMail.count({
    where: { fromAddress, receivedAt: { gt: new Date(receivedAt.getTime() - MINUTE_MS), lte: receivedAt }, id: { not: inboundMailId } },
  });
  return earlier >= max;
}

/** The text of a bounce: its body and the parts a delivery report carries, without its own headers. */
function bounceText(raw: Buffer, parsed: ParsedMail): string {
  const text = raw.toString("utf8");
  const body = text.slice(Math.max(0, text.search(/\r?\n\r?\n/)));
  return `${body}\n${parsed.text}\n${parsed.embedded}`;
}

async function effectOf(tx: Prisma.TransactionClient, ctx: UseCaseContext, mail: IncomingMail, parsed: ParsedMail, inboundMailId: string, files: MailFiles, own: Set<string>): Promise<Effect> {
  const env = readEnv();
  const classification = classifyMail(parsed, own);
  if (classification?.status === "BOUNCE") {
    const report = readBounce(bounceText(mail.raw, parsed), parsed.references);
    // The server's words go to the notification and the user; the mail keeps the kind of bounce.
    await recordBounce(tx, report, mail.receivedAt);
    return { status: "BOUNCE", reason: classification.reason };
  }
  if (classification) return { status: "IGNORED", reason: classification.reason };
  // Nobody to answer, but not dropped: an agent sees it (and may reject it).
  if (!parsed.fromAddress) return { status: "UNKNOWN_SENDER", reason: "no_sender" };
  if (await rateLimited(tx, inboundMailId, parsed.fromAddress, mail.receivedAt, env.MAIL_MAX_PER_SENDER_PER_MINUTE)) return { status: "IGNORED", reason: "rate_limited" };

  let sender: Sender | null = await findSender(tx, parsed.fromAddress);
  if (sender && isStaff(senderActor(sender))) return { status: "IGNORED", reason: "staff_sender", senderId: sender.id };
  if (sender && (sender.deactivatedAt || sender.organization.deactivatedAt || sender.organization.isProvider)) {
    return { status: "UNKNOWN_SENDER", reason: "sender_deactivated", senderId: sender.id, organizationId: sender.organizationId };
  }
  if (!sender) {
    const organization = await organizationForAddress(tx, parsed.fromAddress, mail.mailboxId);
    if (!organization) return { status: "UNKNOWN_SENDER", reason: "unknown_sender" };
    // A new user is no contact person: an organisation that requires one leaves the mail to an agent.
    if (organization.contactPersonLimit !== null) return { status: "UNKNOWN_SENDER", reason: CONTACT_PERSON_REQUIRED, organizationId: organization.id };
    sender = await createMailUser(tx, { organizationId: organization.id, address: parsed.fromAddress, name: parsed.fromName, at: mail.receivedAt });
  }
  return effectForSender(tx, ctx, mail, parsed, inboundMailId, files, sender);
}

/** A known, active customer's mail: a reply to the ticket it threads to, else a new ticket. */
async function effectForSender(
  tx: Prisma.TransactionClient,
  ctx: UseCaseContext,
  mail: Pick<IncomingMail, "receivedAt">,
  parsed: ParsedMail,
  inboundMailId: string,
  files: MailFiles,
  sender: Sender,
): Promise<Effect> {
  const attachments = { files: files.files, store: configuredStore() };
  const common = { sender, mail: parsed, receivedAt: mail.receivedAt, now: ctx.now(), attachments, refused: files.refused };
  const who = { senderId: sender.id, organizationId: sender.organizationId };
  const thread = await findThread(tx, parsed, sender);
  if (thread) {
    const reply = await replyFromMail(tx, { ...common, ticketId: thread.ticketId, inboundMailId });
    return { status: reply.followUp ? "TICKET" : "REPLY", ticketId: reply.ticketId, eventId: reply.eventId, ...who };
  }
  if (sender.organization.contactPersonLimit !== null && (await registrationRefusal({ prisma: tx }, sender.id))) return { status: "UNKNOWN_SENDER", reason: CONTACT_PERSON_REQUIRED, ...who };
  const registered = await registerFromMail(tx, common);
  return { status: "TICKET", ticketId: registered.ticketId, eventId: registered.eventId, ...who };
}

export async function ingestMail(ctx: UseCaseContext, mail: IncomingMail): Promise<IngestOutcome> {
  const parsed = await parseMail(mail.raw);
  const own = await ownAddresses(ctx.prisma, readEnv().MAIL_FROM);
  const files = classifyMail(parsed, own) ? { files: [], refused: [] } : await spoolMailFiles(parsed.files);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const id = await claim(tx, mail, parsed, "IGNORED");
      if (!id) return DUPLICATE;
      const effect = await effectOf(tx, ctx, mail, parsed, id, files, own);
      await tx.inboundMail.update({ where: { id }, data: effect });
      return { status: effect.status, inboundMailId: id, ticketId: effect.ticketId ?? null };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.warn(`mail intake: ${parsed.messageId} kept for an agent, its effect was refused: ${error.message}`);
    // Refused by a rule: kept for an agent, never lost.
    return keepForAgent(ctx, mail, "not_processed", parsed);
  } finally {
    await discard(files.files);
  }
}

/**
 * Why a mail is kept for an agent without its effect: refused by the ticket rules
 * (not_processed), or set aside by the intake after ingest threw on it again and again
 * (ingest_failed). Labels: mailIntake.reason.*.
 */
export type KeptReason = "not_processed" | "ingest_failed";

/**
 * Keeps a mail for an agent in the "ukjent avsender" list (UNKNOWN_SENDER) with nothing done: its
 * raw bytes, and its sender and their organisation when it comes from a known user. Exactly once,
 * like ingest (DUPLICATE when it was taken in already); a failure (the database gone) is thrown
 * and leaves nothing.
 */
export async function keepForAgent(ctx: UseCaseContext, mail: IncomingMail, reason: KeptReason, parsed?: ParsedMail): Promise<IngestOutcome> {
  const read = parsed ?? (await parseMail(mail.raw));
  return ctx.prisma.$transaction(async (tx) => {
    const id = await claim(tx, mail, read, "UNKNOWN_SENDER");
    if (!id) return DUPLICATE;
    const sender = read.fromAddress ? await findSender(tx, read.fromAddress) : null;
    await tx.inboundMail.update({ where: { id }, data: { reason, senderId: sender?.id ?? null, organizationId: sender?.organizationId ?? null } });
    return { status: "UNKNOWN_SENDER" as const, inboundMailId: id, ticketId: null };
  }, TRANSACTION_OPTIONS);
}
