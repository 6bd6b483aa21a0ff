import "server-only";
/**
 * Sign-in with an OpenID Connect identity provider (SLA-RULES.md §5, issue 15): the global one from
 * the environment, offered when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set, and
 * each organisation's own (lib/server/oidc/, configured in the browser). No self-provisioning: the
 * e-mail the IdP vouches for (lib/server/oidc/email-rule.ts) must belong to an existing, active user.
 */
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "../../config/env";

export const OIDC_PROVIDER_ID = "oidc";

export interface OidcProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  /** Microsoft Entra ID: the tenant the account belongs to. */
  tid?: string;
}

/** A next-auth provider for an issuer (its discovery document is read at sign-in). */
export function oidcOAuthProvider(p: { id: string; name: string; issuer: string; clientId: string; clientSecret: string }): OAuthConfig<OidcProfile> {
  return {
    id: p.id,
    name: p.name,
    type: "oauth",
    wellKnown: `${p.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

export function oidcProvider(env: Env): OAuthConfig<OidcProfile> | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer || !clientId || !clientSecret) return null;
  return oidcOAuthProvider({ id: OIDC_PROVIDER_ID, name: env.OIDC_NAME, issuer, clientId, clientSecret });
}
