import "server-only";
/**
 * A provider admin creates an agreement, from a preset the form was filled in from or from
 * scratch: its first version (targets per priority on calendars, warning thresholds, compliance,
 * escalation rules, the credit scheme with its claim rule) valid from the moment it is saved, its
 * uptime coverage and its recurring maintenance windows. Everything is validated by lib/sla
 * before anything is written; a preset calendar that is not in the database yet is created from
 * the preset. One transaction, with the audit row.
 */
import { CALENDAR_PRESETS, parseMaintenanceRules, PRIORITIES, SlaInputError, validateAgreementVersion, type AgreementVersionSpec, type CreditScheme } from "../../sla";
import { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import { AppError, unprocessable } from "../errors";
import { calendarSpecOf } from "../db/agreements";
import { TRANSACTION_OPTIONS, type DbClient } from "../db/prisma";
import { toJson } from "../db/json";
import { writeAudit } from "../audit/write-audit";
import { EscalationRulesSchema } from "../escalation/rules";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { rethrowSlaError } from "./sla-error";
import { creditFormField, creditSchemeOf } from "./credit-input";
import { AGREEMENT_TIME_ZONE } from "./create-agreement-version";
import { CreateAgreementSchema, type CreateAgreementInput } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PRESET_CALENDAR_PREFIX = "preset:";

/** "Nettsoft mobil (MBN/BN) – Ålesund" → "nettsoft-mobil-mbn-bn-alesund". */
export function agreementKeyOf(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return base || "agreement";
}

function formFieldOf(slaField: string): string {
  const f = slaField.replace(/^version\./, "");
  const target = /^targets\.(P[1-4])\.(minutes|calendar)/.exec(f);
  if (target) return `targets.${target[1]}.${target[2] === "minutes" ? "minutes" : "calendarId"}`;
  if (f.startsWith("warningThresholds")) return "warningPercents";
  if (f.startsWith("compliance")) return "minWithinTargetPercent";
  const credit = creditFormField(f);
  if (credit) return credit;
  if (f.startsWith("maintenance")) return "maintenance";
  return "_";
}

/** A calendar's id from the form: an existing calendar, or a preset calendar created (once) from lib/sla. */
async function resolveCalendar(tx: DbClient, ref: string, field: string, now: Date): Promise<string> {
  if (ref.startsWith(PRESET_CALENDAR_PREFIX)) {
    const preset = CALENDAR_PRESETS.find((c) => c.key === ref.slice(PRESET_CALENDAR_PREFIX.length));
    if (!preset) throw unprocessable(`Unknown preset calendar ${ref}`, { [field]: ["unknown calendar"] });
    const existing = await tx.calendar.findUnique({ where: { key: preset.key }, select: { id: true } });
    if (existing) return existing.id;
    const created = await tx.calendar.create({
      data: { key: preset.key, name: preset.name, timeZone: preset.spec.timeZone, weekly: toJson(preset.spec.weekly), holidayCountry: preset.spec.holidays?.country ?? null, createdAt: now },
      select: { id: true },
    });
    return created.id;
  }
  if (!UUID.test(ref) || !(await tx.calendar.findUnique({ where: { id: ref }, select: { id: true } }))) throw unprocessable(`Unknown calendar ${ref}`, { [field]: ["unknown calendar"] });
  return ref;
}

export async function createAgreement({ actor, input: raw, ctx }: { actor: Actor; input: CreateAgreementInput; ctx: UseCaseContext }): Promise<{ id: string; key: string; versionId: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(CreateAgreementSchema, raw);
  const now = ctx.now();
  const covered = PRIORITIES.filter((p) => input.targets[p].minutes !== null);
  if (covered.length === 0) throw unprocessable("An agreement covers at least one priority", { "targets.P1.minutes": ["give a target for at least one priority"] });
  let credit: CreditScheme;
  let maintenance: ReturnType<typeof parseMaintenanceRules>;
  try {
    credit = creditSchemeOf(input.credit, input.claimWithinDays);
    maintenance = parseMaintenanceRules(input.maintenance, AGREEMENT_TIME_ZONE, "maintenance");
  } catch (error) {
    rethrowSlaError(error, formFieldOf);
  }
  const escalationRules = EscalationRulesSchema.parse({ warning: { notify: input.escalation.warning }, breach: { notify: input.escalation.breach, moveToNextLine: input.escalation.moveToNextLine } });

  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const calendarIds = new Map<string, string>();
      for (const p of covered) {
        const ref = input.targets[p].calendarId;
        if (!calendarIds.has(ref)) calendarIds.set(ref, await resolveCalendar(tx, ref, `targets.${p}.calendarId`, now));
      }
      const uptimeCalendarId = input.uptimeCalendarId ? await resolveCalendar(tx, input.uptimeCalendarId, "uptimeCalendarId", now) : null;
      const calendars = await tx.calendar.findMany({
        where: { id: { in: [...calendarIds.values()] } },
        select: { id: true, key: true, timeZone: true, weekly: true, holidayCountry: true, dates: { orderBy: { date: "asc" }, select: { date: true, hours: true } } },
      });
      const byId = new Map(calendars.map((c) => [c.id, c]));
      const targets: AgreementVersionSpec["targets"] = {};
      for (const p of covered) targets[p] = { minutes: input.targets[p].minutes!, calendar: calendarSpecOf(byId.get(calendarIds.get(input.targets[p].calendarId)!)!) };
      const spec: AgreementVersionSpec = {
        id: "new",
        agreementId: "new",
        validFrom: now.toISOString(),
        targets,
        warningThresholds: input.warningPercents.map((pct) => pct / 100),
        compliance: { minWithinTargetPercent: input.minWithinTargetPercent },
        credit,
      };
      try {
        validateAgreementVersion(spec);
      } catch (error) {
        if (error instanceof SlaInputError) rethrowSlaError(error, formFieldOf);
        throw error;
      }

      const base = agreementKeyOf(input.name);
      const taken = new Set((await tx.serviceAgreement.findMany({ where: { key: { startsWith: base } }, select: { key: true } })).map((a) => a.key));
      let key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
      const label = `${key}-v1`;

      const agreement = await tx.serviceAgreement.create({
        data: {
          key,
          name: input.name,
          provider: input.provider,
          source: input.source || null,
          uptimeCalendarId,
          maintenanceReducesTotal: input.maintenanceReducesTotal,
          createdAt: now,
          versions: {
            create: {
              label,
              validFrom: now,
              warningThresholds: spec.warningThresholds,
              minWithinTargetPercent: input.minWithinTargetPercent,
              creditScheme: toJson(credit),
              escalationRules: toJson(escalationRules),
              createdAt: now,
              targets: { create: covered.map((p) => ({ priority: p, minutes: input.targets[p].minutes!, calendarId: calendarIds.get(input.targets[p].calendarId)! })) },
            },
          },
          maintenanceWindows: {
            create: maintenance.map((rule) => ({ kind: "RECURRING" as const, rule: toJson(rule), description: `${input.name}: ${rule.kind} ${rule.start}–${rule.end} (${rule.timeZone})` })),
          },
        },
        select: { id: true, key: true, versions: { select: { id: true } } },
      });
      const versionId = agreement.versions[0]!.id;
      await writeAudit(tx, ctx, {
        actor: { userId: actor.userId, email: actor.email },
        action: "agreement.create",
        targetType: "ServiceAgreement",
        targetId: agreement.id,
        organizationId: null,
        before: null,
        after: toJson({
          key,
          name: input.name,
          provider: input.provider,
          source: input.source || null,
          version: { id: versionId, label, validFrom: now.toISOString() },
          targets: Object.fromEntries(covered.map((p) => [p, { minutes: input.targets[p].minutes, calendar: byId.get(calendarIds.get(input.targets[p].calendarId)!)!.key }])),
          warningThresholds: spec.warningThresholds,
          minWithinTargetPercent: input.minWithinTargetPercent,
          escalationRules,
          creditScheme: credit,
          maintenance,
          uptimeCalendarId,
          maintenanceReducesTotal: input.maintenanceReducesTotal,
        }),
      });
      return { id: agreement.id, key: agreement.key, versionId };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    // two admins saving the same name at once: the unique key decides
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError("conflict", "An agreement with that name was saved at the same time", { name: ["taken, try again"] });
    throw error;
  }
}
