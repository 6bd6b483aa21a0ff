/**
 * Issue 18, incidents and maintenance: the affected customers' admins are told when an incident
 * opens, is updated and closes, and when maintenance is planned, each in their own language, read
 * back from a real SMTP server (the outbox's real delivery); end users and other customers are not.
 * The agreements' notice rules decide whether a window may be announced (Nettsoft: five days, a
 * frame and a cause; Sodvin: reasonable notice, flagged; never back-dated over an outage), and
 * Netpower's Wednesday window takes downtime out only when maintenance was announced for it
 * (000 §8). The status page's figures move with the incident. Every instant is chosen.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { registerTicket } from "../../lib/server/tickets";
import { closeIncident, getOrganizationStatus, listOpenIncidentsOf, openIncident, scheduleMaintenanceWindow, updateIncident } from "../../lib/server/incidents";
import { MaintenanceNoticeRefused } from "../../lib/server/incidents/schedule-maintenance-window";
import { computeMonthReports } from "../../lib/server/reports";
import type { Actor } from "../../lib/server/actor";
import { actorByEmail, rejection, seededActors } from "../support/fixtures";
import { mailDelivery } from "../support/mail-delivery";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import * as updatesRoute from "../../app/api/v1/incidents/[id]/updates/route";

process.env.APP_URL = "https://hjelp.servicedesk.example";

const THROTTLE_OFF = { maxPerWindow: 10_000, windowMinutes: 10 };
const MINUTE = 60_000;
const plus = (base: Date, ms: number) => new Date(base.getTime() + ms);
const at = (iso: string) => new Date(iso);

describe("incident and maintenance notices", () => {
  const prisma = createPrisma();
  const mail = mailDelivery(prisma, THROTTLE_OFF);
  let lise: Actor, admin: Actor;
  const ctxAt = (now: Date) => ({ prisma, now: () => now });

  beforeAll(async () => {
    ({ lise, admin } = await seededActors(prisma, ["lise", "admin"]));
  });

  /** A customer of our own on the agreement, with a Norwegian and an English admin and an end user. */
  async function customer(agreementKey: string) {
    const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: agreementKey }, select: { id: true } });
    const suffix = randomUUID().slice(0, 8);
    const org = await prisma.organization.create({
      data: { slug: `hendelse-${suffix}`, name: `Hendelse ${suffix} AS`, ticketPrefix: "HE", agreementId: agreement.id },
      select: { id: true, name: true },
    });
    const person = async (role: "CUSTOMER_ADMIN" | "END_USER", locale: "nb" | "en") => {
      const email = `${role.toLowerCase()}-${locale}-${suffix}@hendelse.example`;
      await prisma.user.create({ data: { email, name: `${role} ${locale}`, role, organizationId: org.id, locale } });
      return { email, actor: await actorByEmail(prisma, email) };
    };
    return { ...org, agreementId: agreement.id, adminNb: await person("CUSTOMER_ADMIN", "nb"), adminEn: await person("CUSTOMER_ADMIN", "en"), user: await person("END_USER", "nb") };
  }
  const mailsTo = (email: string, template: string) => mail.sink.to(email).filter((m) => m.headers.get("x-helpdesk-template") === template);

  it("an incident opened from a P1, updated and closed tells each affected admin in their language; the end user and other customers hear nothing", async () => {
    const c = await customer("netpower-ordinary");
    const other = await customer("netpower-ordinary");
    // Tuesday 3 November 2026, 10:00 Oslo (CET): the outage began at 09:40.
    const t0 = at("2026-11-03T09:00:00Z");
    const p1 = await registerTicket({ actor: c.user.actor, input: { title: "Portalen er nede", description: "Ingen kommer inn", priority: "P1" }, ctx: ctxAt(t0) });
    const opened = await openIncident({
      actor: lise,
      input: { ticketId: p1.id, service: "Kundeportalen", cause: "Databaseserveren svarer ikke", startedAt: "2026-11-03T08:40:00Z", message: "Vi jobber med saken." },
      ctx: ctxAt(t0),
    });
    expect(opened).toMatchObject({ organizationId: c.id, ticketId: p1.id, endedAt: null, counts: true });
    expect(await prisma.incidentTicket.findMany({ where: { incidentId: opened.id }, select: { ticketId: true } })).toEqual([{ ticketId: p1.id }]);
    await mail.pass(t0);

    const nb = mailsTo(c.adminNb.email, "incident-notice");
    const en = mailsTo(c.adminEn.email, "incident-notice");
    expect(nb.map((m) => m.subject)).toEqual(["Driftshendelse: Kundeportalen er utilgjengelig"]);
    expect(en.map((m) => m.subject)).toEqual(["Service incident: Kundeportalen is unavailable"]);
    expect(nb[0]!.text).toContain(`berører ${c.name}`);
    expect(nb[0]!.text).toContain("Start: 3. nov. 2026, 09:40");
    expect(nb[0]!.text).toContain("Årsak: Databaseserveren svarer ikke");
    expect(nb[0]!.text).toContain("Vi jobber med saken.");
    expect(nb[0]!.text).toContain("https://hjelp.servicedesk.example/status");
    expect(en[0]!.text).toContain("Cause: Databaseserveren svarer ikke");
    expect(mailsTo(c.user.email, "incident-notice")).toEqual([]);
    expect(mailsTo(other.adminNb.email, "incident-notice")).toEqual([]);

    // The customers' banner and status page while it is open, 20 minutes in.
    expect((await listOpenIncidentsOf({ actor: c.user.actor, ctx: ctxAt(t0) })).map((i) => i.service)).toEqual(["Kundeportalen"]);
    expect(await listOpenIncidentsOf({ actor: other.user.actor, ctx: ctxAt(t0) })).toEqual([]);
    const during = await getOrganizationStatus({ actor: c.adminNb.actor, ctx: ctxAt(t0) });
    expect(during.open.map((i) => i.id)).toEqual([opened.id]);
    expect(during.uptime.downtimeMinutes).toBe(20);

    const t1 = plus(t0, 30 * MINUTE);
    await updateIncident({ actor: lise, input: { id: opened.id, message: "Feilen er funnet, vi starter databasen på nytt." }, ctx: ctxAt(t1) });
    await mail.pass(t1);
    const update = mailsTo(c.adminEn.email, "incident-notice").at(-1)!;
    expect(update.subject).toBe("Update on service incident: Kundeportalen");
    expect(update.text).toContain("Feilen er funnet, vi starter databasen på nytt.");

    const t2 = plus(t0, 60 * MINUTE);
    await closeIncident({ actor: lise, input: { id: opened.id, endedAt: "2026-11-03T09:40:00Z", message: "Alt virker igjen." }, ctx: ctxAt(t2) });
    await mail.pass(t2);
    const closedNb = mailsTo(c.adminNb.email, "incident-notice").at(-1)!;
    expect(closedNb.subject).toBe("Driftshendelse løst: Kundeportalen");
    expect(closedNb.text).toContain("Varighet: 1 t");
    expect(closedNb.text).toContain("Alt virker igjen.");
    expect(mailsTo(c.adminNb.email, "incident-notice")).toHaveLength(3);
    expect((await rejection(updateIncident({ actor: lise, input: { id: opened.id, message: "for sent" }, ctx: ctxAt(t2) }))).code).toBe("conflict");

    // Closed: no banner; the status page's month so far has the hour of downtime, and it no longer grows.
    expect(await listOpenIncidentsOf({ actor: c.user.actor, ctx: ctxAt(t2) })).toEqual([]);
    const later = await getOrganizationStatus({ actor: c.user.actor, ctx: ctxAt(plus(t2, 120 * MINUTE)) });
    expect(later.open).toEqual([]);
    expect(later.resolved.map((i) => i.id)).toEqual([opened.id]);
    expect(later.uptime.downtimeMinutes).toBe(60);
    expect((await rejection(getOrganizationStatus({ actor: lise, ctx: ctxAt(t2) }))).code).toBe("not_found");
    // Each step is in the audit log, at its instant, by the agent, for the organisation's admins to see.
    expect(await prisma.auditLog.findMany({ where: { targetId: opened.id }, orderBy: { at: "asc" }, select: { action: true, at: true, actorId: true, organizationId: true } })).toEqual([
      { action: "incident.open", at: t0, actorId: lise.userId, organizationId: c.id },
      { action: "incident.update", at: t1, actorId: lise.userId, organizationId: c.id },
      { action: "incident.close", at: t2, actorId: lise.userId, organizationId: c.id },
    ]);
  });

  it("one incident for several organisations tells the admins of each, and counts in each one's report", async () => {
    const a = await customer("pureservice");
    const b = await customer("netpower-extended");
    const t0 = at("2026-11-04T12:00:00Z");
    const incident = await openIncident({
      actor: lise,
      input: { organizationIds: [a.id, b.id], service: "E-post", cause: "Sertifikat utløpt", startedAt: "2026-11-04T11:00:00Z", endedAt: "2026-11-04T11:30:00Z" },
      ctx: ctxAt(t0),
    });
    expect(incident.organizationId).toBeNull();
    await mail.pass(t0);
    for (const email of [a.adminNb.email, b.adminNb.email]) expect(mailsTo(email, "incident-notice").map((m) => m.subject)).toEqual(["Driftshendelse løst: E-post"]);
    const reports = await computeMonthReports(prisma, { month: "2026-11", now: at("2026-12-02T12:00:00Z"), organizationIds: [a.id, b.id] });
    expect(reports.map((r) => r.figures.uptime.downtimeMinutes)).toEqual([30, 30]);
  });

  it("Nettsoft (002 §6.3): a window announced four days ahead is refused with the reason and nothing is sent; six days ahead it is announced to every customer on the agreement", async () => {
    const c = await customer("nettsoft-servers-vps");
    const agreementId = c.agreementId;
    // Saturday 21 November 2026 22:00 to Sunday 02:00 Oslo (CET).
    const window = { agreementId, startsAt: "2026-11-21T21:00:00Z", endsAt: "2026-11-22T01:00:00Z", description: "Bytte av lagringssystem i datasenteret" };
    const fourDaysAhead = at("2026-11-17T21:00:00Z");
    const refused = await rejection(scheduleMaintenanceWindow({ actor: admin, input: window, ctx: ctxAt(fourDaysAhead) }));
    expect(refused).toBeInstanceOf(MaintenanceNoticeRefused);
    expect(refused.code).toBe("unprocessable");
    expect(refused.fields).toEqual({ startsAt: ["too_short_notice:5:2026-11-16T21:00:00.000Z"] });
    expect(await prisma.maintenanceWindow.count({ where: { agreementId, kind: "ONE_OFF" } })).toBe(0);
    await mail.pass(fourDaysAhead);
    expect(mailsTo(c.adminNb.email, "maintenance-notice")).toEqual([]);

    // Outside the frame (a Tuesday afternoon) is refused too, whatever the notice.
    const afternoon = await rejection(
      scheduleMaintenanceWindow({ actor: admin, input: { ...window, startsAt: "2026-11-24T13:00:00Z", endsAt: "2026-11-24T14:00:00Z" }, ctx: ctxAt(at("2026-11-01T10:00:00Z")) }),
    );
    expect(afternoon.fields).toEqual({ startsAt: ["outside_allowed_slots"] });

    const sixDaysAhead = at("2026-11-15T21:00:00Z");
    const planned = await scheduleMaintenanceWindow({ actor: admin, input: window, ctx: ctxAt(sixDaysAhead) });
    expect(planned).toMatchObject({ announcedAt: sixDaysAhead, noticeFlags: [], flags: [] });
    expect(await prisma.auditLog.count({ where: { action: "maintenance.announce", targetId: planned.id, actorId: admin.userId } })).toBe(1);
    await mail.pass(sixDaysAhead);
    const [nb] = mailsTo(c.adminNb.email, "maintenance-notice");
    const [en] = mailsTo(c.adminEn.email, "maintenance-notice");
    expect(nb!.subject).toBe("Planlagt vedlikehold 21. nov. 2026, 22:00");
    expect(nb!.text).toContain("Årsak: Bytte av lagringssystem i datasenteret");
    expect(nb!.text).toContain("Tidspunkt: 21. nov. 2026, 22:00 – 22. nov. 2026, 02:00");
    expect(nb!.text).toContain("Lengde: 4 t");
    expect(en!.subject).toBe("Planned maintenance 21 Nov 2026, 22:00");
    expect(en!.text).toContain("Length: 4 h");
    expect(mailsTo(c.user.email, "maintenance-notice")).toEqual([]);

    // The customer's status page lists it until it is over.
    const status = await getOrganizationStatus({ actor: c.user.actor, ctx: ctxAt(sixDaysAhead) });
    expect(status.maintenance.map((m) => m.description)).toEqual(["Bytte av lagringssystem i datasenteret"]);
  });

  it("Sodvin's reasonable notice: a day's notice is announced but flagged; a back-dated window over a real outage is refused and names it", async () => {
    const sodvin = await customer("sodvin-azure");
    const planned = await scheduleMaintenanceWindow({
      actor: admin,
      input: { agreementId: sodvin.agreementId, startsAt: "2026-11-17T23:00:00Z", endsAt: "2026-11-18T05:00:00Z", description: "Oppdatering av vertsmaskiner" },
      ctx: ctxAt(at("2026-11-16T23:00:00Z")),
    });
    expect(planned.noticeFlags).toEqual(["short_notice"]);

    const outage = await openIncident({
      actor: lise,
      input: { organizationId: sodvin.id, service: "Azure VM", cause: "Vertsmaskin falt ut", startedAt: "2026-11-25T02:00:00Z", endedAt: "2026-11-25T03:00:00Z" },
      ctx: ctxAt(at("2026-11-25T03:05:00Z")),
    });
    const backdated = await rejection(
      scheduleMaintenanceWindow({
        actor: admin,
        input: { agreementId: sodvin.agreementId, startsAt: "2026-11-25T01:00:00Z", endsAt: "2026-11-25T04:00:00Z", description: "Vedlikehold" },
        ctx: ctxAt(at("2026-11-25T08:00:00Z")),
      }),
    );
    expect(backdated.fields).toEqual({ startsAt: ["starts_before_announcement", `covers_outage:${outage.id}`] });
  });

  it("Netpower (000 §8): downtime inside an unannounced Wednesday window counts; inside an announced one it does not", async () => {
    const c = await customer("netpower-ordinary");
    // Wednesday 3 March 2027 23:59 → Thursday 05:59 Oslo (CET): an outage 00:30–02:30, nothing announced.
    await openIncident({
      actor: lise,
      input: { organizationId: c.id, service: "Portal", cause: "Diskfeil", startedAt: "2027-03-03T23:30:00Z", endedAt: "2027-03-04T01:30:00Z" },
      ctx: ctxAt(at("2027-03-04T02:00:00Z")),
    });
    // The next Wednesday's window is announced on Monday 8 March, and an outage falls inside it.
    await scheduleMaintenanceWindow({
      actor: admin,
      input: { agreementId: c.agreementId, startsAt: "2027-03-10T22:59:00Z", endsAt: "2027-03-11T04:59:00Z", description: "Oppgradering av applikasjonsserveren" },
      ctx: ctxAt(at("2027-03-08T09:00:00Z")),
    });
    await openIncident({
      actor: lise,
      input: { organizationId: c.id, service: "Portal", cause: "Oppgraderingen", startedAt: "2027-03-10T23:30:00Z", endedAt: "2027-03-11T01:30:00Z" },
      ctx: ctxAt(at("2027-03-11T02:00:00Z")),
    });
    const [report] = await computeMonthReports(prisma, { month: "2027-03", now: at("2027-04-02T12:00:00Z"), organizationIds: [c.id] });
    expect(report!.figures.uptime.downtimeMinutes).toBe(120);
    expect(report!.figures.uptime.maintenanceWindows).toBe(1);
    // March 2027 is an hour short (summer time from 28 March): 44 580 minutes.
    expect(report!.figures.uptime.totalMinutes).toBe(44_580);
    expect(report!.figures.uptime.percent).toBeCloseTo(((44_580 - 120) / 44_580) * 100, 12);
  });

  it("REST: POST /api/v1/incidents/:id/updates, 201 for an agent; a customer admin of the affected organisation gets 404 and nothing is sent", async () => {
    const c = await customer("pureservice");
    const incident = await openIncident({ actor: lise, input: { organizationId: c.id, service: "VPN", cause: "Ruter", startedAt: "2026-11-05T08:00:00Z" }, ctx: ctxAt(at("2026-11-05T08:10:00Z")) });
    const tokenOf = async (email: string) => (await createApiToken({ input: { email }, ctx: ctxAt(at("2026-11-05T08:10:00Z")) })).token;
    const post = async (email: string, body: unknown) =>
      updatesRoute.POST(
        new Request(`http://test/api/v1/incidents/${incident.id}/updates`, {
          method: "POST",
          headers: { authorization: `Bearer ${await tokenOf(email)}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id: incident.id }) },
      );
    expect((await post(c.adminNb.email, { message: "Hei" })).status).toBe(404);
    expect((await post("lise@servicedesk.example", {})).status).toBe(400);
    expect((await post("lise@servicedesk.example", { message: "Ruteren er byttet." })).status).toBe(201);
    expect(await prisma.incidentUpdate.findMany({ where: { incidentId: incident.id }, orderBy: { createdAt: "asc" }, select: { kind: true, message: true } })).toEqual([
      { kind: "OPENED", message: "" },
      { kind: "UPDATED", message: "Ruteren er byttet." },
    ]);
  });
});
