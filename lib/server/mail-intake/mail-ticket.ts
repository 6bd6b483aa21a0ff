import "server-only";
/**
 * What a mail does to tickets, inside the transaction that stores it: registers a new ticket at
 * the instant the mail server received it, or adds the sender's public reply to a ticket through
 * the same ticket actions as the portal (a reply to a ticket waiting for the customer resumes its
 * clock; a reply to a solved ticket within its confirmation window reopens it). A closed ticket
 * is reopened while its reopen window lasts — the same confirmation window (000 §5.8), counted
 * from when it was solved, so a customer who accepted early may still reopen it by mail, and a
 * ticket closed by silence has no window left — otherwise the reply becomes a new ticket linked
 * to the old one (followUpOfId).
 */
import { t } from "../../i18n";
import { toLocale } from "../../i18n/locales";
import type { DbClient } from "../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { saveAttachments, type NewAttachments } from "../attachments/save";
import { isClockEvent, lockTicket, recomputeResponseClock } from "../tickets/clock";
import { eventCarryingText, writtenEvents } from "../tickets/events";
import { registerTicketInTransaction } from "../tickets/register-ticket";
import { ACTIVE, addComment, event, lockedTicketSelect, setTicket, viaData, type ActionContext } from "../tickets/actions/action-context";
import { replyToTicket } from "../tickets/actions/reply-to-ticket";
import { reopenTicket } from "../tickets/actions/reopen-ticket";
import { senderActor, type Sender } from "./mail-sender";
import { stripQuoted } from "./strip-quoted";

const HOUR_MS = 3_600_000;
/** Intake later than this after the mail arrived re-stores the new ticket's clock as of now. */
const LATE_MS = 60_000;
const MAX_TITLE = 200;
const MAX_BODY = 20_000;
const MAX_REASON = 2_000;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export interface MailContent {
  subject: string;
  text: string;
}

export interface MailEffect {
  ticketId: string;
  eventId: bigint;
}

/** The text shown: the new words of the mail, with a note naming the files that were not kept. */
function shownText(sender: Sender, mail: MailContent, refused: readonly string[], fallback: string): string {
  const locale = toLocale(sender.locale);
  const text = stripQuoted(mail.text) || fallback;
  const note = refused.length ? `\n\n${t(locale, "mailIntake.refusedFiles", { names: refused.join(", ") })}` : "";
  return clip(text, MAX_BODY - note.length) + note;
}

/** A new ticket from the sender, registered at `receivedAt` (the clock starts then), channel EMAIL, the organisation's e-mail priority. */
export async function registerFromMail(
  tx: DbClient,
  input: { sender: Sender; mail: MailContent; receivedAt: Date; now: Date; attachments: NewAttachments; refused: readonly string[]; followUpOfId?: string },
): Promise<MailEffect> {
  const { sender, mail, receivedAt } = input;
  const title = clip(mail.subject || t(toLocale(sender.locale), "mailIntake.noSubject"), MAX_TITLE);
  const registered = await registerTicketInTransaction(tx, {
    actor: senderActor(sender),
    input: { title, description: shownText(sender, mail, input.refused, title), priority: sender.organization.defaultEmailPriority, channel: "EMAIL" },
    now: receivedAt,
    attachments: input.attachments,
  });
  if (input.followUpOfId) await tx.ticket.update({ where: { id: registered.ticketId }, data: { followUpOfId: input.followUpOfId } });
  // Registered as of its arrival. When intake was late (down for a while), the clock is stored as
  // of now too, so a target that ran out meanwhile shows at once (its timers fire at once anyway).
  if (input.now.getTime() - receivedAt.getTime() > LATE_MS) await recomputeResponseClock(tx, registered.ticketId, input.now);
  return registered;
}

/** The sender's reply to the ticket (or, past its reopen window, a follow-up ticket). */
export async function replyFromMail(
  tx: Prisma.TransactionClient,
  input: { ticketId: string; sender: Sender; mail: MailContent; receivedAt: Date; now: Date; attachments: NewAttachments; refused: readonly string[]; inboundMailId: string },
): Promise<MailEffect & { followUp: boolean }> {
  const { ticketId, sender } = input;
  await lockTicket(tx, ticketId);
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { ...lockedTicketSelect, solvedAt: true } });
  const last = await tx.ticketEvent.findFirst({ where: { ticketId }, orderBy: { id: "desc" }, select: { id: true, at: true } });
  // The reply happened when the mail arrived, but never before what the ticket already records.
  const at = last && last.at > input.receivedAt ? last.at : input.receivedAt;
  const windowEnd =
    ticket.status === "SOLVED"
      ? ticket.confirmationDueAt
      : ticket.status === "CLOSED" && ticket.solvedAt
        ? new Date(ticket.solvedAt.getTime() + ticket.organization.confirmationWindowHours * HOUR_MS)
        : null;
  const reopenable = ticket.status === "SOLVED" ? windowEnd === null || at < windowEnd : ticket.status === "CLOSED" && windowEnd !== null && at < windowEnd;
  if ((ticket.status === "SOLVED" || ticket.status === "CLOSED") && !reopenable) {
    const followUp = await registerFromMail(tx, { ...input, followUpOfId: ticketId });
    return { ...followUp, followUp: true };
  }

  const body = shownText(sender, input.mail, input.refused, clip(input.mail.subject, MAX_BODY) || "…");
  const c: ActionContext = { tx, actor: senderActor(sender), ticket, now: at, via: { channel: "EMAIL", inboundMailId: input.inboundMailId } };
  if (ACTIVE.includes(ticket.status)) {
    await replyToTicket(c, { type: "reply", body });
  } else {
    // Reopened with the reply as its reason; a reply too long for a reason follows in full.
    const reason = clip(body, MAX_REASON);
    if (ticket.status === "SOLVED") await reopenTicket(c, { type: "reopen", reason });
    else await reopenClosed(c, reason);
    if (reason !== body) await replyToTicket({ ...c, ticket: { ...ticket, status: "OPEN", confirmationDueAt: null } }, { type: "reply", body });
  }
  const written = await writtenEvents(tx, ticketId, last?.id ?? 0n);
  const target = eventCarryingText(written);
  if (!target) throw new Error("The reply wrote no event");
  if (input.attachments.files.length) await saveAttachments(tx, input.attachments, { ticketId, eventId: target.id, uploaderId: sender.id, visibility: "PUBLIC", at });
  // Only a reply that changed what the clock reads (a wait resumed) moves it; a plain reply leaves it as stored.
  if (written.some((e) => isClockEvent(e.type))) await recomputeResponseClock(tx, ticketId, input.now > at ? input.now : at);
  return { ticketId, eventId: target.id, followUp: false };
}

/** A closed ticket reopened by its customer's mail within the reopen window: open again, as the reopen action leaves a solved one. */
async function reopenClosed(c: ActionContext, reason: string): Promise<void> {
  const commentId = await addComment(c, "PUBLIC", reason);
  await event(c, "REOPENED", { commentId, body: reason, visibility: "PUBLIC", cause: "email_reply", ...viaData(c) });
  await setTicket(c, { status: "OPEN", solvedAt: null, closedAt: null, confirmationDueAt: null });
}
