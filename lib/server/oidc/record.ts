import "server-only";
/**
 * What the OIDC configuration's use cases share: the provider id of an organisation's identity
 * provider (next-auth routes /api/auth/signin/<id>), the audited description of a configuration
 * (never the secret: only that it changed), and the secrets key.
 */
import { requiredSecretsKey } from "../secrets";

export const ORGANIZATION_OIDC_PREFIX = "oidc-org-";
export const organizationProviderId = (organizationId: string): string => `${ORGANIZATION_OIDC_PREFIX}${organizationId}`;
export const organizationIdOfProvider = (providerId: string | undefined): string | null =>
  providerId?.startsWith(ORGANIZATION_OIDC_PREFIX) ? providerId.slice(ORGANIZATION_OIDC_PREFIX.length) : null;

export function oidcAudit(c: { displayName: string; issuer: string; clientId: string; entraId: boolean; entraTenantId: string | null; verifiedDomains: string[]; enabled: boolean }) {
  return {
    displayName: c.displayName,
    issuer: c.issuer,
    clientId: c.clientId,
    entraId: c.entraId,
    entraTenantId: c.entraTenantId,
    verifiedDomains: [...c.verifiedDomains].sort(),
    enabled: c.enabled,
  };
}

/** The key that encrypts client secrets (SECRETS_KEY); without it no configuration can be stored. */
export const oidcSecretsKey = (key?: Buffer | string): Buffer => requiredSecretsKey("the client secret", key);
