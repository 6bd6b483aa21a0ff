import "server-only";
/**
 * Sign-in with the customer's OpenID Connect identity provider (SLA-RULES.md §5), offered only
 * when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. No self-provisioning: the
 * IdP's verified e-mail must belong to an existing, active user.
 */
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Env } from "../../config/env";
import { loadActor } from "../actor";

export const OIDC_PROVIDER_ID = "oidc";

export interface OidcProfile extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

/** The claims sign-in relies on; some IdPs send email_verified as the string "true". */
export const VerifiedEmailClaimsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  email_verified: z.union([z.literal(true), z.literal("true")]),
});

export function oidcProvider(env: Env): OAuthConfig<OidcProfile> | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email ?? null, name: profile.name ?? null }),
  };
}

/** The id of the active user the IdP's verified e-mail belongs to, or null (unverified, unknown, deactivated). */
export async function oidcUserId(prisma: PrismaClient, profile: unknown): Promise<string | null> {
  const claims = VerifiedEmailClaimsSchema.safeParse(profile);
  if (!claims.success) return null;
  const user = await prisma.user.findUnique({ where: { email: claims.data.email }, select: { id: true } });
  if (!user) return null;
  const actor = await loadActor(prisma, user.id);
  return actor?.userId ?? null;
}
