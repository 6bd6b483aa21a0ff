import "server-only";
/**
 * An agent decides an e-mail that waits in the "ukjent avsender" list: assign it to a customer
 * organisation (its sender becomes a user there if they are not one, without a password, and the
 * ticket is registered at the instant the mail arrived), or reject it. Staff only; audited; a mail
 * already decided (or not waiting) is a conflict, so two agents cannot both decide it.
 *
 * A mail may wait here because intake itself failed on it (reason ingest_failed): registering its
 * ticket may fail again. That is logged and refused as unprocessable ("not_registered"), with
 * nothing written, so the agent is told and the mail keeps waiting (to be rejected, or tried again).
 */
import { z } from "zod";
import { STAFF_ROLES, type Actor } from "../actor";
import { AppError, conflict, notFound, unprocessable } from "../errors";
import { parseInput } from "../validation";
import { TRANSACTION_OPTIONS, type DbClient } from "../db/prisma";
import { writeAudit } from "../audit/write-audit";
import { discard } from "../attachments/spool";
import { configuredStore } from "../attachments/store";
import { requireRole } from "../tickets/scope";
import type { UseCaseContext } from "../tickets/context";
import { parseMail } from "./parse-mail";
import { spoolMailFiles } from "./mail-files";
import { createMailUser, findSender } from "./mail-sender";
import { registerFromMail } from "./mail-ticket";

export const AssignUnknownSenderSchema = z.object({ inboundMailId: z.uuid(), organizationId: z.uuid() });
export type AssignUnknownSenderInput = z.infer<typeof AssignUnknownSenderSchema>;
export const RejectUnknownSenderSchema = z.object({ inboundMailId: z.uuid() });
export type RejectUnknownSenderInput = z.infer<typeof RejectUnknownSenderSchema>;

/** Locks the waiting mail for the decision; not found for a mail that does not exist, conflict for one already decided. */
async function lockWaiting(tx: DbClient, id: string) {
  await tx.$queryRaw`select 1 from "InboundMail" where "id" = ${id}::uuid for update`;
  const mail = await tx.inboundMail.findUnique({ where: { id }, select: { id: true, status: true, fromAddress: true, fromName: true, subject: true, receivedAt: true } });
  if (!mail) throw notFound("Mail");
  if (mail.status !== "UNKNOWN_SENDER") throw conflict(`This e-mail is no longer waiting for a decision (${mail.status.toLowerCase()})`);
  return mail;
}

export async function assignUnknownSenderMail({ actor, input: raw, ctx }: { actor: Actor; input: AssignUnknownSenderInput; ctx: UseCaseContext }): Promise<{ ticketId: string }> {
  requireRole(actor, STAFF_ROLES, "Mail");
  const input = parseInput(AssignUnknownSenderSchema, raw);
  const stored = await ctx.prisma.inboundMail.findUnique({ where: { id: input.inboundMailId }, select: { raw: true } });
  if (!stored) throw notFound("Mail");
  try {
    return await registerStoredMail({ actor, input, ctx, raw: Buffer.from(stored.raw) });
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error(`[mail-intake] e-mail ${input.inboundMailId} could not be registered as a ticket, it keeps waiting for a decision: ${error instanceof Error ? error.message : String(error)}`);
    throw unprocessable("The ticket could not be registered from this e-mail; it still waits for a decision", { inboundMailId: ["not_registered"] });
  }
}

async function registerStoredMail({ actor, input, ctx, raw }: { actor: Actor; input: AssignUnknownSenderInput; ctx: UseCaseContext; raw: Buffer }): Promise<{ ticketId: string }> {
  const parsed = await parseMail(raw);
  const files = await spoolMailFiles(parsed.files);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const mail = await lockWaiting(tx, input.inboundMailId);
      const organization = await tx.organization.findFirst({ where: { id: input.organizationId, isProvider: false, deactivatedAt: null }, select: { id: true } });
      if (!organization) throw unprocessable("No active customer organisation with that id", { organizationId: ["unknown"] });
      if (!mail.fromAddress) throw unprocessable("The e-mail has no sender address to register the ticket for");
      let sender = await findSender(tx, mail.fromAddress);
      if (sender && sender.organizationId !== organization.id) throw unprocessable("The sender is a user of another organisation", { organizationId: ["other_organization"] });
      if (sender && sender.deactivatedAt) throw unprocessable("The sender's user is deactivated", { organizationId: ["sender_deactivated"] });
      sender ??= await createMailUser(tx, { organizationId: organization.id, address: mail.fromAddress, name: mail.fromName, at: ctx.now() });
      const registered = await registerFromMail(tx, {
        sender,
        mail: parsed,
        receivedAt: mail.receivedAt,
        now: ctx.now(),
        attachments: { files: files.files, store: configuredStore() },
        refused: files.refused,
      });
      await tx.inboundMail.update({
        where: { id: mail.id },
        data: { status: "TICKET", ticketId: registered.ticketId, eventId: registered.eventId, organizationId: organization.id, senderId: sender.id, decidedById: actor.userId, decidedAt: ctx.now() },
      });
      await writeAudit(tx, ctx, {
        actor,
        organizationId: organization.id,
        action: "mail.unknown_sender.assigned",
        targetType: "InboundMail",
        targetId: mail.id,
        after: { from: mail.fromAddress, subject: mail.subject, ticketId: registered.ticketId, senderId: sender.id },
      });
      return { ticketId: registered.ticketId };
    }, TRANSACTION_OPTIONS);
  } finally {
    await discard(files.files);
  }
}

export async function rejectUnknownSenderMail({ actor, input: raw, ctx }: { actor: Actor; input: RejectUnknownSenderInput; ctx: UseCaseContext }): Promise<void> {
  requireRole(actor, STAFF_ROLES, "Mail");
  const input = parseInput(RejectUnknownSenderSchema, raw);
  await ctx.prisma.$transaction(async (tx) => {
    const mail = await lockWaiting(tx, input.inboundMailId);
    await tx.inboundMail.update({ where: { id: mail.id }, data: { status: "REJECTED", decidedById: actor.userId, decidedAt: ctx.now() } });
    await writeAudit(tx, ctx, {
      actor,
      organizationId: null,
      action: "mail.unknown_sender.rejected",
      targetType: "InboundMail",
      targetId: mail.id,
      after: { from: mail.fromAddress, subject: mail.subject },
    });
  }, TRANSACTION_OPTIONS);
}
