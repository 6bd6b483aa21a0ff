import "server-only";
/**
 * Adds a dated version to an agreement: targets per priority (business minutes on a calendar),
 * warning thresholds, the compliance threshold and (when given) the escalation rules and the credit
 * scheme with its claim rule; those two, when not given, are copied from the latest version.
 * Maintenance windows belong to the agreement (MaintenanceWindow), not to a version, so a version
 * does not change them. Validated as a whole by lib/sla's validateAgreementVersion on
 * the calendars' specs. Tickets registered from validFrom on are measured by it; a validFrom that
 * another version of the agreement already has is refused. A ticket keeps the version it was
 * registered with (Ticket.agreementVersionId), so a new version never changes one registered
 * before it. Audited (agreement.version.create) in the same transaction.
 */
import { PRIORITIES, SlaInputError, validateAgreementVersion, type AgreementVersionSpec, type CreditScheme, type Priority } from "../../sla";
import { dayNumberFromIsoDate } from "../../sla/local-date";
import { instantOfWallTime } from "../../sla/time-zone";
import { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { AppError, notFound, unprocessable } from "../errors";
import { calendarSpecOf } from "../db/agreements";
import { TIME_ZONE } from "../../config/time-zone";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import { toJson } from "../db/json";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { writeAudit } from "../audit/write-audit";
import { EscalationRulesSchema, parseEscalationRules } from "../escalation/rules";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { rethrowSlaError } from "./sla-error";
import { creditFormField, creditSchemeOf } from "./credit-input";
import { CreateAgreementVersionSchema, type CreateAgreementVersionInput } from "./schemas";
import { CreditSchemeSchema, parseStored } from "../db/json-schemas";

/** Agreements are written in the installation's time (TIME_ZONE, default Europe/Oslo). */
export const AGREEMENT_TIME_ZONE = TIME_ZONE;

/** "2027-01-01T00:00" in that zone → the instant. */
export function osloInstantOf(local: string): Date {
  const [date = "", time = ""] = local.split("T");
  let day: number;
  try {
    day = dayNumberFromIsoDate(date, "validFrom");
  } catch (error) {
    rethrowSlaError(error, () => "validFrom");
  }
  const [h, m] = time.split(":").map(Number) as [number, number];
  if (!(h >= 0 && h <= 23 && m >= 0 && m <= 59)) throw unprocessable(`"${time}" is not a time HH:MM`, { validFrom: [`"${time}" is not a time HH:MM`] });
  return new Date(instantOfWallTime(AGREEMENT_TIME_ZONE, day, (h * 60 + m) * 60_000));
}

function formFieldOf(slaField: string): string {
  const f = slaField.replace(/^version\./, "");
  const target = /^targets\.(P[1-4])\.(minutes|calendar)/.exec(f);
  if (target) return `targets.${target[1]}.${target[2] === "minutes" ? "minutes" : "calendarId"}`;
  if (f.startsWith("warningThresholds")) return "warningPercents";
  if (f.startsWith("compliance")) return "minWithinTargetPercent";
  if (f.startsWith("validFrom")) return "validFrom";
  return creditFormField(f) ?? "_";
}

const collision = (validFrom: Date) =>
  new AppError("conflict", `The agreement already has a version valid from ${validFrom.toISOString()}`, { validFrom: ["another version of this agreement starts at the same time"] });

export async function createAgreementVersion({
  actor,
  input: raw,
  ctx,
}: {
  actor: Actor;
  input: CreateAgreementVersionInput;
  ctx: UseCaseContext;
}): Promise<{ id: string; agreementId: string; validFrom: Date }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(CreateAgreementVersionSchema, raw);
  const validFrom = osloInstantOf(input.validFrom);
  const covered = PRIORITIES.filter((p) => input.targets[p].minutes !== null);
  if (covered.length === 0) throw unprocessable("A version covers at least one priority", { "targets.P1.minutes": ["give a target for at least one priority"] });
  let givenCredit: CreditScheme | undefined;
  try {
    givenCredit = input.credit ? creditSchemeOf(input.credit, input.claimWithinDays) : undefined;
  } catch (error) {
    rethrowSlaError(error, formFieldOf);
  }

  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const agreement = await tx.serviceAgreement.findUnique({
        where: { id: input.agreementId },
        select: {
          id: true,
          versions: {
            orderBy: { validFrom: "desc" },
            take: 1,
            select: {
              id: true,
              label: true,
              validFrom: true,
              warningThresholds: true,
              minWithinTargetPercent: true,
              creditScheme: true,
              escalationRules: true,
              targets: { select: { priority: true, minutes: true, calendarId: true } },
            },
          },
        },
      });
      if (!agreement) throw notFound("Agreement");
      const previous = agreement.versions[0];
      if (!previous) throw unprocessable("The agreement has no version to copy the credit scheme from", { _: ["no previous version"] });
      if (await tx.agreementVersion.findFirst({ where: { agreementId: agreement.id, validFrom }, select: { id: true } })) throw collision(validFrom);

      const calendarIds = [...new Set(covered.map((p) => input.targets[p].calendarId))];
      const calendars = await tx.calendar.findMany({
        where: { id: { in: calendarIds } },
        select: { id: true, timeZone: true, weekly: true, holidayCountry: true, dates: { orderBy: { date: "asc" }, select: { date: true, hours: true } } },
      });
      const specs = new Map(calendars.map((c) => [c.id, calendarSpecOf(c)]));
      const targets: AgreementVersionSpec["targets"] = {};
      for (const p of covered) {
        const { minutes, calendarId } = input.targets[p];
        const calendar = specs.get(calendarId);
        if (!calendar) throw unprocessable(`Unknown calendar for ${p}`, { [`targets.${p}.calendarId`]: ["unknown calendar"] });
        targets[p] = { minutes: minutes!, calendar };
      }
      const spec: AgreementVersionSpec = {
        id: "new",
        agreementId: agreement.id,
        validFrom: validFrom.toISOString(),
        targets,
        warningThresholds: input.warningPercents.map((pct) => pct / 100),
        compliance: { minWithinTargetPercent: input.minWithinTargetPercent },
        credit: givenCredit ?? parseStored(CreditSchemeSchema, previous.creditScheme, `AgreementVersion.creditScheme of the latest version of agreement ${agreement.id}`),
      };
      try {
        validateAgreementVersion(spec);
      } catch (error) {
        if (error instanceof SlaInputError) rethrowSlaError(error, formFieldOf);
        throw error;
      }

      // The form has no field for paging on-call (rules' `page`): the previous version's carries over.
      const paging = parseEscalationRules(previous.escalationRules);
      const escalationRules = input.escalation
        ? EscalationRulesSchema.parse({
            warning: { notify: input.escalation.warning, page: paging.warning.page },
            breach: { notify: input.escalation.breach, moveToNextLine: input.escalation.moveToNextLine, page: paging.breach.page },
          })
        : (previous.escalationRules ?? {});
      const created = await tx.agreementVersion.create({
        data: {
          agreementId: agreement.id,
          label: input.label,
          validFrom,
          warningThresholds: spec.warningThresholds,
          minWithinTargetPercent: input.minWithinTargetPercent,
          creditScheme: toJson(spec.credit),
          escalationRules: toJson(escalationRules),
          note: input.note || null,
          createdAt: ctx.now(),
          targets: { create: covered.map((p: Priority) => ({ priority: p, minutes: input.targets[p].minutes!, calendarId: input.targets[p].calendarId })) },
        },
        select: { id: true, agreementId: true, validFrom: true },
      });
      const summary = (v: {
        label: string;
        validFrom: Date;
        warningThresholds: number[];
        minWithinTargetPercent: number;
        targets: Array<{ priority: string; minutes: number; calendarId: string }>;
      }) => ({
        label: v.label,
        validFrom: v.validFrom.toISOString(),
        targets: Object.fromEntries(v.targets.map((t) => [t.priority, { minutes: t.minutes, calendarId: t.calendarId }])),
        warningThresholds: v.warningThresholds,
        minWithinTargetPercent: v.minWithinTargetPercent,
      });
      await writeAudit(tx, ctx, {
        actor: { userId: actor.userId, email: actor.email },
        action: "agreement.version.create",
        targetType: "ServiceAgreement",
        targetId: agreement.id,
        organizationId: null,
        before: { id: previous.id, ...summary(previous), escalationRules: toJson(previous.escalationRules ?? {}), creditScheme: toJson(previous.creditScheme) },
        after: {
          id: created.id,
          ...summary({
            label: input.label,
            validFrom,
            warningThresholds: spec.warningThresholds,
            minWithinTargetPercent: input.minWithinTargetPercent,
            targets: covered.map((p) => ({ priority: p, minutes: input.targets[p].minutes!, calendarId: input.targets[p].calendarId })),
          }),
          escalationRules: toJson(escalationRules),
          creditScheme: toJson(spec.credit),
        },
      });
      return created;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    // two admins saving the same validFrom at once: the unique index decides
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw collision(validFrom);
    throw error;
  }
}
