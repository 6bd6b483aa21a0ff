import { describe, expect, it } from "vitest";
import { decideOidcSignIn, verifiedOidcEmail, type OidcRuleConfig } from "./email-rule";

const ORG = "0193a000-0000-7000-8000-000000000001";
const OTHER = "0193a000-0000-7000-8000-000000000002";
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const standard: OidcRuleConfig = { organizationId: ORG, entraId: false, entraTenantId: null, verifiedDomains: [] };
const entra: OidcRuleConfig = { organizationId: ORG, entraId: true, entraTenantId: TENANT, verifiedDomains: ["nordlys.example", "Nordlys.NO"] };

describe("verifiedOidcEmail: a standard provider", () => {
  it("needs email_verified true (or the string 'true'), and lower-cases the e-mail", () => {
    expect(verifiedOidcEmail(standard, { email: "Kari@Nordlys.example", email_verified: true })).toEqual({ ok: true, email: "kari@nordlys.example" });
    expect(verifiedOidcEmail(standard, { email: "kari@nordlys.example", email_verified: "true" })).toEqual({ ok: true, email: "kari@nordlys.example" });
    expect(verifiedOidcEmail(null, { email: "kari@nordlys.example", email_verified: true })).toEqual({ ok: true, email: "kari@nordlys.example" });
  });
  it("refuses a missing or false email_verified, and a missing or malformed e-mail", () => {
    expect(verifiedOidcEmail(standard, { email: "kari@nordlys.example" })).toEqual({ ok: false, reason: "unverified" });
    expect(verifiedOidcEmail(standard, { email: "kari@nordlys.example", email_verified: false })).toEqual({ ok: false, reason: "unverified" });
    expect(verifiedOidcEmail(standard, { email: "kari@nordlys.example", email_verified: "yes" })).toEqual({ ok: false, reason: "unverified" });
    expect(verifiedOidcEmail(null, { email: "kari@nordlys.example", email_verified: "false" })).toEqual({ ok: false, reason: "unverified" });
    expect(verifiedOidcEmail(standard, { email_verified: true })).toEqual({ ok: false, reason: "no_email" });
    expect(verifiedOidcEmail(standard, { email: "not-an-address", email_verified: true })).toEqual({ ok: false, reason: "no_email" });
    expect(verifiedOidcEmail(standard, undefined)).toEqual({ ok: false, reason: "no_email" });
  });
  it("does not trust a tenant or domain on a standard provider", () => {
    const standardWithDomains = { ...standard, entraTenantId: TENANT, verifiedDomains: ["nordlys.example"] };
    expect(verifiedOidcEmail(standardWithDomains, { email: "kari@nordlys.example", tid: TENANT })).toEqual({ ok: false, reason: "unverified" });
  });
});

describe("verifiedOidcEmail: Microsoft Entra ID", () => {
  it("accepts a work account without email_verified from the tenant, in a verified domain (case-insensitive)", () => {
    expect(verifiedOidcEmail(entra, { email: "kari@nordlys.example", tid: TENANT })).toEqual({ ok: true, email: "kari@nordlys.example" });
    expect(verifiedOidcEmail(entra, { email: "Ola@NORDLYS.no", tid: TENANT.toUpperCase() })).toEqual({ ok: true, email: "ola@nordlys.no" });
  });
  it("refuses another tenant, a missing tid, and a configuration without a tenant", () => {
    expect(verifiedOidcEmail(entra, { email: "kari@nordlys.example", tid: "00000000-0000-0000-0000-000000000000" })).toEqual({ ok: false, reason: "wrong_tenant" });
    expect(verifiedOidcEmail(entra, { email: "kari@nordlys.example" })).toEqual({ ok: false, reason: "wrong_tenant" });
    expect(verifiedOidcEmail(entra, { email: "kari@nordlys.example", tid: TENANT, email_verified: true })).toEqual({ ok: true, email: "kari@nordlys.example" });
    expect(verifiedOidcEmail({ ...entra, entraTenantId: null }, { email: "kari@nordlys.example", tid: TENANT })).toEqual({ ok: false, reason: "wrong_tenant" });
    expect(verifiedOidcEmail(entra, { email: "kari@nordlys.example", tid: 42 })).toEqual({ ok: false, reason: "wrong_tenant" });
  });
  it("refuses a domain the tenant has not verified (no subdomains, no look-alikes) and an explicit email_verified false", () => {
    expect(verifiedOidcEmail(entra, { email: "kari@gmail.com", tid: TENANT })).toEqual({ ok: false, reason: "unverified_domain" });
    expect(verifiedOidcEmail(entra, { email: "kari@sub.nordlys.example", tid: TENANT })).toEqual({ ok: false, reason: "unverified_domain" });
    expect(verifiedOidcEmail(entra, { email: "kari@nordlys.example.evil", tid: TENANT })).toEqual({ ok: false, reason: "unverified_domain" });
    expect(verifiedOidcEmail({ ...entra, verifiedDomains: [] }, { email: "kari@nordlys.example", tid: TENANT })).toEqual({ ok: false, reason: "unverified_domain" });
    expect(verifiedOidcEmail(entra, { email: "kari@nordlys.example", tid: TENANT, email_verified: false })).toEqual({ ok: false, reason: "unverified" });
  });
});

describe("decideOidcSignIn", () => {
  const ok = { ok: true as const, email: "kari@nordlys.example" };
  it("lets in an existing, active user of the configuration's organisation", () => {
    expect(decideOidcSignIn(entra, ok, { id: "u1", organizationId: ORG, active: true })).toEqual({ ok: true, userId: "u1" });
  });
  it("refuses an unknown, deactivated or other organisation's user, and passes on the e-mail's refusal", () => {
    expect(decideOidcSignIn(entra, ok, null)).toEqual({ ok: false, reason: "unknown_user" });
    expect(decideOidcSignIn(entra, ok, { id: "u1", organizationId: ORG, active: false })).toEqual({ ok: false, reason: "inactive" });
    expect(decideOidcSignIn(entra, ok, { id: "u2", organizationId: OTHER, active: true })).toEqual({ ok: false, reason: "other_organization" });
    expect(decideOidcSignIn(entra, { ok: false, reason: "wrong_tenant" }, { id: "u1", organizationId: ORG, active: true })).toEqual({ ok: false, reason: "wrong_tenant" });
  });
  it("the global provider (no organisation) accepts an active user of any organisation", () => {
    expect(decideOidcSignIn(null, ok, { id: "u2", organizationId: OTHER, active: true })).toEqual({ ok: true, userId: "u2" });
    expect(decideOidcSignIn(null, ok, { id: "u2", organizationId: OTHER, active: false })).toEqual({ ok: false, reason: "inactive" });
  });
});
