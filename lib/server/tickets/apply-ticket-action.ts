import "server-only";
/**
 * Every change to a registered ticket goes through here: the ticket is locked for the
 * transaction so concurrent actions queue, then found within what the actor may see on the
 * locked row (else 404) and checked against what they may write (else 403; nothing changes: an
 * escalation committed while we waited for the lock is seen), changed by one action, and its SLA clock recomputed, all in one transaction.
 */
import { isStaff, type Actor } from "../actor";
import type { UseCaseContext } from "./context";
import { UUID, mayWriteTicket, notWritable, visibleTicketsWhere } from "./scope";
import { notFound } from "../errors";
import { lockTicket, recomputeResponseClock } from "./clock";
import { TicketActionSchema, type TicketActionInput, type TicketActionRequest, type TicketView } from "./schemas";
import { parseInput } from "../validation";
import { readTicketView } from "./view";
import { lockedTicketSelect, type ActionContext } from "./actions/action-context";
import { triageTicket } from "./actions/triage-ticket";
import { startTroubleshooting } from "./actions/start-troubleshooting";
import { assignTicket } from "./actions/assign-ticket";
import { replyToTicket } from "./actions/reply-to-ticket";
import { addInternalNote } from "./actions/add-internal-note";
import { logPhoneCall } from "./actions/log-phone-call";
import { changePriority } from "./actions/change-priority";
import { escalateTicket } from "./actions/escalate-ticket";
import { waitForCustomer } from "./actions/wait-for-customer";
import { resumeTicket } from "./actions/resume-ticket";
import { resolveTicket } from "./actions/resolve-ticket";
import { confirmSolution } from "./actions/confirm-solution";
import { reopenTicket } from "./actions/reopen-ticket";
import { reclassifyTicket } from "./actions/reclassify-ticket";
import { flagSecurityIncident } from "./actions/flag-security-incident";
import { recordRootCause } from "./actions/record-root-cause";
import { recordCustomerNotified } from "./actions/record-customer-notified";
import { TRANSACTION_OPTIONS, type DbClient } from "../db/prisma";
import { saveAttachments, type NewAttachments } from "../attachments/save";
import { copyAttachments, type KeptFile } from "../attachments/copy";
import { customerEventView } from "./audience";
import { eventCarryingText, writtenEvents } from "./events";
import { passedOnToChildren, propagateToChildren } from "./propagate-to-children";

function run(c: ActionContext, action: TicketActionInput): Promise<void> {
  switch (action.type) {
    case "triage":
      return triageTicket(c, action);
    case "start":
      return startTroubleshooting(c);
    case "assign":
      return assignTicket(c, action);
    case "reply":
      return replyToTicket(c, action);
    case "note":
      return addInternalNote(c, action);
    case "phone":
      return logPhoneCall(c, action);
    case "priority":
      return changePriority(c, action);
    case "escalate":
      return escalateTicket(c, action);
    case "wait":
      return waitForCustomer(c, action);
    case "resume":
      return resumeTicket(c);
    case "resolve":
      return resolveTicket(c, action);
    case "confirm":
      return confirmSolution(c);
    case "reopen":
      return reopenTicket(c, action);
    case "reclassify":
      return reclassifyTicket(c, action);
    case "flag_security":
      return flagSecurityIncident(c, action);
    case "rca":
      return recordRootCause(c, action);
    case "notify_customer":
      return recordCustomerNotified(c, action);
  }
}

/** A send's files: uploaded with it (bytes to keep), or already kept and passed on from a parent's send (new rows, the same bytes). */
interface FilesOfSend {
  uploads?: NewAttachments;
  passedOn?: readonly KeptFile[];
}

/**
 * Files sent with an action join the event it wrote that carries its text (the reply, the note,
 * the solution …), else its first event; they are public exactly when that event is shown to the
 * customer (audience.ts), so an internal note's files stay internal. Returns that event.
 */
