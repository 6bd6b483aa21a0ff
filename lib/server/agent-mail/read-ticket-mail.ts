import "server-only";
/**
 * What the agent's ticket page shows of how each message came (issue 17): the channel of every
 * message in the timeline (Portal, E-mail, Phone, API) and, for one that came by e-mail, its
 * sender and recipients from intake's record of it (listTicketMail; never the raw bytes: that is
 * the download's job), keyed by the timeline event it became; and whether the requester's address
 * bounces our mail. Staff only, on a ticket they may see; anyone else gets the same 404 as for no
 * ticket.
 */
import type { Channel } from "../../generated/prisma/enums";
import { isStaff, type Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { requireVisibleTicketId } from "../tickets/scope";
import { listTicketMail, type InboundMailMeta } from "../mail-intake";

export interface MailHeaders {
  /** The InboundMail's id: the original message's download is /arbeid/epost/<id>. */
  id: string;
  fromAddress: string;
  fromName: string | null;
  to: string[];
  cc: string[];
  subject: string;
  receivedAt: string;
}

export interface MessageSource {
  channel: Channel;
  mail: MailHeaders | null;
}

export interface TicketMail {
  /** By timeline event id: the channel of each message, and the e-mail it came as. */
  sources: Record<string, MessageSource>;
  requester: { name: string; email: string; bouncingAt: string | null; bounceReason: string | null };
}

const mailHeaders = (m: InboundMailMeta): MailHeaders => ({
  id: m.id,
  fromAddress: m.fromAddress,
  fromName: m.fromName,
  to: m.toAddresses,
  cc: m.ccAddresses,
  subject: m.subject,
  receivedAt: m.receivedAt,
});

export async function readTicketMail({ actor, input, ctx }: { actor: Actor; input: { ticketId: string }; ctx: UseCaseContext }): Promise<TicketMail> {
  if (!isStaff(actor)) throw notFound();
  const ticketId = await requireVisibleTicketId(ctx.prisma, actor, input.ticketId);
  const [ticket, events, comments, mails] = await Promise.all([
    ctx.prisma.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { channel: true, requester: { select: { name: true, email: true, emailBouncingAt: true, emailBounceReason: true } } } }),
    ctx.prisma.ticketEvent.findMany({ where: { ticketId }, orderBy: { id: "asc" }, select: { id: true, type: true, data: true } }),
    ctx.prisma.comment.findMany({ where: { ticketId }, select: { id: true, channel: true } }),
    listTicketMail({ actor, input: { ticketId }, ctx }),
  ]);
  const channelOfComment = new Map(comments.map((c) => [c.id, c.channel]));
  const mailById = new Map(mails.map((m) => [m.id, m]));
  const mailByEvent = new Map(mails.flatMap((m) => (m.eventId === null ? [] : [[m.eventId, m] as const])));
  // A ticket that came by e-mail: its first mail is the registration's, whatever event it names.
  const firstMail = ticket.channel === "EMAIL" ? mails[0] : undefined;

  const sources: Record<string, MessageSource> = {};
  for (const e of events) {
    const id = e.id.toString();
    const data = (e.data ?? {}) as Record<string, unknown>;
    const byData = typeof data.inboundMailId === "string" ? mailById.get(data.inboundMailId) : undefined;
    const mail = byData ?? mailByEvent.get(id) ?? (e.type === "REGISTERED" ? firstMail : undefined);
    const commentChannel = typeof data.commentId === "string" ? channelOfComment.get(data.commentId) : undefined;
    const channel: Channel | undefined = mail ? "EMAIL" : e.type === "REGISTERED" ? ticket.channel : commentChannel;
    if (channel) sources[id] = { channel, mail: mail ? mailHeaders(mail) : null };
  }
  const r = ticket.requester;
  return { sources, requester: { name: r.name, email: r.email, bouncingAt: r.emailBouncingAt?.toISOString() ?? null, bounceReason: r.emailBounceReason } };
}
