import "server-only";
/**
 * The out-of-hours record (issue 18): every on-call page of a month, per ticket — who was paged,
 * when, how many notices, who acknowledged it and when, and how long that took — and the sums per
 * customer organisation, for the provider admins (Nettsoft bills vakttelefon use separately).
 * Read from the pages themselves (Escalation ONCALL_PAGE, one per ticket and reason) and their
 * notice events; nothing is stored twice.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { unprocessable } from "../errors";
import { monthBounds, MonthSchema, type Month } from "../reports/month";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";

export interface OutOfHoursPage {
  escalationId: string;
  organization: { id: string; name: string };
  ticket: { id: string; reference: string; title: string; priority: string };
  /** out_of_hours (registration or the office closing), breach, warning_0.75, … */
  reason: string;
  pagedAt: Date;
  /** The people the notices went to, in order; empty names = the fallback group (nobody on call). */
  paged: Array<{ userId: string; name: string }>;
  /** Whether the fallback group (provider admins and 1st-line leads) was paged. */
  fallback: boolean;
  notices: number;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  /** Minutes from the page to its acknowledgement (null while unacknowledged). */
  minutesToAcknowledge: number | null;
}

export interface OutOfHoursOrganization {
  id: string;
  name: string;
  pages: number;
  acknowledged: number;
  /** Sum of the minutes to acknowledgement of the acknowledged pages. */
  minutesToAcknowledge: number;
}

export interface OutOfHoursMonth {
  month: Month;
  organizations: OutOfHoursOrganization[];
  pages: OutOfHoursPage[];
}

const minutesBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 6_000) / 10;

export async function listOutOfHoursWork({ prisma, actor, month: raw }: { prisma: PrismaClient; actor: Actor; month: string }): Promise<OutOfHoursMonth> {
  requireRole(actor, PROVIDER_ADMIN, () => unprocessable("Only provider admins see the out-of-hours record"));
  const month = MonthSchema.parse(raw);
  const { from, to } = monthBounds(month);
  const rows = await prisma.escalation.findMany({
    where: { kind: "ONCALL_PAGE", createdAt: { gte: from, lt: to } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      dedupeKey: true,
      attempt: true,
      createdAt: true,
      acknowledgedAt: true,
      acknowledgedBy: { select: { name: true } },
      ticket: { select: { id: true, reference: true, title: true, priority: true, organization: { select: { id: true, name: true } } } },
    },
  });
  const events = rows.length
    ? await prisma.ticketEvent.findMany({
        where: { ticketId: { in: [...new Set(rows.map((r) => r.ticket.id))] }, type: "ESCALATED", data: { path: ["kind"], equals: "oncall_page" } },
        orderBy: { id: "asc" },
        select: { data: true },
      })
    : [];
  const targets = new Map<string, Array<string | null>>();
  for (const e of events) {
    const d = e.data as { escalationId?: string; targetUserId?: string | null };
    if (!d.escalationId) continue;
    targets.set(d.escalationId, [...(targets.get(d.escalationId) ?? []), d.targetUserId ?? null]);
  }
  const userIds = [...new Set([...targets.values()].flat().filter((id): id is string => id !== null))];
  const names = new Map((await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));

  const pages: OutOfHoursPage[] = rows.map((r) => {
    const paged = targets.get(r.id) ?? [];
    const people = [...new Set(paged.filter((id): id is string => id !== null))].map((userId) => ({ userId, name: names.get(userId) ?? "" }));
    return {
      escalationId: r.id,
      organization: r.ticket.organization,
      ticket: { id: r.ticket.id, reference: r.ticket.reference, title: r.ticket.title, priority: r.ticket.priority },
      reason: r.dedupeKey.split(":").slice(2).join(":"),
      pagedAt: r.createdAt,
      paged: people,
      fallback: paged.includes(null),
      notices: r.attempt,
      acknowledgedAt: r.acknowledgedAt,
      acknowledgedBy: r.acknowledgedBy?.name ?? null,
      minutesToAcknowledge: r.acknowledgedAt ? minutesBetween(r.createdAt, r.acknowledgedAt) : null,
    };
  });
  const byOrg = new Map<string, OutOfHoursOrganization>();
  for (const p of pages) {
    const o = byOrg.get(p.organization.id) ?? { ...p.organization, pages: 0, acknowledged: 0, minutesToAcknowledge: 0 };
    o.pages++;
    if (p.minutesToAcknowledge !== null) {
      o.acknowledged++;
      o.minutesToAcknowledge = Math.round((o.minutesToAcknowledge + p.minutesToAcknowledge) * 10) / 10;
    }
    byOrg.set(o.id, o);
  }
  return { month, organizations: [...byOrg.values()].sort((a, b) => a.name.localeCompare(b.name, "nb")), pages };
}
