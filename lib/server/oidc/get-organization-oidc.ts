import "server-only";
/** An organisation's OIDC configuration for its page: everything but the secret (only that one is stored). */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { OrganizationOidcIdSchema, type OrganizationOidcIdInput } from "./schemas";
import { organizationProviderId } from "./record";

export interface OrganizationOidcView {
  organization: { id: string; name: string; active: boolean };
  config: {
    providerId: string;
    displayName: string;
    issuer: string;
    clientId: string;
    hasSecret: boolean;
    entraId: boolean;
    entraTenantId: string | null;
    verifiedDomains: string[];
    enabled: boolean;
  } | null;
}

export async function getOrganizationOidc({ actor, input, ctx }: { actor: Actor; input: OrganizationOidcIdInput; ctx: UseCaseContext }): Promise<OrganizationOidcView> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { organizationId } = parseInput(OrganizationOidcIdSchema, input);
  const org = await ctx.prisma.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      isProvider: true,
      deactivatedAt: true,
      oidc: { select: { displayName: true, issuer: true, clientId: true, clientSecretEncrypted: true, entraId: true, entraTenantId: true, verifiedDomains: true, enabled: true } },
    },
  });
  if (!org || org.isProvider) throw notFound("Organisation");
  const { clientSecretEncrypted, ...config } = org.oidc ?? { clientSecretEncrypted: "" };
  return {
    organization: { id: org.id, name: org.name, active: org.deactivatedAt === null },
    config: org.oidc ? { ...(config as Omit<NonNullable<typeof org.oidc>, "clientSecretEncrypted">), providerId: organizationProviderId(org.id), hasSecret: clientSecretEncrypted !== "" } : null,
  };
}
