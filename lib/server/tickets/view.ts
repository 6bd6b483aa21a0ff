/**
 * The shape a ticket leaves the server in. The response clock is shown as it is at read time:
 * a running clock's time left is the business time from now to its due instant, and a running
 * clock past its due instant reads as breached even before a worker has recorded the breach.
 */
import { businessMinutesBetween, calendarFor } from "../../sla";
import type { Prisma } from "../../generated/prisma/client";
import { calendarSpecOf } from "../db/agreements";
import type { ResponseClockView, TicketView } from "./schemas";

export const ticketViewSelect = {
  id: true,
  reference: true,
  title: true,
  description: true,
  priority: true,
  status: true,
  channel: true,
  line: true,
  organizationId: true,
  requesterId: true,
  assigneeId: true,
  securityIncident: true,
  slaExclusionReason: true,
  createdAt: true,
  updatedAt: true,
  clocks: {
    where: { metric: "RESPONSE" },
    select: { state: true, targetMinutes: true, dueAt: true, usedMinutes: true, breachedAt: true },
  },
  agreementVersion: {
    select: {
      targets: {
        select: {
          priority: true,
          calendar: { select: { timeZone: true, weekly: true, holidayCountry: true, dates: { select: { date: true, hours: true } } } },
        },
      },
    },
  },
} satisfies Prisma.TicketSelect;

export type TicketViewRow = Prisma.TicketGetPayload<{ select: typeof ticketViewSelect }>;

function responseClockView(row: TicketViewRow, now: Date): ResponseClockView | null {
  const clock = row.clocks[0];
  if (!clock) return null;
  const state = clock.state.toLowerCase() as ResponseClockView["state"];
  const base = {
    targetMinutes: clock.targetMinutes,
    businessMinutesUsed: clock.usedMinutes,
    breachedAt: clock.breachedAt?.toISOString() ?? null,
  };
  if (state === "running" && clock.dueAt && clock.targetMinutes !== null) {
    const target = row.agreementVersion?.targets.find((t) => t.priority === row.priority);
    const left = target && now < clock.dueAt ? businessMinutesBetween(calendarFor(calendarSpecOf(target.calendar)), now, clock.dueAt) : 0;
    const overdue = now > clock.dueAt;
    return {
      ...base,
      state: overdue ? "breached" : "running",
      dueAt: clock.dueAt.toISOString(),
      businessMinutesLeft: left,
      businessMinutesUsed: clock.targetMinutes - left,
      breachedAt: overdue ? clock.dueAt.toISOString() : null,
    };
  }
  return {
    ...base,
    state,
    dueAt: null,
    businessMinutesLeft: clock.targetMinutes === null ? null : Math.max(0, clock.targetMinutes - clock.usedMinutes),
  };
}

export function toTicketView(row: TicketViewRow, now: Date): TicketView {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    priority: row.priority,
    status: row.status,
    channel: row.channel,
    line: row.line,
    organizationId: row.organizationId,
    requesterId: row.requesterId,
    assigneeId: row.assigneeId,
    securityIncident: row.securityIncident,
    slaExclusionReason: row.slaExclusionReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sla: { response: responseClockView(row, now) },
  };
}
