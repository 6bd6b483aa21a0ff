import "server-only";
/**
 * A provider admin plans a one-off maintenance window on an agreement (downtime in it does not
 * count) and announces it: the agreement's notice rule (lib/sla maintenance-notice.ts) decides at
 * `now` whether it may be announced. A refusal (too late for Nettsoft's five days, outside its
 * frame, without a cause, back-dated, over recorded downtime) saves nothing and says why, by code;
 * an accepted notice the rule flags (Sodvin: shorter than reasonable notice) is stored with the
 * flag. The customer admins of every customer on the agreement are told in the same transaction.
 */
import type { Actor } from "../actor";
import { AppError, notFound, unprocessable } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { checkMaintenanceNotice, parseMaintenanceNoticeRule, type MaintenanceNoticeRefusal } from "../../sla";
import { ScheduleMaintenanceWindowSchema, type ScheduleMaintenanceWindowInput } from "./schemas";
import { writeMaintenanceNotices } from "./notices";
import { writeAudit } from "../audit/write-audit";

/** The refusal carries each reason as `<code>` or `<code>:<detail>` under `startsAt` (covers_outage: the incident ids). */
export class MaintenanceNoticeRefused extends AppError {
  constructor(readonly refusals: MaintenanceNoticeRefusal[]) {
    super("unprocessable", `The maintenance window cannot be announced: ${refusals.map((r) => r.code).join(", ")}`, {
      startsAt: refusals.map((r) =>
        r.code === "too_short_notice" ? `${r.code}:${r.minNoticeDays}:${r.latestAnnouncement.toISOString()}` : r.code === "covers_outage" ? `${r.code}:${r.incidentIds.join(",")}` : r.code,
      ),
    });
  }
}

export async function scheduleMaintenanceWindow({ actor, input: raw, ctx }: { actor: Actor; input: ScheduleMaintenanceWindowInput; ctx: UseCaseContext }) {
  if (actor.role !== "PROVIDER_ADMIN") throw notFound("Agreement");
  const input = parseInput(ScheduleMaintenanceWindowSchema, raw);
  const now = ctx.now();
  return ctx.prisma.$transaction(async (tx) => {
    const agreement = await tx.serviceAgreement.findUnique({ where: { id: input.agreementId }, select: { id: true, name: true, maintenanceNotice: true } });
    if (!agreement) throw unprocessable("No agreement with that id", { agreementId: ["unknown"] });
    // Recorded downtime that counts, of the agreement's customers, that a back-dated window would cover.
    const outages = await tx.incident.findMany({
      where: {
        counts: true,
        startedAt: { lt: input.endsAt },
        OR: [{ endedAt: null }, { endedAt: { gt: input.startsAt } }],
        AND: [{ OR: [{ agreementId: agreement.id }, { organization: { agreementId: agreement.id } }, { affected: { some: { organization: { agreementId: agreement.id } } } }] }],
      },
      orderBy: { startedAt: "asc" },
      select: { id: true, startedAt: true, endedAt: true },
    });
    const verdict = checkMaintenanceNotice({
      rule: parseMaintenanceNoticeRule(agreement.maintenanceNotice),
      window: { from: input.startsAt, to: input.endsAt },
      announcedAt: now,
      cause: input.description,
      outages: outages.map((o) => ({ id: o.id, from: o.startedAt, to: o.endedAt })),
    });
    if (!verdict.accepted) throw new MaintenanceNoticeRefused(verdict.refusals);
    const window = await tx.maintenanceWindow.create({
      data: {
        agreementId: agreement.id,
        kind: "ONE_OFF",
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        description: input.description,
        announcedAt: now,
        noticeFlags: verdict.flags.map((f) => f.code),
      },
      select: { id: true, agreementId: true, kind: true, startsAt: true, endsAt: true, description: true, announcedAt: true, noticeFlags: true },
    });
    const notified = await writeMaintenanceNotices(tx, {
      windowId: window.id,
      agreementId: agreement.id,
      agreementName: agreement.name,
      cause: input.description,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      at: now,
    });
    await writeAudit(tx, ctx, {
      actor,
      action: "maintenance.announce",
      targetType: "MaintenanceWindow",
      targetId: window.id,
      organizationId: null,
      after: { agreementId: agreement.id, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString(), noticeFlags: window.noticeFlags },
    });
    return { ...window, flags: verdict.flags, notified };
  });
}
