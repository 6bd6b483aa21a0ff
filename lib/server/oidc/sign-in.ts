import "server-only";
/**
 * The organisations' own identity providers at sign-in (issue 15): next-auth providers built from
 * the database for each request to /api/auth/* (enabled configurations of active customer
 * organisations, secrets decrypted with SECRETS_KEY), the buttons /signin shows, and the decision
 * for a token's claims against the users in the database (email-rule.ts).
 */
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { PrismaClient } from "../../generated/prisma/client";
import { loadActor } from "../actor";
import { decryptSecret } from "../secrets";
import { oidcOAuthProvider, type OidcProfile } from "../auth/oidc";
import { decideOidcSignIn, verifiedOidcEmail, type OidcRuleConfig, type OidcSignInDecision } from "./email-rule";
import { oidcSecretsKey, organizationProviderId } from "./record";

export interface OrganizationOidcProvider {
  rule: OidcRuleConfig;
  provider: OAuthConfig<OidcProfile>;
}

const ENABLED = { enabled: true, organization: { isProvider: false, deactivatedAt: null } } as const;

/** The enabled configurations as next-auth providers; one whose secret cannot be decrypted is left out (and said so). */
export async function organizationOidcProviders(prisma: PrismaClient, secretsKey?: Buffer | string): Promise<OrganizationOidcProvider[]> {
  const rows = await prisma.organizationOidc.findMany({ where: ENABLED, orderBy: { displayName: "asc" } });
  if (rows.length === 0) return [];
  let key: Buffer;
  try {
    key = oidcSecretsKey(secretsKey);
  } catch {
    console.error("OIDC: SECRETS_KEY is not set; the organisations' identity providers are not offered");
    return [];
  }
  return rows.flatMap((row) => {
    try {
      const clientSecret = decryptSecret(row.clientSecretEncrypted, key);
      return [
        {
          rule: { organizationId: row.organizationId, entraId: row.entraId, entraTenantId: row.entraTenantId, verifiedDomains: row.verifiedDomains },
          provider: oidcOAuthProvider({ id: organizationProviderId(row.organizationId), name: row.displayName, issuer: row.issuer, clientId: row.clientId, clientSecret }),
        },
      ];
    } catch (error) {
      console.error(`OIDC: the client secret of organisation ${row.organizationId} cannot be decrypted (${(error as Error).message}); its sign-in is not offered`);
      return [];
    }
  });
}

/** The sign-in buttons: provider id and label of each enabled configuration (no secret is read). */
export async function listOidcSignInOptions(prisma: PrismaClient): Promise<Array<{ providerId: string; name: string }>> {
  const rows = await prisma.organizationOidc.findMany({ where: ENABLED, orderBy: { displayName: "asc" }, select: { organizationId: true, displayName: true } });
  return rows.map((r) => ({ providerId: organizationProviderId(r.organizationId), name: r.displayName }));
}

/** Who the token's claims let in under the configuration (null = the global provider), looked up in the database. */
export async function oidcSignInDecision(prisma: PrismaClient, rule: OidcRuleConfig | null, profile: unknown): Promise<OidcSignInDecision> {
  const email = verifiedOidcEmail(rule, profile);
  if (!email.ok) return email;
  const user = await prisma.user.findUnique({ where: { email: email.email }, select: { id: true, organizationId: true } });
  const active = user ? (await loadActor(prisma, user.id)) !== null : false;
  return decideOidcSignIn(rule, email, user ? { ...user, active } : null);
}
