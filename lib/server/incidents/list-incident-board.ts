import "server-only";
/**
 * The agents' incidents page (/arbeid/hendelser): open incidents and the latest closed ones, with
 * the affected organisations, linked tickets and what the customers were told; the agreements and
 * customer organisations to choose from; the coming planned maintenance.
 */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { INCIDENT_WRITERS, requireRole } from "../tickets/scope";

const boardSelect = {
  id: true,
  service: true,
  cause: true,
  startedAt: true,
  endedAt: true,
  counts: true,
  exclusionReason: true,
  organization: { select: { id: true, name: true } },
  agreement: { select: { id: true, name: true } },
  ticket: { select: { id: true, reference: true } },
  affected: { select: { organization: { select: { id: true, name: true } } } },
  linkedTickets: { select: { ticket: { select: { id: true, reference: true } } } },
  updates: { orderBy: { createdAt: "asc" as const }, select: { id: true, kind: true, message: true, createdAt: true } },
} as const;

export async function listIncidentBoard({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }) {
  requireRole(actor, INCIDENT_WRITERS, "Incident");
  const now = ctx.now();
  const [open, closed, organizations, agreements, maintenance] = await Promise.all([
    ctx.prisma.incident.findMany({ where: { endedAt: null }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: 100, select: boardSelect }),
    ctx.prisma.incident.findMany({ where: { endedAt: { not: null } }, orderBy: [{ endedAt: "desc" }, { id: "desc" }], take: 20, select: boardSelect }),
    ctx.prisma.organization.findMany({ where: { isProvider: false, deactivatedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ctx.prisma.serviceAgreement.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ctx.prisma.maintenanceWindow.findMany({
      where: { kind: "ONE_OFF", endsAt: { gt: now } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: 50,
      select: { id: true, startsAt: true, endsAt: true, description: true, noticeFlags: true, agreement: { select: { name: true } } },
    }),
  ]);
  const shape = (i: (typeof open)[number]) => {
    const orgs = new Map<string, string>();
    if (i.organization) orgs.set(i.organization.id, i.organization.name);
    for (const a of i.affected) orgs.set(a.organization.id, a.organization.name);
    const tickets = new Map<string, string>();
    if (i.ticket) tickets.set(i.ticket.id, i.ticket.reference);
    for (const l of i.linkedTickets) tickets.set(l.ticket.id, l.ticket.reference);
    return {
      id: i.id,
      service: i.service,
      cause: i.cause,
      startedAt: i.startedAt,
      endedAt: i.endedAt,
      counts: i.counts,
      exclusionReason: i.exclusionReason,
      agreementName: orgs.size === 0 ? (i.agreement?.name ?? null) : null,
      organizations: [...orgs.values()],
      tickets: [...tickets.entries()].map(([id, reference]) => ({ id, reference })),
      updates: i.updates,
    };
  };
  return { open: open.map(shape), closed: closed.map(shape), organizations, agreements, maintenance };
}
export type IncidentBoard = Awaited<ReturnType<typeof listIncidentBoard>>;
