import "server-only";
/**
 * The shape a ticket leaves the server in. The response clock is shown as it is at read time
 * (lib/sla clockStatusAt): a running clock's time left is the business time from now to its due
 * instant, a running clock past its due instant reads as breached even before a worker has
 * recorded the breach, and an open breach's business minutes used are counted up to now.
 */
import { calendarFor, clockStatusAt, type AgreementVersionSpec, type CalendarSpec, type Priority } from "../../sla";
import type { Prisma } from "../../generated/prisma/client";
import { loadAgreementVersionsById } from "../db/agreements";
import type { DbClient } from "../db/prisma";
import { StoredPausesSchema } from "../db/json-schemas";
import type { ResponseClockView, TicketView } from "./schemas";
import { attachmentOrder, attachmentViewSelect, toAttachmentView } from "../attachments/view";

/** The ticket's own columns in the view (what an INSERT can return without a second read). */
export const ticketFieldsSelect = {
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
} satisfies Prisma.TicketSelect;

export const ticketViewSelect = {
  ...ticketFieldsSelect,
  attachments: { where: { event: { type: "REGISTERED" } }, orderBy: attachmentOrder, select: attachmentViewSelect },
  clocks: {
    where: { metric: "RESPONSE" },
    select: { state: true, targetMinutes: true, dueAt: true, usedMinutes: true, breachedAt: true, stoppedAt: true, pauses: true },
  },
  /** Its version's targets and calendars are read with loadAgreementVersionsById, once per version in a page. */
  agreementVersionId: true,
} satisfies Prisma.TicketSelect;

export type TicketViewRow = Prisma.TicketGetPayload<{ select: typeof ticketViewSelect }>;
type TicketFieldsRow = Prisma.TicketGetPayload<{ select: typeof ticketFieldsSelect }>;
/** The clock's columns the view reads; `pauses` as stored (StoredPausesSchema reads it). */
type ClockRow = Omit<TicketViewRow["clocks"][number], "pauses"> & { pauses: unknown };
type AttachmentRow = TicketViewRow["attachments"][number];

/** The response clock as it reads at `now`; `targetCalendar` gives the calendar of the ticket's target, when the agreement has one for its priority. */
function responseClockView(clock: ClockRow | undefined, targetCalendar: () => CalendarSpec | null, now: Date): ResponseClockView | null {
  if (!clock) return null;
  // Only a clock that still moves needs its target's calendar (running, or breached and not stopped).
  const moving = clock.stoppedAt === null && (clock.state === "RUNNING" || clock.state === "BREACHED");
  const spec = moving ? targetCalendar() : null;
  const calendar = spec ? calendarFor(spec) : null;
  const status = clockStatusAt({ ...clock, state: clock.state.toLowerCase() as ResponseClockView["state"], pauses: StoredPausesSchema.parse(clock.pauses) }, now, calendar);
  if (clock.state === "RUNNING" && clock.dueAt && clock.targetMinutes !== null) {
    // A running clock keeps its due instant in view, also once overdue (the badge counts from it).
    return {
      targetMinutes: clock.targetMinutes,
      state: status.state,
      dueAt: clock.dueAt.toISOString(),
      businessMinutesLeft: calendar ? (status.leftMinutes ?? 0) : 0,
      // Without the target's calendar (its priority is no longer in the agreement) nothing can be counted: the target.
      businessMinutesUsed: calendar ? status.usedMinutes : clock.targetMinutes,
      breachedAt: status.breachedAt?.toISOString() ?? null,
    };
  }
  return {
    targetMinutes: clock.targetMinutes,
    state: status.state,
    dueAt: null,
    businessMinutesLeft: status.leftMinutes,
    businessMinutesUsed: status.usedMinutes,
    breachedAt: status.breachedAt?.toISOString() ?? clock.breachedAt?.toISOString() ?? null,
  };
}

function ticketView(row: TicketFieldsRow, clock: ResponseClockView | null, attachments: AttachmentRow[]): TicketView {
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
    sla: { response: clock },
    attachments: attachments.map(toAttachmentView),
  };
}

/** The calendar of the ticket's target in its version, if the version has a target for its priority. */
const targetCalendarOf = (row: { priority: Priority }, version: AgreementVersionSpec | null | undefined) => () => version?.targets[row.priority]?.calendar ?? null;

/** Rows read with ticketViewSelect, as views at `now`, with the versions they are measured by (loadTicketVersions). */
export function toTicketView(row: TicketViewRow, now: Date, versions: ReadonlyMap<string, AgreementVersionSpec>): TicketView {
  const version = row.agreementVersionId ? versions.get(row.agreementVersionId) : null;
  return ticketView(row, responseClockView(row.clocks[0], targetCalendarOf(row, version), now), row.attachments);
}

/** The agreement versions a page of rows is measured by, each read once, in one statement. */
export function loadTicketVersions(db: DbClient, rows: ReadonlyArray<{ agreementVersionId: string | null }>): Promise<Map<string, AgreementVersionSpec>> {
  return loadAgreementVersionsById(
    db,
    rows.flatMap((r) => (r.agreementVersionId ? [r.agreementVersionId] : [])),
  );
}

/** One ticket as a view at `now`, or null when there is no such ticket (callers check who may see it first). */
export async function readTicketView(db: DbClient, id: string, now: Date): Promise<TicketView | null> {
  const row = await db.ticket.findUnique({ where: { id }, select: ticketViewSelect });
  return row ? toTicketView(row, now, await loadTicketVersions(db, [row])) : null;
}

/**
 * A ticket its registration has just written, from what the registration holds (the inserted row,
 * its first clock, the version it is measured by, the files it came with), at `now`: the same view
 * readTicketView gives after reading it back, without the reads.
 */
export function newTicketView(row: TicketFieldsRow, { clock, version, attachments }: { clock: ClockRow; version: AgreementVersionSpec | null; attachments: AttachmentRow[] }, now: Date): TicketView {
  return ticketView(row, responseClockView(clock, targetCalendarOf(row, version), now), attachments);
}
