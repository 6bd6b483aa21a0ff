import "server-only";
/**
 * Who is told about downtime and planned maintenance (issue 18, 000 §3.4 "Kritiske hendelser
 * varsles umiddelbart", 002 §6.3): the active customer admins of each affected organisation, by
 * e-mail in their own language, through the notifications outbox (written in the caller's
 * transaction, delivered by the background worker).
 */
import type { DbClient } from "../db/prisma";
import { readEnv } from "../../config/env";
import { byEmail, notificationRows, writeNotifications } from "../notifications/write-notifications";
import type { TemplatePayload } from "../notifications/templates";

export const statusUrl = () => new URL("/status", readEnv().APP_URL).toString();

/** The active customer admins of the organisations, with their organisation's name. */
export async function customerAdminsOf(db: DbClient, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return [];
  return db.user.findMany({
    where: { organizationId: { in: [...organizationIds] }, role: "CUSTOMER_ADMIN", deactivatedAt: null, organization: { isProvider: false, deactivatedAt: null } },
    orderBy: { id: "asc" },
    select: { id: true, organizationId: true, organization: { select: { name: true } } },
  });
}

/** One incident notice (an IncidentUpdate) to the admins of every affected organisation. */
export async function writeIncidentNotices(
  db: DbClient,
  n: { updateId: string; organizationIds: readonly string[]; payload: Omit<TemplatePayload<"incident-notice">, "organizationName" | "statusUrl">; at: Date },
): Promise<number> {
  const admins = await customerAdminsOf(db, n.organizationIds);
  const url = statusUrl();
  const rows = admins.flatMap((admin) =>
    notificationRows({
      template: "incident-notice",
      ticketId: null,
      payload: { ...n.payload, organizationName: admin.organization.name, statusUrl: url },
      to: [byEmail(admin.id, `incident-notice:${n.updateId}:${admin.id}`)],
    }),
  );
  return writeNotifications(db, rows, n.at);
}

/** A planned maintenance window's notice to the admins of every customer on the agreement. */
export async function writeMaintenanceNotices(
  db: DbClient,
  n: { windowId: string; agreementId: string; agreementName: string; cause: string; startsAt: Date; endsAt: Date; at: Date },
): Promise<number> {
  const orgs = await db.organization.findMany({ where: { agreementId: n.agreementId, isProvider: false, deactivatedAt: null }, select: { id: true } });
  const admins = await customerAdminsOf(
    db,
    orgs.map((o) => o.id),
  );
  const url = statusUrl();
  const rows = admins.flatMap((admin) =>
    notificationRows({
      template: "maintenance-notice",
      ticketId: null,
      payload: { organizationName: admin.organization.name, agreementName: n.agreementName, cause: n.cause, startsAt: n.startsAt.toISOString(), endsAt: n.endsAt.toISOString(), statusUrl: url },
      to: [byEmail(admin.id, `maintenance-notice:${n.windowId}:${admin.id}`)],
    }),
  );
  return writeNotifications(db, rows, n.at);
}
