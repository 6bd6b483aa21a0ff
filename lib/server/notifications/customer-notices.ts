import "server-only";
/**
 * Telling the customer what happens to their ticket (issue 17, 000 §5 "holdes orientert"): the
 * one helper every producer of a customer notice calls, inside its own transaction, after it has
 * written the event the notice is about. It goes to the ticket's requester by e-mail, once per
 * event (the key names the ticket's latest event). Not to the person who did it themselves (a
 * requester who accepts a solution is not told it closed). A notice the requester turned off is
 * dropped by writeNotifications (the one place that filters muted notices).
 *
 * Customer admins: no agreement field says that an organisation's customer admins are to get the
 * solved/closed/on-call notices, so they go to the requester only.
 *
 * Callers pass only what the customer may read: the public text of the action (a reply, the
 * message sent with a wait, the solution, the priority change's reason), never an internal note or
 * the agents' reason for waiting.
 */
import type { DbClient } from "../db/prisma";
import { customerNoticeKey } from "../escalation/keys";
import type { CustomerNotice } from "./notice-kinds";
import type { TemplatePayload } from "./templates";
import { byEmail, notificationRows, writeNotifications } from "./write-notifications";

/** A notice's payload without the ticket's reference and title, which the helper reads itself. */
export type NoticeFields<T extends CustomerNotice> = Omit<TemplatePayload<T>, "reference" | "title">;

export async function noticeToRequester<T extends Exclude<CustomerNotice, "ticket-receipt">>(
  tx: DbClient,
  n: {
    ticketId: string;
    template: T;
    fields: NoticeFields<T>;
    /** Who did it (null: the system); they are not told about their own action. */
    actorId: string | null;
    now: Date;
    /** The notice's key for a recipient; default: once per (template, ticket's latest event, person). */
    key?: (userId: string) => string;
  },
): Promise<number> {
  const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: n.ticketId }, select: { reference: true, title: true, requesterId: true } });
  if (ticket.requesterId === n.actorId) return 0;
  let key = n.key;
  if (!key) {
    const last = await tx.ticketEvent.findFirst({ where: { ticketId: n.ticketId }, orderBy: { id: "desc" }, select: { id: true } });
    const eventId = last?.id ?? 0n;
    key = (userId) => customerNoticeKey(n.template, n.ticketId, eventId, userId);
  }
  const payload = { reference: ticket.reference, title: ticket.title, ...n.fields } as unknown as TemplatePayload<T>;
  return writeNotifications(tx, notificationRows({ template: n.template, ticketId: n.ticketId, payload, to: [byEmail(ticket.requesterId, key(ticket.requesterId))] }), n.now);
}
