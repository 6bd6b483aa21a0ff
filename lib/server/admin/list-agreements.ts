import "server-only";
/** Every agreement with its versions (oldest first) and the organisations on it. */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";

export interface AgreementRow {
  id: string;
  key: string;
  name: string;
  provider: string;
  source: string | null;
  organizations: string[];
  versions: Array<{ id: string; label: string; validFrom: Date }>;
}

export async function listAgreements({ actor, ctx }: { actor: Actor; input?: undefined; ctx: UseCaseContext }): Promise<AgreementRow[]> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const rows = await ctx.prisma.serviceAgreement.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      provider: true,
      source: true,
      organizations: { select: { name: true }, orderBy: { name: "asc" } },
      versions: { select: { id: true, label: true, validFrom: true }, orderBy: { validFrom: "asc" } },
    },
  });
  return rows.map((a) => ({ ...a, organizations: a.organizations.map((o) => o.name) }));
}
