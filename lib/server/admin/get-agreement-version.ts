import "server-only";
/** One agreement version: per-priority targets on their calendars, thresholds and the credit scheme. */
import { PRIORITIES, type CreditScheme, type Priority } from "../../sla";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { VersionIdSchema } from "./schemas";
import { CreditSchemeSchema, parseStored } from "../db/json-schemas";

export interface AgreementVersionDetail {
  id: string;
  label: string;
  validFrom: Date;
  note: string | null;
  agreement: { id: string; name: string };
  targets: Array<{ priority: Priority; minutes: number | null; calendar: { id: string; name: string } | null }>;
  warningThresholds: number[];
  minWithinTargetPercent: number;
  creditScheme: CreditScheme;
}

export async function getAgreementVersion({ actor, input: raw, ctx }: { actor: Actor; input: { versionId: string }; ctx: UseCaseContext }): Promise<AgreementVersionDetail> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { versionId } = parseInput(VersionIdSchema, raw);
  const v = await ctx.prisma.agreementVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true,
      label: true,
      validFrom: true,
      note: true,
      warningThresholds: true,
      minWithinTargetPercent: true,
      creditScheme: true,
      agreement: { select: { id: true, name: true } },
      targets: { select: { priority: true, minutes: true, calendar: { select: { id: true, name: true } } } },
    },
  });
  if (!v) throw notFound("Agreement version");
  const targets = PRIORITIES.map((priority) => {
    const t = v.targets.find((x) => x.priority === priority);
    return { priority, minutes: t?.minutes ?? null, calendar: t?.calendar ?? null };
  });
  return { ...v, targets, creditScheme: parseStored(CreditSchemeSchema, v.creditScheme, `AgreementVersion.creditScheme of version ${v.id}`) };
}
