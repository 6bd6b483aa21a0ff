import "server-only";
/** Turns an organisation's OIDC sign-in off (after the admin confirms) or on again; one audit row per change. */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { OrganizationOidcIdSchema, type OrganizationOidcIdInput } from "./schemas";

export async function setOrganizationOidcEnabled({
  actor,
  input,
  enabled,
  ctx,
}: {
  actor: Actor;
  input: OrganizationOidcIdInput;
  enabled: boolean;
  ctx: UseCaseContext;
}): Promise<{ changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { organizationId } = parseInput(OrganizationOidcIdSchema, input);
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.organizationOidc.findUnique({ where: { organizationId }, select: { enabled: true, organization: { select: { isProvider: true } } } });
    if (!row || row.organization.isProvider) throw notFound("OIDC configuration");
    if (row.enabled === enabled) return { changed: false };
    await tx.organizationOidc.update({ where: { organizationId }, data: { enabled } });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: enabled ? "organization.oidc.enable" : "organization.oidc.disable",
      targetType: "OrganizationOidc",
      targetId: organizationId,
      organizationId,
      before: { enabled: !enabled },
      after: { enabled },
    });
    return { changed: true };
  }, TRANSACTION_OPTIONS);
}
