import "server-only";
/** One agreement with its versions, and what a new version starts from (the latest version). */
import { PRIORITIES, type CreditScheme, type Priority } from "../../sla";
import { CreditSchemeSchema, parseStored } from "../db/json-schemas";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { AgreementIdSchema } from "./schemas";
import { parseEscalationRules } from "../escalation/rules";

const escalationOf = (stored: unknown) => {
  const rules = parseEscalationRules(stored);
  return { warning: rules.warning.notify, breach: rules.breach.notify, moveToNextLine: rules.breach.moveToNextLine };
};

export interface AgreementDetail {
  id: string;
  name: string;
  provider: string;
  source: string | null;
  versions: Array<{ id: string; label: string; validFrom: Date; targets: Array<{ priority: Priority; minutes: number; calendarName: string }> }>;
  /** The latest version's values, to prefill a new version. */
  latest: {
    targets: Record<Priority, { minutes: number | null; calendarId: string | null }>;
    warningThresholds: number[];
    minWithinTargetPercent: number;
    /** Who is told at a warning and a breach, and whether a breach moves line (lib/server/escalation). */
    escalation: { warning: string[]; breach: string[]; moveToNextLine: boolean };
    /** The credit scheme with its claim rule (lib/sla). */
    credit: CreditScheme;
  } | null;
}

export async function getAgreement({ actor, input: raw, ctx }: { actor: Actor; input: { agreementId: string }; ctx: UseCaseContext }): Promise<AgreementDetail> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { agreementId } = parseInput(AgreementIdSchema, raw);
  const a = await ctx.prisma.serviceAgreement.findUnique({
    where: { id: agreementId },
    select: {
      id: true,
      name: true,
      provider: true,
      source: true,
      versions: {
        orderBy: { validFrom: "asc" },
        select: {
          id: true,
          label: true,
          validFrom: true,
          warningThresholds: true,
          minWithinTargetPercent: true,
          escalationRules: true,
          creditScheme: true,
          targets: { orderBy: { priority: "asc" }, select: { priority: true, minutes: true, calendarId: true, calendar: { select: { name: true } } } },
        },
      },
    },
  });
  if (!a) throw notFound("Agreement");
  const last = a.versions[a.versions.length - 1];
  const latest = last
    ? {
        targets: Object.fromEntries(
          PRIORITIES.map((p) => {
            const t = last.targets.find((x) => x.priority === p);
            return [p, { minutes: t?.minutes ?? null, calendarId: t?.calendarId ?? null }];
          }),
        ) as Record<Priority, { minutes: number | null; calendarId: string | null }>,
        warningThresholds: last.warningThresholds,
        minWithinTargetPercent: last.minWithinTargetPercent,
        escalation: escalationOf(last.escalationRules),
        credit: parseStored(CreditSchemeSchema, last.creditScheme, `AgreementVersion.creditScheme of ${last.id}`),
      }
    : null;
  return {
    id: a.id,
    name: a.name,
    provider: a.provider,
    source: a.source,
    versions: a.versions.map((v) => ({
      id: v.id,
      label: v.label,
      validFrom: v.validFrom,
      targets: v.targets.map((t) => ({ priority: t.priority, minutes: t.minutes, calendarName: t.calendar.name })),
    })),
    latest,
  };
}
