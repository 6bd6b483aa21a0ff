import "server-only";
/**
 * A customer's user (or staff on their behalf, e.g. a phone call) registers a ticket: it gets a
 * human reference, is measured against the agreement version in force now, its response clock
 * starts, and the requester gets a receipt with time and reference (000 §5.2). A P1 is escalated
 * at once (000 §5.5). An organisation whose agreement restricts registration to its contact
 * persons (a contact person limit, Pureservice 003) refuses anyone else with `forbidden` (403) and
 * nothing is written — whoever registers: the portal, the REST API, or staff on the user's behalf.
 */
import { CUSTOMER_ROLES, isStaff, type Actor } from "../actor";
import { AppError, unprocessable } from "../errors";
import { loadAgreementVersionInForce } from "../db/agreements";
import type { UseCaseContext } from "./context";
import { appendEvent } from "./events";
import { nextReference } from "./reference";
import { startResponseClock, type StoredClock } from "./clock";
import { mobiliseP1 } from "../escalation/mobilise-p1";
import { awaitsResponse, pageIfOnCallCase } from "../oncall/out-of-hours";
import { receiptKey } from "../escalation/keys";
import { byEmail, notificationRows, writeNotifications } from "../notifications/write-notifications";
import { RegisterTicketSchema, type RegisterTicketInput, type TicketView } from "./schemas";
import { parseInput } from "../validation";
import { newTicketView, ticketFieldsSelect } from "./view";
import { TRANSACTION_OPTIONS, type DbClient } from "../db/prisma";
import { saveAttachments, type NewAttachments } from "../attachments/save";
import type { AttachmentViewRow } from "../attachments/view";
import type { Prisma } from "../../generated/prisma/client";
import { CONTACT_PERSON_REQUIRED, mayRegisterCases } from "./registration-rule";

async function resolveRequester(ctx: { prisma: DbClient }, actor: Actor, requesterId: string | undefined) {
  if (!isStaff(actor)) {
    if (requesterId !== undefined && requesterId !== actor.userId) {
      throw unprocessable("Only servicedesk staff can register a ticket on behalf of someone else", { requesterId: ["not allowed"] });
    }
    return { id: actor.userId, organizationId: actor.organizationId };
  }
  if (requesterId === undefined) throw unprocessable("Staff register tickets on behalf of a customer's user: give requesterId", { requesterId: ["required"] });
  const requester = await ctx.prisma.user.findFirst({
    where: { id: requesterId, deactivatedAt: null, role: { in: [...CUSTOMER_ROLES] }, organization: { isProvider: false, deactivatedAt: null } },
    select: { id: true, organizationId: true },
  });
  if (!requester) throw unprocessable("No active customer user with that id", { requesterId: ["unknown"] });
  return requester;
}

/** How far back staff may set the start of a ticket registered on a caller's behalf (the call came in before it was typed in). */
export const MAX_BACKDATE_MINUTES = 30;

/**
 * The instant a registration starts at: now, or, for staff who give `calledAt`, the call's instant
 * (at most MAX_BACKDATE_MINUTES back, never in the future, and with a reason, kept in the event).
 */
export function registrationInstant(
  actor: Actor,
  input: Pick<RegisterTicketInput, "calledAt" | "calledAtReason">,
  now: Date,
): { at: Date; backdated: { minutes: number; reason: string; recordedAt: string } | null } {
  if (input.calledAt === undefined) return { at: now, backdated: null };
  if (!isStaff(actor)) throw unprocessable("Only servicedesk staff can set when a call came in", { calledAt: ["not allowed"] });
  const at = new Date(input.calledAt);
  const ms = now.getTime() - at.getTime();
  if (ms < 0) throw unprocessable("The call cannot start in the future", { calledAt: ["in the future"] });
  if (ms > MAX_BACKDATE_MINUTES * 60_000) throw unprocessable(`The call can be set at most ${MAX_BACKDATE_MINUTES} minutes back`, { calledAt: [`at most ${MAX_BACKDATE_MINUTES} minutes back`] });
  if (ms === 0) return { at: now, backdated: null };
  const reason = input.calledAtReason?.trim();
  if (!reason) throw unprocessable("Give the reason the call is registered with an earlier start", { calledAtReason: ["required"] });
  return { at, backdated: { minutes: Math.round(ms / 60_000), reason, recordedAt: now.toISOString() } };
}

/** Whether the user may register cases for their organisation: null when they may, else the organisation's contact person limit. */
export async function registrationRefusal(ctx: { prisma: DbClient }, userId: string): Promise<{ contactPersonLimit: number } | null> {
  const user = await ctx.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { role: true, isContactPerson: true, organization: { select: { contactPersonLimit: true } } },
  });
  const { contactPersonLimit } = user.organization;
  return contactPersonLimit === null || mayRegisterCases(user.organization, user) ? null : { contactPersonLimit };
}

/** The refusal of a requester who is neither a contact person nor a customer admin of an organisation that restricts registration. */
const contactPersonRequired = (onBehalf: boolean, limit: number) =>
  new AppError("forbidden", `${onBehalf ? "The requester's" : "Your"} organisation's agreement lets only its contact persons (at most ${limit}) and customer admins register cases`, {
    requesterId: [CONTACT_PERSON_REQUIRED],
  });

export const isContactPersonRefusal = (error: unknown): error is AppError => error instanceof AppError && error.code === "forbidden" && error.fields?.requesterId?.[0] === CONTACT_PERSON_REQUIRED;

