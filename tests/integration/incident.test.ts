/**
 * Incidents (downtime) and one-off maintenance windows: who records them, what they must say
 * (000 §9, 002 §6.3 exceptions), the P1 ticket they may come from, and the REST routes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import { readEnv } from "../../lib/config/env";
import { AppError } from "../../lib/server/errors";
import type { Actor } from "../../lib/server/actor";
import { registerTicket } from "../../lib/server/tickets";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import { closeIncident, listIncidents, openIncident, scheduleMaintenanceWindow } from "../../lib/server/incidents";
import { computeMonthReports } from "../../lib/server/reports";
import * as incidentsRoute from "../../app/api/v1/incidents/route";
import * as closeRoute from "../../app/api/v1/incidents/[id]/close/route";
import { deleteKeys } from "../support/redis-keys";
import { seededActors } from "../support/fixtures";

const prisma = db();
// Thursday 10 September 2026, 14:00 Oslo: every incident instant below is read against this one.
const ctx = { prisma, now: () => new Date("2026-09-10T12:00:00Z") };
let kari: Actor, ola: Actor, lise: Actor, admin: Actor, bergheimAdmin: Actor;

beforeAll(async () => {
  ({ kari, ola, lise, admin, bergheimAdmin } = await seededActors(prisma, ["kari", "ola", "lise", "admin", "bergheimAdmin"]));
});
afterAll(async () => {
  await prisma.$disconnect();
  redis().disconnect();
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("incidents", () => {
  it("an agent opens one from a P1 ticket (it belongs to the ticket's organisation and agreement) and closes it", async () => {
    const p1 = await registerTicket({ actor: kari, input: { title: "Alt er nede", description: "Ingen får logget inn", priority: "P1" }, ctx });
    const opened = await openIncident({ actor: lise, input: { ticketId: p1.id, service: "Portal", cause: "Databasen svarer ikke", startedAt: "2026-09-10T13:30:00+02:00" }, ctx });
    const nordlys = await prisma.organization.findUniqueOrThrow({ where: { id: kari.organizationId }, select: { agreementId: true } });
    expect(opened).toMatchObject({ organizationId: kari.organizationId, agreementId: nordlys.agreementId, ticketId: p1.id, counts: true, exclusionReason: null, endedAt: null });

    const closed = await closeIncident({ actor: lise, input: { id: opened.id }, ctx });
    expect(closed.endedAt).toEqual(new Date("2026-09-10T12:00:00Z"));
    expect((await errorOf(closeIncident({ actor: lise, input: { id: opened.id }, ctx }))).code).toBe("conflict");

    const [report] = await computeMonthReports(prisma, { month: "2026-09", now: ctx.now(), organizationIds: [kari.organizationId] });
    expect(report!.figures.uptime.downtimeMinutes).toBe(30);
  });

  it("refuses a ticket that is not P1, an exception without a reason, a reason on downtime that counts, and an end before the start", async () => {
    const p3 = await registerTicket({ actor: kari, input: { title: "Skriver", description: "Skriver virker ikke", priority: "P3" }, ctx });
    const base = { service: "Portal", cause: "x", startedAt: "2026-09-01T10:00:00Z" };
    expect((await errorOf(openIncident({ actor: lise, input: { ...base, ticketId: p3.id }, ctx }))).fields).toHaveProperty("ticketId");
    expect((await errorOf(openIncident({ actor: lise, input: { ...base, organizationId: kari.organizationId, counts: false }, ctx }))).fields).toHaveProperty("exclusionReason");
    expect((await errorOf(openIncident({ actor: lise, input: { ...base, organizationId: kari.organizationId, exclusionReason: "force_majeure" }, ctx }))).fields).toHaveProperty("exclusionReason");
    expect((await errorOf(openIncident({ actor: lise, input: { ...base, organizationId: kari.organizationId, counts: false, exclusionReason: "weather" as "other" }, ctx }))).code).toBe("bad_request");
    expect((await errorOf(openIncident({ actor: lise, input: { ...base, organizationId: kari.organizationId, endedAt: "2026-09-01T09:00:00Z" }, ctx }))).fields).toHaveProperty("endedAt");
    expect((await errorOf(openIncident({ actor: lise, input: base, ctx }))).code).toBe("unprocessable");
    expect((await errorOf(openIncident({ actor: lise, input: { ...base, organizationId: lise.organizationId }, ctx }))).code).toBe("unprocessable");
  });

  it("an exception is recorded with its reason and does not reduce uptime; agreement-wide downtime affects every customer on it", async () => {
    const pureservice = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
    await openIncident({
      actor: admin,
      input: { agreementId: pureservice.id, service: "Pureservice sky", cause: "Strømbrudd i datasenteret", startedAt: "2026-08-03T08:00:00Z", endedAt: "2026-08-03T09:00:00Z" },
      ctx,
    });
    await openIncident({
      actor: lise,
      input: {
        organizationId: bergheimAdmin.organizationId,
        service: "Pureservice sky",
        cause: "Kunden slettet egen konfigurasjon",
        startedAt: "2026-08-04T08:00:00Z",
        endedAt: "2026-08-04T12:00:00Z",
        counts: false,
        exclusionReason: "customer_caused",
      },
      ctx,
    });
    const [report] = await computeMonthReports(prisma, { month: "2026-08", now: ctx.now(), organizationIds: [bergheimAdmin.organizationId] });
    expect(report!.figures.uptime.downtimeMinutes).toBe(60);
    expect(report!.figures.uptime.incidents.map((i) => [i.counts, i.exclusionReason])).toEqual([
      [true, null],
      [false, "customer_caused"],
    ]);
  });

  it("customers cannot record downtime; a customer admin lists their own organisation's and agreement's incidents; end users none", async () => {
    for (const actor of [kari, ola]) {
      expect((await errorOf(openIncident({ actor, input: { organizationId: actor.organizationId, service: "x", cause: "x", startedAt: "2026-09-01T10:00:00Z" }, ctx }))).code).toBe("not_found");
    }
    const own = await listIncidents({ actor: bergheimAdmin, input: {}, ctx });
    expect(own.length).toBe(2);
    expect(own.every((i) => i.organizationId === bergheimAdmin.organizationId || i.organizationId === null)).toBe(true);
    expect((await listIncidents({ actor: ola, input: {}, ctx })).every((i) => i.organizationId === ola.organizationId)).toBe(true);
    expect((await errorOf(listIncidents({ actor: kari, input: {}, ctx }))).code).toBe("not_found");
    expect((await listIncidents({ actor: lise, input: { from: "2026-08-01T00:00:00Z", to: "2026-09-01T00:00:00Z" }, ctx })).length).toBe(2);
  });

  it("a provider admin schedules a one-off maintenance window; downtime inside it does not count", async () => {
    const pureservice = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
    expect(
      (
        await errorOf(
          scheduleMaintenanceWindow({ actor: lise, input: { agreementId: pureservice.id, startsAt: "2026-07-07T20:00:00Z", endsAt: "2026-07-07T23:00:00Z", description: "Oppgradering" }, ctx }),
        )
      ).code,
    ).toBe("not_found");
    // Announced a week ahead (a window is never back-dated: issue 18).
    await scheduleMaintenanceWindow({
      actor: admin,
      input: { agreementId: pureservice.id, startsAt: "2026-07-07T20:00:00Z", endsAt: "2026-07-07T23:00:00Z", description: "Oppgradering" },
      ctx: { prisma, now: () => new Date("2026-06-30T12:00:00Z") },
    });
    await openIncident({
      actor: lise,
      input: { organizationId: bergheimAdmin.organizationId, service: "Pureservice sky", cause: "Oppgraderingen tok lengre tid", startedAt: "2026-07-07T22:00:00Z", endedAt: "2026-07-08T00:30:00Z" },
      ctx,
    });
    const [report] = await computeMonthReports(prisma, { month: "2026-07", now: ctx.now(), organizationIds: [bergheimAdmin.organizationId] });
    expect(report!.figures.uptime.downtimeMinutes).toBe(90);
    expect(report!.figures.uptime.maintenanceWindows).toBe(1);
  });
});

describe("REST: /api/v1/incidents", () => {
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
    for (const email of ["lise@servicedesk.example", "kari@nordlys.example", "ola@nordlys.example"]) {
      tokens.set(email, (await createApiToken({ input: { email }, ctx })).token);
    }
  });
  const request = (email: string, path: string, body?: unknown) =>
    new Request(`http://test/api/v1${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${tokens.get(email)}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("an agent opens (201), lists and closes an incident; a customer may not open one (404); bad input is 400", async () => {
    const opened = await incidentsRoute.POST(
      request("lise@servicedesk.example", "/incidents", { organizationId: kari.organizationId, service: "E-post", cause: "Sertifikat utløpt", startedAt: "2026-09-09T08:00:00Z" }),
    );
    expect(opened.status).toBe(201);
    const incident = await opened.json();
    expect(opened.headers.get("location")).toBe(`/api/v1/incidents/${incident.id}`);

    const list = await (await incidentsRoute.GET(request("ola@nordlys.example", "/incidents?from=2026-09-01T00:00:00Z"))).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(incident.id);

    const closed = await closeRoute.POST(request("lise@servicedesk.example", `/incidents/${incident.id}/close`, { endedAt: "2026-09-09T09:15:00Z" }), { params: Promise.resolve({ id: incident.id }) });
    expect(closed.status).toBe(200);
    expect((await closed.json()).endedAt).toBe("2026-09-09T09:15:00.000Z");
    const again = await closeRoute.POST(
      new Request(`http://test/api/v1/incidents/${incident.id}/close`, { method: "POST", headers: { authorization: `Bearer ${tokens.get("lise@servicedesk.example")}` } }),
      { params: Promise.resolve({ id: incident.id }) },
    );
    expect(again.status).toBe(409);

    expect(
      (await incidentsRoute.POST(request("kari@nordlys.example", "/incidents", { organizationId: kari.organizationId, service: "x", cause: "x", startedAt: "2026-09-09T08:00:00Z" }))).status,
    ).toBe(404);
    expect((await incidentsRoute.POST(request("lise@servicedesk.example", "/incidents", { service: "x", startedAt: "yesterday" }))).status).toBe(400);
    expect((await closeRoute.POST(request("lise@servicedesk.example", "/incidents/nope/close", {}), { params: Promise.resolve({ id: "nope" }) })).status).toBe(404);
    expect((await incidentsRoute.GET(request("kari@nordlys.example", "/incidents"))).status).toBe(404);
  });
});
