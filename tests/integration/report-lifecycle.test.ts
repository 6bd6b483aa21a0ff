import { parsePayload } from "../../lib/server/notifications";
/**
 * Monthly reports as people use them: closing a month freezes it (a re-run shows the differences),
 * who may see which report (404 otherwise), the REST route, and the monthly job (idempotent, one
 * notification per customer admin).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import { readEnv } from "../../lib/config/env";
import { AppError } from "../../lib/server/errors";
import type { Actor } from "../../lib/server/actor";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import {
  closeMonthlyReport,
  getComplianceHistory,
  getOrganizationReport,
  listMonthReports,
  monthlyReportsJob,
  nextMonthlyRunAt,
  recomputeMonthlyReport,
  runMonthlyReports,
} from "../../lib/server/reports";
import * as reportRoute from "../../app/api/v1/organizations/[id]/sla-report/route";
import { deleteKeys } from "../support/redis-keys";
import { seededActors } from "../support/fixtures";

const prisma = db();
// Saturday 2 May 2026, 10:00 Oslo: April is a closed month, May the open one.
const MAY_2 = new Date("2026-05-02T08:00:00Z");
const ctxAt = (now: Date) => ({ prisma, now: () => now });

let ola: Actor, kari: Actor, lise: Actor, admin: Actor, fjordvikAdmin: Actor;
let nordlysId: string, fjordvikId: string;
beforeAll(async () => {
  ({ ola, kari, lise, admin, fjordvikAdmin } = await seededActors(prisma, ["ola", "kari", "lise", "admin", "fjordvikAdmin"]));
  nordlysId = ola.organizationId;
  fjordvikId = fjordvikAdmin.organizationId;
});
afterAll(async () => {
  await prisma.$disconnect();
  redis().disconnect();
});

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("not_found");
}

/** A ticket of Nordlys registered at `at`, answered within target or breached. */
async function nordlysTicket(at: string, state: "MET" | "BREACHED") {
  const version = await prisma.agreementVersion.findFirstOrThrow({ where: { agreement: { key: "netpower-ordinary" } }, select: { id: true } });
  const ticket = await prisma.ticket.create({
    data: {
      reference: `NL-T-${randomUUID().slice(0, 8)}`,
      organizationId: nordlysId,
      requesterId: kari.userId,
      agreementVersionId: version.id,
      title: "Sak",
      description: "d",
      priority: "P2",
      channel: "PORTAL",
      createdAt: new Date(at),
    },
    select: { id: true },
  });
  const breached = state === "BREACHED";
  await prisma.slaClock.create({
    data: {
      ticketId: ticket.id,
      metric: "RESPONSE",
      state,
      targetMinutes: 120,
      startedAt: new Date(at),
      usedMinutes: breached ? 180 : 30,
      breachedAt: breached ? new Date(Date.parse(at) + 2 * 3_600_000) : null,
      stoppedAt: new Date(Date.parse(at) + 4 * 3_600_000),
    },
  });
  return ticket.id;
}

