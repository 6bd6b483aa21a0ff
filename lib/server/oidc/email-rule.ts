import "server-only";
/**
 * Who an OpenID Connect sign-in is (issue 15), decided without I/O so every case is a unit test:
 *
 * - a standard identity provider must assert `email_verified: true` (some send the string "true");
 * - a Microsoft Entra ID configuration trusts its tenant instead, because Entra ID work accounts
 *   omit `email_verified`: the token's `tid` must be the configured tenant, and then an explicit
 *   `email_verified: true`, or, when the claim is absent, an e-mail in one of the tenant's verified
 *   domains (case-insensitive) is accepted; `email_verified: false` is always refused;
 * - the e-mail must belong to an existing, active user, and for an organisation's own provider to
 *   a user of THAT organisation (the global provider from the environment accepts any active user).
 */
import { z } from "zod";

/** What of an organisation's configuration the rule reads; null = the global provider (env). */
export interface OidcRuleConfig {
  organizationId: string;
  entraId: boolean;
  entraTenantId: string | null;
  verifiedDomains: readonly string[];
}

export type OidcEmailRefusal = "no_email" | "unverified" | "wrong_tenant" | "unverified_domain";
export type OidcEmailDecision = { ok: true; email: string } | { ok: false; reason: OidcEmailRefusal };

const EmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(320));
const ClaimsSchema = z.object({
  email: z.unknown().optional(),
  email_verified: z.unknown().optional(),
  tid: z.unknown().optional(),
});

const asserted = (value: unknown): boolean => value === true || value === "true";

/** The e-mail the token vouches for under the configuration's rule, or why it does not. */
export function verifiedOidcEmail(config: OidcRuleConfig | null, profile: unknown): OidcEmailDecision {
  const claims = ClaimsSchema.safeParse(profile ?? {});
  if (!claims.success) return { ok: false, reason: "no_email" };
  const email = EmailSchema.safeParse(claims.data.email);
  if (!email.success) return { ok: false, reason: "no_email" };
  const verified = claims.data.email_verified;
  if (!config?.entraId) return asserted(verified) ? { ok: true, email: email.data } : { ok: false, reason: "unverified" };

  const tenant = config.entraTenantId?.trim().toLowerCase();
  const tid = typeof claims.data.tid === "string" ? claims.data.tid.trim().toLowerCase() : "";
  if (!tenant || tid !== tenant) return { ok: false, reason: "wrong_tenant" };
  if (asserted(verified)) return { ok: true, email: email.data };
  if (verified !== undefined) return { ok: false, reason: "unverified" };
  const domain = email.data.slice(email.data.lastIndexOf("@") + 1);
  const domains = new Set(config.verifiedDomains.map((d) => d.trim().toLowerCase()));
  return domains.has(domain) ? { ok: true, email: email.data } : { ok: false, reason: "unverified_domain" };
}

/** The user found by that e-mail: `active` = loadActor accepts them (not deactivated, nor their organisation). */
export interface OidcCandidate {
  id: string;
  organizationId: string;
  active: boolean;
}

export type OidcSignInDecision = { ok: true; userId: string } | { ok: false; reason: OidcEmailRefusal | "unknown_user" | "inactive" | "other_organization" };

/** The whole decision: the e-mail rule, then the user: existing, active, and of the configuration's organisation. */
export function decideOidcSignIn(config: OidcRuleConfig | null, email: OidcEmailDecision, user: OidcCandidate | null): OidcSignInDecision {
  if (!email.ok) return email;
  if (!user) return { ok: false, reason: "unknown_user" };
  if (config && user.organizationId !== config.organizationId) return { ok: false, reason: "other_organization" };
  if (!user.active) return { ok: false, reason: "inactive" };
  return { ok: true, userId: user.id };
}
