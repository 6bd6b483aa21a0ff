/**
 * The Pureservice claim rule (003 §4.3, SLA-RULES.md §4): a month's uptime credit is credited only
 * when the customer claims it within 4 weeks of the downtime; otherwise the report shows it
 * forfeited, not paid. Each test chooses its instants; nothing reads the wall clock.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import type { Actor } from "../../lib/server/actor";
import { claimCredit, getCreditClaim, getOrganizationReport } from "../../lib/server/reports";
import { actorByEmail, rejection, seededActors } from "../support/fixtures";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import { creditClaimHandler } from "../../lib/server/api/credit-claim";
import { defaultApiDeps, withApiActor } from "../../lib/server/api/with-api-actor";
import { apiRequest, routeParams } from "../support/api-request";

const prisma = db();
const ctxAt = (iso: string) => ({ prisma, now: () => new Date(iso), clientAddress: "192.0.2.7" });

let admin: Actor, fjordvikAdmin: Actor;
/** A customer of our own on the Pureservice agreement (fee 10 000 kr), one per test, with its admin. */
async function pureserviceCustomer(): Promise<{ organizationId: string; customerAdmin: Actor; endUser: Actor }> {
  const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
  const tag = randomUUID().slice(0, 8);
  const org = await prisma.organization.create({ data: { slug: `claim-${tag}`, name: `Claim ${tag}`, ticketPrefix: "CL", agreementId: agreement.id, monthlyFeeOre: 1_000_000 } });
  await prisma.user.create({ data: { email: `admin-${tag}@claim.example`, name: "Claim admin", role: "CUSTOMER_ADMIN", organizationId: org.id } });
  await prisma.user.create({ data: { email: `user-${tag}@claim.example`, name: "Claim user", role: "END_USER", organizationId: org.id } });
  return { organizationId: org.id, customerAdmin: await actorByEmail(prisma, `admin-${tag}@claim.example`), endUser: await actorByEmail(prisma, `user-${tag}@claim.example`) };
}

/** March 2026: 10 hours down on 10 March (Oslo) → uptime 98.66 % < 99 % → 50 % credit (003 §4.5). */
async function marchDowntime(organizationId: string) {
  await prisma.incident.create({
    data: { organizationId, service: "Pureservice", cause: "database outage", startedAt: new Date("2026-03-10T02:00:00Z"), endedAt: new Date("2026-03-10T12:00:00Z"), counts: true },
  });
}

beforeAll(async () => {
  ({ admin, fjordvikAdmin } = await seededActors(prisma, ["admin", "fjordvikAdmin"]));
});
afterAll(async () => {
  await prisma.$disconnect();
  redis().disconnect();
});

async function claimView(actor: Actor, organizationId: string, now: string) {
  const ctx = ctxAt(now);
  const view = await getOrganizationReport({ actor, input: { organizationId, month: "2026-03" }, ctx });
  return { view, claim: await getCreditClaim({ actor, view, ctx }) };
}