describe("closing a month", () => {
  it("freezes the figures and inputs; a later edit to an incident changes only the fresh figures, shown as differences", async () => {
    for (let i = 0; i < 9; i++) await nordlysTicket(`2026-04-0${(i % 3) + 6}T0${i}:00:00Z`, "MET");
    await nordlysTicket("2026-04-09T09:00:00Z", "BREACHED");
    const incident = await prisma.incident.create({
      data: { organizationId: nordlysId, service: "Portal", cause: "Database nede", startedAt: new Date("2026-04-14T10:00:00Z"), endedAt: new Date("2026-04-14T11:00:00Z") },
      select: { id: true },
    });

    await expectNotFound(closeMonthlyReport({ actor: ola, input: { organizationId: nordlysId, month: "2026-04" }, ctx: ctxAt(MAY_2) }));
    const early = await closeMonthlyReport({ actor: admin, input: { organizationId: nordlysId, month: "2026-04" }, ctx: ctxAt(new Date("2026-04-30T12:00:00Z")) }).catch((e: unknown) => e);
    expect((early as AppError).code).toBe("conflict");

    const closed = await closeMonthlyReport({ actor: admin, input: { organizationId: nordlysId, month: "2026-04" }, ctx: ctxAt(MAY_2) });
    expect(closed.status).toBe("CLOSED");
    expect(closed.figures.tickets).toMatchObject({ measured: 10, met: 9, breached: 1, percent: 90 });
    expect(closed.figures.uptime.downtimeMinutes).toBe(60);
    const row = await prisma.monthlyReport.findUniqueOrThrow({ where: { organizationId_month: { organizationId: nordlysId, month: "2026-04" } } });
    expect(row).toMatchObject({ status: "CLOSED", closedById: admin.userId, creditPercent: 0, creditAmountOre: 0 });
    // Closing the month is an admin change: one audit row, in the closing's transaction, for the organisation's admins to see.
    expect(await prisma.auditLog.findMany({ where: { action: "report.close", organizationId: nordlysId }, select: { actorId: true, targetId: true, after: true } })).toEqual([
      { actorId: admin.userId, targetId: `${nordlysId}/2026-04`, after: { month: "2026-04", status: "CLOSED" } },
    ]);
    expect(row.inputs).toMatchObject({
      month: "2026-04",
      agreement: { key: "netpower-ordinary", minWithinTargetPercent: 90, creditScheme: { kind: "netpower" } },
      incidents: [{ id: incident.id, endedAt: "2026-04-14T11:00:00.000Z" }],
      maintenanceWindows: [{ kind: "RECURRING", rule: { kind: "weekly", day: "wed" } }],
      tickets: { measured: 10, met: 9, breached: 1 },
    });

    // The outage turns out to have lasted five hours longer: uptime now below 99.8 %.
    await prisma.incident.update({ where: { id: incident.id }, data: { endedAt: new Date("2026-04-14T16:00:00Z") } });
    const later = new Date("2026-05-20T08:00:00Z");
    const view = await getOrganizationReport({ actor: ola, input: { organizationId: nordlysId, month: "2026-04" }, ctx: ctxAt(later) });
    expect(view.status).toBe("CLOSED");
    expect(view.figures.uptime.downtimeMinutes).toBe(60);
    expect(view.figures.credit.percent).toBe(0);
    expect(view.fresh!.uptime.downtimeMinutes).toBe(360);
    expect(view.fresh!.credit.percent).toBe(5);
    expect(view.differences).toEqual(
      expect.arrayContaining([
        { field: "uptime.downtimeMinutes", frozen: 60, fresh: 360 },
        { field: "credit.percent", frozen: 0, fresh: 5 },
        { field: "credit.amountOre", frozen: 0, fresh: 125_000 },
        expect.objectContaining({ field: `incidents[${incident.id}]` }),
      ]),
    );

    // Recomputing never overwrites the closed report, and closing again is refused.
    const recomputed = await recomputeMonthlyReport({ actor: admin, input: { organizationId: nordlysId, month: "2026-04" }, ctx: ctxAt(later) });
    expect(recomputed.status).toBe("CLOSED");
    expect(recomputed.differences.length).toBeGreaterThan(0);
    const again = await prisma.monthlyReport.findUniqueOrThrow({ where: { organizationId_month: { organizationId: nordlysId, month: "2026-04" } } });
    expect(again.figures).toEqual(row.figures);
    expect(again.creditPercent).toBe(0);
    const twice = await closeMonthlyReport({ actor: admin, input: { organizationId: nordlysId, month: "2026-04" }, ctx: ctxAt(later) }).catch((e: unknown) => e);
    expect((twice as AppError).code).toBe("conflict");
  });

  it("recomputing an open month upserts its draft", async () => {
    const first = await recomputeMonthlyReport({ actor: admin, input: { organizationId: fjordvikId, month: "2026-03" }, ctx: ctxAt(MAY_2) });
    expect(first.status).toBe("DRAFT");
    await recomputeMonthlyReport({ actor: admin, input: { organizationId: fjordvikId, month: "2026-03" }, ctx: ctxAt(new Date("2026-05-03T08:00:00Z")) });
    const rows = await prisma.monthlyReport.findMany({ where: { organizationId: fjordvikId, month: "2026-03" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "DRAFT", computedAt: new Date("2026-05-03T08:00:00Z") });
  });
});

describe("who sees which report", () => {
  const input = (organizationId: string) => ({ organizationId, month: "2026-04" });

  it("a customer admin sees their own organisation's report and chart, not another's; end users and agents see none", async () => {
    const own = await getOrganizationReport({ actor: ola, input: input(nordlysId), ctx: ctxAt(MAY_2) });
    expect(own.figures.organization).toEqual({ id: nordlysId, name: "Nordlys Eiendom AS" });
    await expectNotFound(getOrganizationReport({ actor: ola, input: input(fjordvikId), ctx: ctxAt(MAY_2) }));
    await expectNotFound(getOrganizationReport({ actor: kari, input: input(nordlysId), ctx: ctxAt(MAY_2) }));
    await expectNotFound(getOrganizationReport({ actor: lise, input: input(nordlysId), ctx: ctxAt(MAY_2) }));
    await expectNotFound(getOrganizationReport({ actor: admin, input: input(admin.organizationId), ctx: ctxAt(MAY_2) }));
    await expectNotFound(getOrganizationReport({ actor: admin, input: input("not-a-uuid"), ctx: ctxAt(MAY_2) }));
    await expectNotFound(getComplianceHistory({ actor: fjordvikAdmin, input: input(nordlysId), ctx: ctxAt(MAY_2) }));

    const history = await getComplianceHistory({ actor: ola, input: input(nordlysId), ctx: ctxAt(MAY_2) });
    expect(history.map((p) => p.month)).toEqual(["2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(history.at(-1)).toEqual({ month: "2026-04", met: 9, measured: 10, percent: 90 });
    expect(history[0]!.percent).toBeNull();
  });

  it("only provider admins see every customer's month", async () => {
    const all = await listMonthReports({ actor: admin, input: { month: "2026-04" }, ctx: ctxAt(MAY_2) });
    expect(all.map((r) => r.figures.organization.name)).toEqual(expect.arrayContaining(["Nordlys Eiendom AS", "Fjordvik Logistikk AS", "Bergheim Regnskap AS"]));
    expect(all.some((r) => r.figures.organization.id === admin.organizationId)).toBe(false);
    for (const actor of [ola, kari, lise]) await expectNotFound(listMonthReports({ actor, input: { month: "2026-04" }, ctx: ctxAt(MAY_2) }));
  });
});

describe("GET /api/v1/organizations/:id/sla-report", () => {
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
    for (const email of ["ola@nordlys.example", "kari@nordlys.example", "admin@fjordvik.example", "lise@servicedesk.example", "admin@servicedesk.example"]) {
      tokens.set(email, (await createApiToken({ input: { email }, ctx: ctxAt(new Date()) })).token);
    }
  });
  const get = (email: string, id: string, query: string) =>
    reportRoute.GET(new Request(`http://test/api/v1/organizations/${id}/sla-report${query}`, { headers: { authorization: `Bearer ${tokens.get(email)}` } }), { params: Promise.resolve({ id }) });

  it("returns the same figures as the use case for the customer admin and the provider admin; 404 for everyone else; 400 for a bad month", async () => {
    const response = await get("ola@nordlys.example", nordlysId, "?month=2026-04");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "CLOSED", figures: { month: "2026-04", organization: { id: nordlysId }, tickets: { measured: 10, met: 9, percent: 90 }, credit: { scheme: "netpower" } } });
    expect(body.figures.breaches).toHaveLength(1);
    expect((await get("admin@servicedesk.example", nordlysId, "?month=2026-04")).status).toBe(200);
    for (const email of ["admin@fjordvik.example", "kari@nordlys.example", "lise@servicedesk.example"]) {
      expect((await get(email, nordlysId, "?month=2026-04")).status).toBe(404);
    }
    expect((await get("admin@fjordvik.example", randomUUID(), "?month=2026-04")).status).toBe(404);
    const bad = await get("ola@nordlys.example", nordlysId, "?month=2026-13");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty("month");
    expect((await get("ola@nordlys.example", nordlysId, "")).status).toBe(400);
  });
});

