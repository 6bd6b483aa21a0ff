/**
 * Each organisation's own OIDC identity provider (issue 15): the configuration round-trip (the
 * client secret stored encrypted and never read back, empty keeps it), its audit rows without the
 * secret, turning it off and on, the next-auth providers built from the database, and the sign-in
 * decision against real users: only existing, active users of THAT organisation get in; a
 * Microsoft Entra ID token without email_verified counts when its tenant and domain are the
 * configured ones.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Account } from "next-auth";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import { readEnv } from "../../lib/config/env";
import type { Actor } from "../../lib/server/actor";
import { buildAuthOptions } from "../../lib/server/auth/options";
import { decryptSecret } from "../../lib/server/secrets";
import {
  getOrganizationOidc,
  listOidcSignInOptions,
  oidcSignInDecision,
  organizationOidcProviders,
  organizationProviderId,
  saveOrganizationOidc,
  setOrganizationOidcEnabled,
} from "../../lib/server/oidc";
import { actorByEmail, rejection, seedOnce } from "../support/fixtures";

const KEY = randomBytes(32).toString("base64");
const run = randomBytes(4).toString("hex");
const TENANT = "3f2c9a41-7b1e-4c55-9a0d-1e2f3a4b5c6d";
const SECRET = `entra-secret-${run}`;
const NEW_SECRET = `rotated-secret-${run}`;
const AT = new Date("2026-12-01T09:00:00Z");

describe("OIDC per organisation", () => {
  const prisma = db();
  const ctx = { prisma, now: () => AT, clientAddress: "192.0.2.15" };
  let admin: Actor;
  let kari: Actor;
  let orgA: string;
  let orgB: string;
  const domainA = `a-${run}.example`;
  const users = {} as Record<"active" | "deactivated" | "other", { id: string; email: string }>;

  const auditRows = (organizationId: string) => prisma.auditLog.findMany({ where: { organizationId, action: { startsWith: "organization.oidc." } }, orderBy: { id: "asc" } });
  const input = (over: Record<string, unknown> = {}) => ({
    organizationId: orgA,
    displayName: "Nordlys Entra ID",
    issuer: `https://login.microsoftonline.com/${TENANT}/v2.0/`,
    clientId: "helpdesk-client",
    clientSecret: SECRET,
    entraId: true,
    entraTenantId: TENANT.toUpperCase(),
    verifiedDomains: `${domainA.toUpperCase()}, a-${run}.no`,
    ...over,
  });

  beforeAll(async () => {
    await seedOnce(prisma);
    admin = await actorByEmail(prisma, "admin@servicedesk.example");
    kari = await actorByEmail(prisma, "kari@nordlys.example");
    orgA = (await prisma.organization.create({ data: { name: `OIDC A ${run}`, slug: `oidc-a-${run}`, ticketPrefix: "OA" } })).id;
    orgB = (await prisma.organization.create({ data: { name: `OIDC B ${run}`, slug: `oidc-b-${run}`, ticketPrefix: "OB" } })).id;
    const mk = async (organizationId: string, local: string, domain: string, deactivatedAt: Date | null = null) =>
      prisma.user.create({ data: { organizationId, email: `${local}@${domain}`, name: local, role: "END_USER", deactivatedAt }, select: { id: true, email: true } });
    users.active = await mk(orgA, "aktiv", domainA);
    users.deactivated = await mk(orgA, "sluttet", domainA, new Date("2026-11-01T00:00:00Z"));
    // Another organisation's user whose address is in A's tenant domain (e.g. a consultant).
    users.other = await mk(orgB, "konsulent", domainA);
  });
  afterAll(() => redis().disconnect());

  it("stores the secret encrypted, never gives it back, keeps it when left empty, and audits without it", async () => {
    // Only a provider admin; an Entra ID configuration needs its tenant and domains; nothing written.
    expect((await rejection(saveOrganizationOidc({ actor: kari, input: input(), ctx, secretsKey: KEY }))).code).toBe("not_found");
    expect((await rejection(saveOrganizationOidc({ actor: admin, input: input({ entraTenantId: "" }), ctx, secretsKey: KEY }))).fields).toHaveProperty("entraTenantId");
    expect((await rejection(saveOrganizationOidc({ actor: admin, input: input({ verifiedDomains: "" }), ctx, secretsKey: KEY }))).fields).toHaveProperty("verifiedDomains");
    expect((await rejection(saveOrganizationOidc({ actor: admin, input: input({ issuer: "http://idp.example" }), ctx, secretsKey: KEY }))).fields).toHaveProperty("issuer");
    expect((await rejection(saveOrganizationOidc({ actor: admin, input: input({ clientSecret: "" }), ctx, secretsKey: KEY }))).fields).toHaveProperty("clientSecret");
    expect(await prisma.organizationOidc.count({ where: { organizationId: orgA } })).toBe(0);

    expect(await saveOrganizationOidc({ actor: admin, input: input(), ctx, secretsKey: KEY })).toEqual({ created: true, changed: true });
    const row = await prisma.organizationOidc.findUniqueOrThrow({ where: { organizationId: orgA } });
    expect(row).toMatchObject({ issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`, entraTenantId: TENANT, verifiedDomains: [domainA, `a-${run}.no`], enabled: true });
    expect(row.clientSecretEncrypted).not.toContain(SECRET);
    expect(decryptSecret(row.clientSecretEncrypted, KEY)).toBe(SECRET);

    // What the page reads: everything but the secret, encrypted or not.
    const view = await getOrganizationOidc({ actor: admin, input: { organizationId: orgA }, ctx });
    expect(view.config).toMatchObject({ displayName: "Nordlys Entra ID", clientId: "helpdesk-client", hasSecret: true, entraId: true, providerId: organizationProviderId(orgA) });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(JSON.stringify(view)).not.toContain(row.clientSecretEncrypted);
    expect(view.config).not.toHaveProperty("clientSecretEncrypted");

    // Saved again unchanged with an empty secret: nothing changes, nothing audited; the secret stays.
    expect(await saveOrganizationOidc({ actor: admin, input: input({ clientSecret: "" }), ctx, secretsKey: KEY })).toEqual({ created: false, changed: false });
    // A new client id and a new secret: both stored, the secret only as "changed".
    expect(await saveOrganizationOidc({ actor: admin, input: input({ clientId: "helpdesk-2", clientSecret: NEW_SECRET }), ctx, secretsKey: KEY })).toEqual({ created: false, changed: true });
    const rotated = await prisma.organizationOidc.findUniqueOrThrow({ where: { organizationId: orgA } });
    expect(decryptSecret(rotated.clientSecretEncrypted, KEY)).toBe(NEW_SECRET);

    const rows = await auditRows(orgA);
    expect(rows.map((r) => r.action)).toEqual(["organization.oidc.create", "organization.oidc.update"]);
    expect(rows[0]).toMatchObject({ actorId: admin.userId, actorEmail: admin.email, targetType: "OrganizationOidc", targetId: orgA, address: "192.0.2.15", at: AT });
    expect(rows[0]!.after).toMatchObject({ displayName: "Nordlys Entra ID", clientId: "helpdesk-client", entraTenantId: TENANT, secret: "set" });
    expect(rows[1]!.before).toEqual({ clientId: "helpdesk-client" });
    expect(rows[1]!.after).toEqual({ clientId: "helpdesk-2", secret: "changed" });
    for (const r of rows) {
      const text = JSON.stringify([r.before, r.after]);
      for (const secret of [SECRET, NEW_SECRET, row.clientSecretEncrypted, rotated.clientSecretEncrypted]) expect(text).not.toContain(secret);
    }
  });

  it("turns the sign-in off and on (audited); only enabled configurations are providers and buttons", async () => {
    const id = organizationProviderId(orgA);
    expect((await listOidcSignInOptions(prisma)).find((o) => o.providerId === id)).toEqual({ providerId: id, name: "Nordlys Entra ID" });
    const provider = (await organizationOidcProviders(prisma, KEY)).find((p) => p.provider.id === id);
    expect(provider?.provider).toMatchObject({
      name: "Nordlys Entra ID",
      clientId: "helpdesk-2",
      clientSecret: NEW_SECRET,
      wellKnown: `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
    });
    expect(provider?.rule).toEqual({ organizationId: orgA, entraId: true, entraTenantId: TENANT, verifiedDomains: [domainA, `a-${run}.no`] });
    // With another key the secret cannot be read: that provider is left out rather than failing sign-in.
    expect((await organizationOidcProviders(prisma, randomBytes(32).toString("base64"))).find((p) => p.provider.id === id)).toBeUndefined();

    expect(await setOrganizationOidcEnabled({ actor: admin, input: { organizationId: orgA }, enabled: false, ctx })).toEqual({ changed: true });
    expect(await setOrganizationOidcEnabled({ actor: admin, input: { organizationId: orgA }, enabled: false, ctx })).toEqual({ changed: false });
    expect((await listOidcSignInOptions(prisma)).find((o) => o.providerId === id)).toBeUndefined();
    expect((await organizationOidcProviders(prisma, KEY)).find((p) => p.provider.id === id)).toBeUndefined();
    expect((await getOrganizationOidc({ actor: admin, input: { organizationId: orgA }, ctx })).config?.enabled).toBe(false);

    expect(await setOrganizationOidcEnabled({ actor: admin, input: { organizationId: orgA }, enabled: true, ctx })).toEqual({ changed: true });
    expect((await listOidcSignInOptions(prisma)).find((o) => o.providerId === id)).toBeDefined();
    const rows = await auditRows(orgA);
    expect(rows.slice(-2).map((r) => [r.action, r.before, r.after])).toEqual([
      ["organization.oidc.disable", { enabled: true }, { enabled: false }],
      ["organization.oidc.enable", { enabled: false }, { enabled: true }],
    ]);
  });

  it("lets in only existing, active users of that organisation (Entra ID: tenant and verified domain instead of email_verified)", async () => {
    const rule = { organizationId: orgA, entraId: true, entraTenantId: TENANT, verifiedDomains: [domainA] };
    const claims = (email: string, extra: Record<string, unknown> = {}) => ({ sub: "idp-subject", email, tid: TENANT, ...extra });
    expect(await oidcSignInDecision(prisma, rule, claims(users.active.email.toUpperCase()))).toEqual({ ok: true, userId: users.active.id });
    expect(await oidcSignInDecision(prisma, rule, claims(users.deactivated.email))).toEqual({ ok: false, reason: "inactive" });
    expect(await oidcSignInDecision(prisma, rule, claims(users.other.email))).toEqual({ ok: false, reason: "other_organization" });
    expect(await oidcSignInDecision(prisma, rule, claims(`ukjent@${domainA}`))).toEqual({ ok: false, reason: "unknown_user" });
    expect(await oidcSignInDecision(prisma, rule, claims(users.active.email, { tid: "00000000-0000-4000-8000-000000000000" }))).toEqual({ ok: false, reason: "wrong_tenant" });
    // A seeded user of another organisation, with a verified e-mail from a standard provider: still not A's.
    expect(await oidcSignInDecision(prisma, { ...rule, entraId: false }, { sub: "x", email: "kari@nordlys.example", email_verified: true })).toEqual({ ok: false, reason: "other_organization" });
    // The organisation itself deactivated: its users are nobody.
    await prisma.organization.update({ where: { id: orgA }, data: { deactivatedAt: AT } });
    expect(await oidcSignInDecision(prisma, rule, claims(users.active.email))).toEqual({ ok: false, reason: "inactive" });
    await prisma.organization.update({ where: { id: orgA }, data: { deactivatedAt: null } });
  });

  it("next-auth's callbacks with the organisation's provider: sign-in, the session's user, and a refusal audited", async () => {
    const organizationOidc = (await organizationOidcProviders(prisma, KEY)).filter((p) => p.rule.organizationId === orgA);
    const options = buildAuthOptions(readEnv({}), () => prisma, undefined, { organizationOidc });
    const account: Account = { provider: organizationProviderId(orgA), type: "oauth", providerAccountId: "idp-subject" };
    const signIn = (email: string, extra: Record<string, unknown> = {}, acc: Account = account) =>
      options.callbacks!.signIn!({ user: { id: "idp-subject" }, account: acc, profile: { sub: "idp-subject", email, tid: TENANT, ...extra } as never });
    expect(options.providers.map((p) => p.id)).toEqual(["credentials", organizationProviderId(orgA)]);
    expect(await signIn(users.active.email)).toBe(true);
    expect(await signIn(users.deactivated.email)).toBe(false);
    expect(await signIn(users.other.email)).toBe(false);
    // B has no provider of its own: its id is not one next-auth knows.
    expect(await signIn(users.other.email, {}, { ...account, provider: organizationProviderId(orgB) })).toBe(false);

    const failed = await prisma.auditLog.findMany({ where: { action: "auth.sign_in_failed", actorEmail: { in: [users.deactivated.email, users.other.email] } }, orderBy: { id: "asc" } });
    expect(failed.map((r) => [r.actorEmail, r.after])).toEqual([
      [users.deactivated.email, { reason: "oidc_inactive" }],
      [users.other.email, { reason: "oidc_other_organization" }],
    ]);

    const token = await options.callbacks!.jwt!({
      token: { sub: "idp-subject" },
      user: { id: "idp-subject" },
      account,
      profile: { sub: "idp-subject", email: users.active.email, tid: TENANT } as never,
    });
    expect(token).toEqual({ sub: users.active.id, sid: expect.any(String) });
    const signedIn = await prisma.auditLog.findFirst({ where: { action: "auth.sign_in", actorId: users.active.id } });
    expect(signedIn?.after).toMatchObject({ method: "oidc" });
  });
});