describe("Pureservice: claim the credit within 4 weeks of the downtime (003 §4.3)", () => {
  it("claimed in time by the customer admin: credited, with an audit row", async () => {
    const { organizationId, customerAdmin } = await pureserviceCustomer();
    await marchDowntime(organizationId);
    const before = await claimView(customerAdmin, organizationId, "2026-04-01T08:00:00Z");
    expect(before.view.figures.credit).toMatchObject({ percent: 50, amountOre: 500_000 });
    expect(before.claim).toMatchObject({ state: "open", claimWithinDays: 28, deadline: "2026-04-07T12:00:00.000Z", claimedAt: null, mayClaim: true });

    const claimed = await claimCredit({ actor: customerAdmin, input: { organizationId, month: "2026-03" }, ctx: ctxAt("2026-04-07T12:00:00Z") });
    expect(claimed).toMatchObject({ state: "claimed", claimedAt: "2026-04-07T12:00:00.000Z" });

    const after = await claimView(customerAdmin, organizationId, "2026-06-01T08:00:00Z");
    expect(after.claim).toMatchObject({ state: "claimed", claimedAt: "2026-04-07T12:00:00.000Z", mayClaim: false });
    // the report's figures are unchanged by the claim
    expect(after.view.figures.credit).toEqual(before.view.figures.credit);

    const audit = await prisma.auditLog.findMany({ where: { organizationId, action: "credit.claim" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: customerAdmin.userId, targetType: "CreditClaim", address: "192.0.2.7", at: new Date("2026-04-07T12:00:00Z") });
    expect(audit[0]!.after).toMatchObject({ month: "2026-03", deadline: "2026-04-07T12:00:00.000Z", creditAmountOre: 500_000 });

    // a second claim is a conflict and writes nothing
    expect((await rejection(claimCredit({ actor: admin, input: { organizationId, month: "2026-03" }, ctx: ctxAt("2026-04-02T08:00:00Z") }))).code).toBe("conflict");
    expect(await prisma.creditClaim.count({ where: { organizationId } })).toBe(1);
  });

  it("not claimed: open until the deadline, then shown forfeited, and a late claim is refused", async () => {
    const { organizationId, customerAdmin } = await pureserviceCustomer();
    await marchDowntime(organizationId);
    expect((await claimView(customerAdmin, organizationId, "2026-04-07T12:00:00Z")).claim?.state).toBe("open");
    const late = await claimView(customerAdmin, organizationId, "2026-04-07T12:00:00.001Z");
    expect(late.claim).toMatchObject({ state: "forfeited", claimedAt: null, mayClaim: false });
    // the provider admin sees the same
    expect((await claimView(admin, organizationId, "2026-05-01T00:00:00Z")).claim?.state).toBe("forfeited");

    const refused = await rejection(claimCredit({ actor: customerAdmin, input: { organizationId, month: "2026-03" }, ctx: ctxAt("2026-04-08T00:00:00Z") }));
    expect(refused.code).toBe("unprocessable");
    expect(await prisma.creditClaim.count({ where: { organizationId } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { organizationId, action: "credit.claim" } })).toBe(0);
  });

  it("a provider admin may record the customer's claim; an end user or another organisation's admin may not (404, nothing written)", async () => {
    const { organizationId, endUser } = await pureserviceCustomer();
    await marchDowntime(organizationId);
    expect((await rejection(claimCredit({ actor: endUser, input: { organizationId, month: "2026-03" }, ctx: ctxAt("2026-04-02T08:00:00Z") }))).code).toBe("not_found");
    expect((await rejection(claimCredit({ actor: fjordvikAdmin, input: { organizationId, month: "2026-03" }, ctx: ctxAt("2026-04-02T08:00:00Z") }))).code).toBe("not_found");
    expect(await prisma.creditClaim.count({ where: { organizationId } })).toBe(0);
    await claimCredit({ actor: admin, input: { organizationId, month: "2026-03" }, ctx: ctxAt("2026-04-02T08:00:00Z") });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { organizationId, action: "credit.claim" } });
    expect(audit.actorId).toBe(admin.userId);
  });

  it("no downtime, no credit: nothing to claim; an agreement without a claim rule shows no claim at all", async () => {
    const { organizationId, customerAdmin } = await pureserviceCustomer();
    expect((await claimView(customerAdmin, organizationId, "2026-04-02T08:00:00Z")).claim?.state).toBe("nothing_to_claim");
    expect((await rejection(claimCredit({ actor: customerAdmin, input: { organizationId, month: "2026-03" }, ctx: ctxAt("2026-04-02T08:00:00Z") }))).code).toBe("unprocessable");
    // Fjordvik is on Netpower (credited automatically, no claim rule)
    expect((await claimView(fjordvikAdmin, fjordvikAdmin.organizationId, "2026-04-02T08:00:00Z")).claim).toBeNull();
  });
});

describe("POST /api/v1/organizations/:id/credit-claims", () => {
  it("the customer's system claims in time (201); again is 409; another organisation's admin gets 404; a bad month 400", async () => {
    const { organizationId, customerAdmin } = await pureserviceCustomer();
    await marchDowntime(organizationId);
    const at = new Date("2026-04-03T10:00:00Z");
    const post = withApiActor<{ id: string }>(creditClaimHandler, () => ({ ...defaultApiDeps(), now: () => at }));
    const token = (await createApiToken({ input: { email: customerAdmin.email }, ctx: { prisma, now: () => at } })).token;
    const other = (await createApiToken({ input: { email: fjordvikAdmin.email }, ctx: { prisma, now: () => at } })).token;
    const path = `/organizations/${organizationId}/credit-claims`;

    const foreign = await post(apiRequest(other, path, { month: "2026-03" }), routeParams(organizationId));
    expect(foreign.status).toBe(404);
    expect((await post(apiRequest(token, path, { month: "March" }), routeParams(organizationId))).status).toBe(400);
    expect(await prisma.creditClaim.count({ where: { organizationId } })).toBe(0);

    const created = await post(apiRequest(token, path, { month: "2026-03", note: "Ref. e-post 3. april" }), routeParams(organizationId));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ state: "claimed", claimedAt: at.toISOString(), deadline: "2026-04-07T12:00:00.000Z" });
    expect((await post(apiRequest(token, path, { month: "2026-03" }), routeParams(organizationId))).status).toBe(409);
    expect(await prisma.creditClaim.findFirstOrThrow({ where: { organizationId }, select: { note: true, claimedById: true } })).toEqual({
      note: "Ref. e-post 3. april",
      claimedById: customerAdmin.userId,
    });
  });
});