describe("the monthly job", () => {
  it("computes last month's report of every customer organisation and notifies each customer admin once, however often it runs", async () => {
    const now = new Date("2026-06-01T04:00:00Z"); // 06:00 Oslo on the 1st
    const keyOf = (orgId: string, userId: string) => `report-${orgId}-2026-05-${userId}`;
    const payload = monthlyReportsJob.schema.parse({});
    await monthlyReportsJob.handle(payload, { prisma, now: () => now });
    const summary = await runMonthlyReports(payload, { prisma, now: () => now });
    expect(summary).toMatchObject({ month: "2026-05", notificationsCreated: 0 });

    const customers = await prisma.organization.count({ where: { isProvider: false } });
    expect(await prisma.monthlyReport.count({ where: { month: "2026-05", status: "DRAFT" } })).toBe(customers);
    const admins = await prisma.user.findMany({ where: { role: "CUSTOMER_ADMIN", deactivatedAt: null }, select: { id: true, organizationId: true } });
    const notifications = await prisma.notification.findMany({ where: { template: "report-ready", dedupeKey: { in: admins.map((a) => keyOf(a.organizationId, a.id)) } } });
    expect(notifications).toHaveLength(admins.length);
    const toOla = notifications.find((n) => n.recipientUserId === ola.userId)!;
    expect(toOla).toMatchObject({ channel: "EMAIL", status: "PENDING", dedupeKey: keyOf(nordlysId, ola.userId) });
    expect(toOla.payload).toEqual({ organizationName: "Nordlys Eiendom AS", month: "2026-05", percent: 100, creditPercent: 0, url: "http://localhost:3000/reports?month=2026-05" });
    // …and the notification worker can render it (an e-mail needs an absolute link).
    expect(() => parsePayload("report-ready", toOla.payload)).not.toThrow();
  });

  it("leaves a closed month as it is", async () => {
    const before = await prisma.monthlyReport.findUniqueOrThrow({ where: { organizationId_month: { organizationId: nordlysId, month: "2026-04" } } });
    const summary = await runMonthlyReports({ month: "2026-04" }, { prisma, now: () => new Date("2026-06-02T08:00:00Z") });
    expect(summary.closed).toBe(1);
    const after = await prisma.monthlyReport.findUniqueOrThrow({ where: { organizationId_month: { organizationId: nordlysId, month: "2026-04" } } });
    expect(after).toEqual(before);
  });

  it("is scheduled for 06:00 Oslo time on the 1st of the next month", () => {
    expect(nextMonthlyRunAt(new Date("2026-03-15T12:00:00Z"))).toEqual(new Date("2026-04-01T04:00:00Z")); // CEST
    expect(nextMonthlyRunAt(new Date("2026-10-31T12:00:00Z"))).toEqual(new Date("2026-11-01T05:00:00Z")); // CET
    expect(nextMonthlyRunAt(new Date("2026-12-01T05:00:00Z"))).toEqual(new Date("2027-01-01T05:00:00Z"));
    expect(nextMonthlyRunAt(new Date("2026-12-01T04:59:59Z"))).toEqual(new Date("2026-12-01T05:00:00Z"));
  });
});