async function attachToNewEvent(tx: DbClient, ticketId: string, afterId: bigint, actor: Actor, files: FilesOfSend, now: Date): Promise<bigint> {
  const target = eventCarryingText(await writtenEvents(tx, ticketId, afterId));
  if (!target) throw new Error("The action wrote no event to attach the files to");
  const shown = customerEventView({ id: target.id.toString(), type: target.type, at: target.at.toISOString(), actorId: target.actorId, data: target.data });
  const visibility = shown ? "PUBLIC" : "INTERNAL";
  if (files.uploads?.files.length) await saveAttachments(tx, files.uploads, { ticketId, eventId: target.id, uploaderId: actor.userId, visibility, at: now });
  if (files.passedOn?.length)
    await copyAttachments(
      tx,
      files.passedOn.map((file) => ({ file, eventId: target.id })),
      { ticketId, visibility, at: now },
    );
  return target.id;
}

export async function applyTicketAction({
  actor,
  input,
  ctx,
  attachments,
}: {
  actor: Actor;
  input: { ticketId: string; action: TicketActionRequest };
  ctx: UseCaseContext;
  /** Files sent with the action. */
  attachments?: NewAttachments;
}): Promise<TicketView> {
  return applyTicketActions({ actor, input: { ticketId: input.ticketId, actions: [input.action] }, ctx, attachments });
}

/**
 * Several actions on one ticket as one send (the agent's composer: a reply and "wait for the
 * customer", a note and a priority change, …): all in one transaction, so either every one is
 * recorded or none. Each action sees the ticket as the one before left it (re-read on the locked
 * row) and the clock is recomputed after each, so every event lands on a correct clock. Files join
 * the event that carries the send's text (events.ts eventCarryingText), whichever action wrote it.
 */
export async function applyTicketActions({
  actor,
  input,
  ctx,
  attachments,
  passedOnFiles,
}: {
  actor: Actor;
  input: { ticketId: string; actions: TicketActionRequest[] };
  ctx: UseCaseContext;
  attachments?: NewAttachments;
  /** A parent's public files passed on with its send to this child (propagate-to-children.ts): they join this send's event as new rows, with no bytes stored again. */
  passedOnFiles?: readonly KeptFile[];
}): Promise<TicketView> {
  const now = ctx.now();
  if (!UUID.test(input.ticketId)) throw notFound();
  const id = input.ticketId;
  const applied: TicketActionInput[] = [];
  let filesEventId: bigint | null = null;
  await ctx.prisma.$transaction(async (tx) => {
    await lockTicket(tx, id);
    const filesPending = Boolean(attachments?.files.length || passedOnFiles?.length);
    const before = filesPending ? await tx.ticketEvent.findFirst({ where: { ticketId: id }, orderBy: { id: "desc" }, select: { id: true } }) : null;
    for (const request of input.actions) {
      // Visibility and the right to write are judged on the locked row, so they cannot change before the action is written.
      const ticket = await tx.ticket.findFirst({ where: { AND: [{ id }, visibleTicketsWhere(actor)] }, select: lockedTicketSelect });
      if (!ticket) throw notFound();
      // Staff read every ticket but write only their line's (and those below), P1 on call, or their own (scope.ts).
      if (isStaff(actor) && !mayWriteTicket(actor, ticket)) throw notWritable(ticket);
      const action = parseInput(TicketActionSchema, request);
      applied.push(action);
      await run({ tx, actor, ticket, now }, action);
      await recomputeResponseClock(tx, id, now);
    }
    // The files join the event that carries the send's text among all it wrote (the reply or the
    // note, never a priority change before it), and take that event's visibility.
    if (filesPending) filesEventId = await attachToNewEvent(tx, id, before?.id ?? 0n, actor, { uploads: attachments, passedOn: passedOnFiles }, now);
  }, TRANSACTION_OPTIONS);
  // The servicedesk's public reply and solution on a parent go on to its children, with the send's public files, each in its own transaction (issue 19); a customer's reply never does.
  const passedOn = applied.flatMap(passedOnToChildren);
  if (isStaff(actor) && passedOn.length > 0) await propagateToChildren({ actor, input: { parentId: id, actions: passedOn, filesEventId }, ctx, apply: applyTicketActions });
  const view = await readTicketView(ctx.prisma, id, now);
  if (!view) throw notFound();
  return view;
}