/** What a registration writes, given who registers, when and what (registerTicket, or registerTicketInTransaction for a caller with its own transaction). */
interface Registration {
  actor: Actor;
  input: RegisterTicketInput;
  /** The registration instant (the call's, when staff set it back: registrationInstant). */
  now: Date;
  /** When staff set the start back: by how much, why, and when they recorded it (kept in the REGISTERED event). */
  backdated?: { minutes: number; reason: string; recordedAt: string } | null;
  attachments?: NewAttachments | undefined;
}

/** The reads before the write: the requester, their organisation (and its registration rule), the agreement version in force. */
async function prepareRegistration(client: DbClient, { actor, input: raw, now }: Registration) {
  const input = parseInput(RegisterTicketSchema, raw);
  const requester = await resolveRequester({ prisma: client }, actor, input.requesterId);
  const organization = await client.organization.findUniqueOrThrow({
    where: { id: requester.organizationId },
    select: { id: true, ticketPrefix: true, agreementId: true, contactPersonLimit: true, onCallOption: true },
  });
  // Only an organisation that restricts registration costs the look-up of the requester's role.
  if (organization.contactPersonLimit !== null) {
    const refusal = await registrationRefusal({ prisma: client }, requester.id);
    if (refusal) throw contactPersonRequired(requester.id !== actor.userId, refusal.contactPersonLimit);
  }
  const version = organization.agreementId ? await loadAgreementVersionInForce(client, organization.agreementId, now) : null;
  return { input, requester, organization, version, channel: input.channel ?? "PORTAL" };
}

type Prepared = Awaited<ReturnType<typeof prepareRegistration>>;

/** What a registration wrote: the ticket's row, its first clock and its files, so its view needs no read back. */
interface Written {
  ticketId: string;
  eventId: bigint;
  ticket: Prisma.TicketGetPayload<{ select: typeof ticketFieldsSelect }>;
  clock: StoredClock;
  files: AttachmentViewRow[];
}

async function writeRegistration(tx: DbClient, { actor, now, attachments, backdated }: Registration, { input, requester, organization, version, channel }: Prepared): Promise<Written> {
  const reference = await nextReference(tx, organization.ticketPrefix, now);
  const ticket = await tx.ticket.create({
    data: {
      reference,
      organizationId: organization.id,
      requesterId: requester.id,
      agreementVersionId: version?.id ?? null,
      title: input.title,
      description: input.description,
      priority: input.priority,
      channel,
      createdAt: now,
    },
    select: ticketFieldsSelect,
  });
  const eventId = await appendEvent(tx, {
    ticketId: ticket.id,
    type: "REGISTERED",
    actorId: actor.userId,
    at: now,
    data: { reference, priority: input.priority, channel, requesterId: requester.id, agreementVersionId: version?.id ?? null, ...(backdated ? { backdated } : {}) },
  });
  const files = attachments?.files.length ? await saveAttachments(tx, attachments, { ticketId: ticket.id, eventId, uploaderId: actor.userId, visibility: "PUBLIC", at: now }) : [];
  const clock = await startResponseClock(tx, { id: ticket.id, registeredAt: now, priority: input.priority, version });
  if (input.priority === "P1") await mobiliseP1(tx, { id: ticket.id, reference, title: input.title, createdAt: now, organizationId: organization.id }, actor.userId, now);
  // Any priority whose target runs while the office is closed pages on-call (a P1 through mobiliseP1).
  else {
    const running = awaitsResponse({ priority: input.priority, status: "NEW" }, clock);
    await pageIfOnCallCase(tx, { ticketId: ticket.id, now, known: { id: ticket.id, priority: input.priority, version, onCallOption: organization.onCallOption, running } });
  }
  await writeNotifications(
    tx,
    notificationRows({
      template: "ticket-receipt",
      ticketId: ticket.id,
      payload: { reference, title: input.title, priority: input.priority, registeredAt: now.toISOString() },
      to: [byEmail(requester.id, receiptKey(ticket.id))],
    }),
  );
  return { ticketId: ticket.id, eventId, ticket, clock, files };
}

/**
 * The same registration inside the caller's transaction, registered at `now` (e.g. e-mail intake:
 * the instant the mail server received the message, in the transaction that stores the mail).
 */
export async function registerTicketInTransaction(tx: DbClient, registration: Registration): Promise<{ ticketId: string; eventId: bigint }> {
  return writeRegistration(tx, registration, await prepareRegistration(tx, registration));
}

export async function registerTicket({
  actor,
  input,
  ctx,
  attachments,
}: {
  actor: Actor;
  input: RegisterTicketInput;
  ctx: UseCaseContext;
  /** Files sent with the registration (public: the requester and their organisation see them). */
  attachments?: NewAttachments;
}): Promise<TicketView> {
  const now = ctx.now();
  const { at, backdated } = registrationInstant(actor, parseInput(RegisterTicketSchema, input), now);
  const registration = { actor, input, now: at, backdated, attachments };
  const prepared = await prepareRegistration(ctx.prisma, registration);
  const written = await ctx.prisma.$transaction((tx) => writeRegistration(tx, registration, prepared), TRANSACTION_OPTIONS);
  // The clock as it stands now (a call set back started earlier: less time is left).
  return newTicketView(written.ticket, { clock: written.clock, version: prepared.version, attachments: written.files }, now);
}
