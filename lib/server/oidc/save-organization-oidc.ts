import "server-only";
/**
 * Creates or changes an organisation's own OIDC identity provider (issue 15). The client secret is
 * stored encrypted (SECRETS_KEY) and never read back; empty keeps the stored one, and is refused
 * the first time. Saving (re)enables it. One audit row of what changed, the secret only as "changed".
 */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { changedFields, writeAudit } from "../audit/write-audit";
import { encryptSecret } from "../secrets";
import { SaveOrganizationOidcSchema, type SaveOrganizationOidcInput } from "./schemas";
import { oidcAudit, oidcSecretsKey } from "./record";

export async function saveOrganizationOidc({
  actor,
  input: raw,
  ctx,
  secretsKey,
}: {
  actor: Actor;
  input: SaveOrganizationOidcInput;
  ctx: UseCaseContext;
  secretsKey?: Buffer | string;
}): Promise<{ created: boolean; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(SaveOrganizationOidcSchema, raw);
  const secretEncrypted = input.clientSecret ? encryptSecret(input.clientSecret, oidcSecretsKey(secretsKey)) : undefined;
  const data = {
    displayName: input.displayName,
    issuer: input.issuer,
    clientId: input.clientId,
    entraId: input.entraId,
    entraTenantId: input.entraId ? input.entraTenantId.toLowerCase() : null,
    verifiedDomains: input.entraId ? input.verifiedDomains : [],
    enabled: true,
  };
  return ctx.prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, isProvider: true, oidc: true } });
    if (!org || org.isProvider) throw notFound("Organisation");
    const actorRef = { userId: actor.userId, email: actor.email };
    if (!org.oidc) {
      if (!secretEncrypted) throw unprocessable("The client secret is required", { clientSecret: ["the client secret from the identity provider"] });
      await tx.organizationOidc.create({ data: { ...data, organizationId: org.id, clientSecretEncrypted: secretEncrypted } });
      await writeAudit(tx, ctx, {
        actor: actorRef,
        action: "organization.oidc.create",
        targetType: "OrganizationOidc",
        targetId: org.id,
        organizationId: org.id,
        after: { ...oidcAudit(data), secret: "set" },
      });
      return { created: true, changed: true };
    }
    const diff = changedFields(oidcAudit(org.oidc), oidcAudit(data));
    if (!diff && !secretEncrypted) return { created: false, changed: false };
    await tx.organizationOidc.update({ where: { organizationId: org.id }, data: { ...data, ...(secretEncrypted ? { clientSecretEncrypted: secretEncrypted } : {}) } });
    await writeAudit(tx, ctx, {
      actor: actorRef,
      action: "organization.oidc.update",
      targetType: "OrganizationOidc",
      targetId: org.id,
      organizationId: org.id,
      before: diff?.before ?? {},
      after: { ...(diff?.after ?? {}), ...(secretEncrypted ? { secret: "changed" } : {}) },
    });
    return { created: false, changed: true };
  }, TRANSACTION_OPTIONS);
}
