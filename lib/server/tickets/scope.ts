import "server-only";
/**
 * Tenancy, in exactly one place: which tickets, organisations' reports and incidents an actor may
 * see, and which roles a use case is for. Every read and every write goes through here, so
 * anything outside the actor's reach is "not found" (existence never leaks across organisations).
 *
 * Tickets: every read goes through `visibleTicketsWhere`, every write through `writableTicketsWhere`.
 *
 * Reads (issue 19: the provider's staff are one team; the line decides whose queue a ticket is in,
 * not who may read it):
 * - END_USER: the tickets they requested.
 * - CUSTOMER_ADMIN: every ticket of their organisation (000 §5.7).
 * - AGENT, ONCALL, PROVIDER_ADMIN: every ticket.
 *
 * Writes (a customer's writes are further limited by each action):
 * - END_USER, CUSTOMER_ADMIN: what they may read.
 * - AGENT: the queues of their line and the lines below it (L1 writes L1, L2 writes L1–L2, L3 all),
 *   and tickets assigned to them.
 * - ONCALL: P1 tickets (what the on-call phone covers, 000 §19) and tickets assigned to them.
 * - PROVIDER_ADMIN: everything.
 */
import { Prisma } from "../../generated/prisma/client";
import type { Role, SupportLine } from "../../generated/prisma/enums";
import { STAFF_ROLES, type Actor } from "../actor";
import { AppError, notFound } from "../errors";
import type { DbClient } from "../db/prisma";

const LINES: readonly SupportLine[] = ["L1", "L2", "L3"];

export const linesUpTo = (line: SupportLine): SupportLine[] => LINES.slice(0, LINES.indexOf(line) + 1);

/** The tickets the actor may read. */
export function visibleTicketsWhere(actor: Actor): Prisma.TicketWhereInput {
  switch (actor.role) {
    case "END_USER":
      return { organizationId: actor.organizationId, requesterId: actor.userId };
    case "CUSTOMER_ADMIN":
      return { organizationId: actor.organizationId };
    case "AGENT":
    case "ONCALL":
    case "PROVIDER_ADMIN":
      return {};
    default: {
      // A role this code does not know sees nothing.
      const unknown: never = actor.role;
      void unknown;
      return { id: { in: [] } };
    }
  }
}

/** Who may write a ticket, as the staff member it would be assigned to: their role, line and id. */
export interface StaffWriter {
  role: Role;
  supportLine: SupportLine | null;
  userId: string;
}

/** The tickets the actor may change (act on, assign, escalate …). */
export function writableTicketsWhere(actor: Actor): Prisma.TicketWhereInput {
  switch (actor.role) {
    case "END_USER":
    case "CUSTOMER_ADMIN":
      return visibleTicketsWhere(actor);
    case "AGENT":
      return { OR: [{ line: { in: linesUpTo(actor.supportLine ?? "L1") } }, { assigneeId: actor.userId }] };
    case "ONCALL":
      return { OR: [{ priority: "P1" }, { assigneeId: actor.userId }] };
    case "PROVIDER_ADMIN":
      return {};
    default: {
      // A role this code does not know sees nothing.
      const unknown: never = actor.role;
      void unknown;
      return { id: { in: [] } };
    }
  }
}

/** The same rule as visibleTicketsWhere, as a condition on "Ticket" t for raw SQL (the full-text search). */
export function visibleTicketsSql(actor: Actor): Prisma.Sql {
  switch (actor.role) {
    case "END_USER":
      return Prisma.sql`t."organizationId" = ${actor.organizationId}::uuid AND t."requesterId" = ${actor.userId}::uuid`;
    case "CUSTOMER_ADMIN":
      return Prisma.sql`t."organizationId" = ${actor.organizationId}::uuid`;
    case "AGENT":
    case "ONCALL":
    case "PROVIDER_ADMIN":
      return Prisma.sql`TRUE`;
    default:
      return Prisma.sql`FALSE`;
  }
}

/** A uuid as the database stores ticket ids: anything else cannot name a ticket. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the staff member may write a ticket on this line with this priority and assignee (the
 * same rule as writableTicketsWhere, for a ticket already loaded).
 */
export function mayWriteTicket(writer: StaffWriter, ticket: { line: SupportLine; priority: string; assigneeId: string | null }): boolean {
  if (ticket.assigneeId !== null && ticket.assigneeId === writer.userId) return true;
  switch (writer.role) {
    case "AGENT":
      return linesUpTo(writer.supportLine ?? "L1").includes(ticket.line);
    case "ONCALL":
      return ticket.priority === "P1";
    case "PROVIDER_ADMIN":
      return true;
    default:
      return false;
  }
}

/** The id of a ticket the actor may see, or not_found (also for ids that are not uuids). */
export async function requireVisibleTicketId(client: DbClient, actor: Actor, id: string): Promise<string> {
  if (!UUID.test(id)) throw notFound();
  const ticket = await client.ticket.findFirst({ where: { AND: [{ id }, visibleTicketsWhere(actor)] }, select: { id: true } });
  if (!ticket) throw notFound();
  return ticket.id;
}

/** A staff member may read the ticket but not change it (another line's queue): told why, not "not found". */
export const notWritable = (ticket: { reference: string; line: SupportLine }) => new AppError("forbidden", `Ticket ${ticket.reference} is in the ${ticket.line} queue: you may read it, not change it`);

/**
 * A use case for some roles only: anyone else is told "not found", as for something that does not
 * exist (provider admins' pages and reports; incident writers), or given the use case's own
 * refusal where the role is told why (the on-call rota).
 */
export function requireRole(actor: Actor, roles: readonly Role[], what: string | (() => AppError)): void {
  if (!roles.includes(actor.role)) throw typeof what === "string" ? notFound(what) : what();
}

export const PROVIDER_ADMIN: readonly Role[] = ["PROVIDER_ADMIN"];
/** Who records downtime: agents and provider admins. */
export const INCIDENT_WRITERS: readonly Role[] = ["AGENT", "PROVIDER_ADMIN"];

/** Reports: a customer admin reads their own organisation's, a provider admin every customer's. */
export function mayReadReportOf(actor: Actor, organizationId: string): boolean {
  if (actor.role === "PROVIDER_ADMIN") return true;
  return actor.role === "CUSTOMER_ADMIN" && actor.organizationId === organizationId;
}

/** The customer organisation whose report the actor may read, or not_found. */
export async function requireReadableOrganization(client: DbClient, actor: Actor, organizationId: string): Promise<{ id: string; name: string }> {
  if (!UUID.test(organizationId) || !mayReadReportOf(actor, organizationId)) throw notFound("Report");
  const org = await client.organization.findFirst({ where: { id: organizationId, isProvider: false }, select: { id: true, name: true } });
  if (!org) throw notFound("Report");
  return org;
}

/**
 * Incidents: staff see all; a customer admin their organisation's and those of their agreement as
 * a whole; end users none (not found).
 */
export async function visibleIncidentsWhere(client: DbClient, actor: Actor): Promise<Prisma.IncidentWhereInput> {
  if (STAFF_ROLES.includes(actor.role)) return {};
  if (actor.role !== "CUSTOMER_ADMIN") throw notFound("Incident");
  const org = await client.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { agreementId: true } });
  return {
    OR: [
      { organizationId: actor.organizationId },
      { affected: { some: { organizationId: actor.organizationId } } },
      ...(org.agreementId ? [{ organizationId: null, agreementId: org.agreementId, affected: { none: {} } }] : []),
    ],
  };
}
