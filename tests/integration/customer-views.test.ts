/**
 * Nothing internal reaches a customer (issue 14): a ticket gets every kind of internal event, each
 * carrying a unique planted string, and every API answer its requester and customer admin can get
 * for it is searched for those strings. The message to the customer sent with a wait must show,
 * so the crawl is known to read the conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { deleteKeys } from "../support/redis-keys";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import * as ticketRoute from "../../app/api/v1/tickets/[id]/route";
import * as eventsRoute from "../../app/api/v1/tickets/[id]/events/route";
import * as reportRoute from "../../app/api/v1/organizations/[id]/sla-report/route";
import { loadActor } from "../../lib/server/actor";
import { getOrganizationReport } from "../../lib/server/reports";
import { monthOf } from "../../lib/server/reports/month";
import { reportCsv } from "../../lib/server/reports/report-csv";
import { apiRequest, routeParams } from "../support/api-request";

const PLANTED = {
  note: "PLANT-internal-note-7f1c",
  phone: "PLANT-internal-phone-2b9d",
  priorityReason: "PLANT-priority-reason-51aa",
  waitReason: "PLANT-wait-reason-c3e0",
  escalationWork: "PLANT-escalation-worklog-9e42",
  securityReason: "PLANT-security-reason-4d17",
  rootCause: "PLANT-root-cause-8a3f",
  correctiveActions: "PLANT-corrective-actions-0b6c",
  reclassifyReason: "PLANT-reclassify-reason-e5d2",
};
const PUBLIC_WAIT_MESSAGE = "Kan du sende oss et skjermbilde av feilmeldingen?";

describe("customer views: an allow-list of fields per audience", () => {
  const prisma = db();
  const tokens = new Map<string, string>();
  let ticketId = "";
  let organizationId = "";
  let month = "";

  const request = (who: string, path: string, body?: unknown) => apiRequest(tokens.get(who), path, body);
  const params = routeParams;
  const act = async (who: string, action: object) => {
    const response = await eventsRoute.POST(request(who, `/tickets/${ticketId}/events`, action), params(ticketId));
    expect(response.status, JSON.stringify(action)).toBe(200);
    return response;
  };

  beforeAll(async () => {
    await seed(prisma);
    await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
    for (const email of ["kari@nordlys.example", "ola@nordlys.example", "lise@servicedesk.example", "admin@servicedesk.example"]) {
      tokens.set(email.split("@")[0]!, (await createApiToken({ input: { email }, ctx: { prisma, now: () => new Date() } })).token);
    }
    const registered = await ticketsRoute.POST(request("kari", "/tickets", { title: "Ingen kommer inn i portalen", description: "Alle får feil 500", priority: "P2" }));
    const created = await registered.json();
    ticketId = created.id;
    organizationId = created.organizationId;
    month = monthOf(new Date(created.createdAt));
    await act("lise", { type: "triage" });
    await act("lise", { type: "note", body: PLANTED.note });
    await act("lise", { type: "phone", body: PLANTED.phone, visibility: "INTERNAL" });
    await act("lise", { type: "priority", priority: "P1", reason: PLANTED.priorityReason });
    await act("lise", { type: "wait", reason: PLANTED.waitReason, message: PUBLIC_WAIT_MESSAGE });
    await act("kari", { type: "reply", body: "Her er skjermbildet" });
    await act("lise", { type: "escalate", line: "L2", workDone: PLANTED.escalationWork });
    await act("admin", { type: "flag_security", reason: PLANTED.securityReason });
    await act("admin", { type: "rca", rootCause: PLANTED.rootCause, correctiveActions: PLANTED.correctiveActions });
    await act("admin", { type: "reclassify", reason: PLANTED.reclassifyReason });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    redis().disconnect();
  });

  it("staff see every planted string (the planting worked)", async () => {
    const ticket = await (await ticketRoute.GET(request("admin", `/tickets/${ticketId}`), params(ticketId))).text();
    const events = await (await eventsRoute.GET(request("admin", `/tickets/${ticketId}/events`), params(ticketId))).text();
    for (const planted of Object.values(PLANTED)) expect(ticket + events).toContain(planted);
    expect(JSON.parse(ticket)).toMatchObject({ securityIncident: true, slaExclusionReason: PLANTED.reclassifyReason });
    const report = await (await reportRoute.GET(request("admin", `/organizations/${organizationId}/sla-report?month=${month}`), params(organizationId))).text();
    expect(report).toContain(PLANTED.reclassifyReason);
  });

  it.each(["kari", "ola"])("%s (requester / customer admin) gets none of them from any API answer", async (who) => {
    const answers: { what: string; status: number; body: string }[] = [];
    const take = async (what: string, response: Response) => answers.push({ what, status: response.status, body: await response.text() });
    await take("GET /tickets", await ticketsRoute.GET(request(who, "/tickets")));
    await take("GET /tickets?priority=P1", await ticketsRoute.GET(request(who, "/tickets?priority=P1")));
    await take("GET /tickets/:id", await ticketRoute.GET(request(who, `/tickets/${ticketId}`), params(ticketId)));
    await take("GET /tickets/:id/events", await eventsRoute.GET(request(who, `/tickets/${ticketId}/events`), params(ticketId)));
    if (who === "ola") await take("GET /organizations/:id/sla-report", await reportRoute.GET(request(who, `/organizations/${organizationId}/sla-report?month=${month}`), params(organizationId)));
    await take("POST /tickets/:id/events reply", await eventsRoute.POST(request(who, `/tickets/${ticketId}/events`, { type: "reply", body: `Svar fra ${who}` }), params(ticketId)));

    for (const a of answers) {
      expect(a.status, a.what).toBe(200);
      for (const [kind, planted] of Object.entries(PLANTED)) expect(a.body, `${a.what} leaks the ${kind}`).not.toContain(planted);
      expect(a.body, a.what).not.toMatch(/securityIncident|slaExclusionReason|assigneeId|"line"/);
    }
    const ticket = JSON.parse(answers[2]!.body);
    // The registration's files are the customer's own (issue 16): on the allow-list on purpose.
    expect(Object.keys(ticket).sort()).toEqual([
      "attachments",
      "channel",
      "createdAt",
      "description",
      "id",
      "organizationId",
      "priority",
      "reference",
      "requesterId",
      "sla",
      "status",
      "title",
      "updatedAt",
    ]);
    const events = JSON.parse(answers[3]!.body).items as { type: string; data: Record<string, unknown> }[];
    // The customer sees that the ticket waited for them and the message sent with it, not the reason.
    expect(events.find((e) => e.type === "PAUSED")?.data).toEqual({});
    expect(events.some((e) => e.type === "PUBLIC_REPLY" && e.data.body === PUBLIC_WAIT_MESSAGE)).toBe(true);
    expect(events.find((e) => e.type === "PRIORITY_CHANGED")?.data).toEqual({ from: "P2", to: "P1" });
    expect(events.map((e) => e.type)).not.toEqual(expect.arrayContaining(["INTERNAL_NOTE"]));
  });
});

describe("customer views: the customer admin's monthly report", () => {
  it("says a ticket was taken out of measurement, never the agents' reason (API, page data, CSV)", async () => {
    const prisma = db();
    const ola = await loadActor(prisma, (await prisma.user.findUniqueOrThrow({ where: { email: "ola@nordlys.example" } })).id);
    const reclassified = await prisma.ticket.findFirstOrThrow({ where: { slaExclusionReason: PLANTED.reclassifyReason }, select: { organizationId: true, createdAt: true } });
    const view = await getOrganizationReport({ actor: ola!, input: { organizationId: reclassified.organizationId, month: monthOf(reclassified.createdAt) }, ctx: { prisma, now: () => new Date() } });
    const text = JSON.stringify(view) + reportCsv(view.figures);
    expect(view.figures.exclusions.length).toBeGreaterThan(0);
    for (const [kind, planted] of Object.entries(PLANTED)) expect(text, `report leaks the ${kind}`).not.toContain(planted);
    expect(text).toContain("omklassifisert");
    await prisma.$disconnect();
  });
});
