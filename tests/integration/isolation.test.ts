/**
 * Tenant isolation through every read and write route of /api/v1: every user of every role of two
 * customer organisations and of the provider requests every ticket id. What a user may not see is
 * 404 (the same answer as for an id that does not exist), never listed, and never changed. The
 * provider's staff read every ticket (issue 19); what they may read but not write is 403 to every
 * action and never changed.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { seed } from "../../lib/server/db/seed";
import { deleteKeys } from "../support/redis-keys";
import { readEnv } from "../../lib/config/env";
import { redis } from "../../lib/server/redis";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import type { Role, SupportLine } from "../../lib/generated/prisma/enums";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import * as ticketRoute from "../../app/api/v1/tickets/[id]/route";
import * as eventsRoute from "../../app/api/v1/tickets/[id]/events/route";

/** The tokens' creation instant, chosen: nothing here depends on when the test runs (the tokens never expire). */
const TOKEN_CREATED_AT = new Date("2026-11-02T09:00:00Z");

interface Person {
  id: string;
  email: string;
  role: Role;
  supportLine: SupportLine | null;
  organizationId: string;
  token: string;
}
interface TicketFacts {
  id: string;
  organizationId: string;
  requesterId: string;
  line: SupportLine;
  priority: string;
  assigneeId: string | null;
}

const ORGANISATIONS = ["servicedesk", "nordlys", "fjordvik"];
const RANK: Record<SupportLine, number> = { L1: 1, L2: 2, L3: 3 };

/** The visibility rule, stated here independently of the code under test. */
function maySee(p: Person, t: TicketFacts): boolean {
  switch (p.role) {
    case "END_USER":
      return t.organizationId === p.organizationId && t.requesterId === p.id;
    case "CUSTOMER_ADMIN":
      return t.organizationId === p.organizationId;
    case "AGENT":
    case "ONCALL":
    case "PROVIDER_ADMIN":
      return true;
  }
}

/** The staff's write rule: their line and those below, P1 on call, or assigned to them. */
function staffMayWrite(p: Person, t: TicketFacts): boolean {
  switch (p.role) {
    case "END_USER":
    case "CUSTOMER_ADMIN":
      return maySee(p, t);
    case "AGENT":
      return RANK[t.line] <= RANK[p.supportLine!] || t.assigneeId === p.id;
    case "ONCALL":
      return t.priority === "P1" || t.assigneeId === p.id;
    case "PROVIDER_ADMIN":
      return true;
  }
}

/** A valid body of every action type, so a refusal can only come from visibility. */
const EVERY_ACTION: object[] = [
  { type: "triage", priority: "P1", reason: "Re-assessed" },
  { type: "start" },
  { type: "reply", body: "A reply" },
  { type: "note", body: "A note" },
  { type: "phone", body: "Called the customer" },
  { type: "priority", priority: "P1", reason: "More urgent" },
  { type: "escalate", line: "L3", workDone: "Checked the logs and restarted the service" },
  { type: "wait", reason: "Need access", message: "Please grant access" },
  { type: "resume" },
  { type: "resolve", solution: "Fixed" },
  { type: "confirm" },
  { type: "reopen", reason: "Still broken" },
  { type: "reclassify", reason: "SCIM sync fault" },
  { type: "flag_security", reason: "Phishing" },
  { type: "rca", rootCause: "A cause", correctiveActions: "Some actions" },
  { type: "assign", assigneeId: null },
];

/** Rate-limit counters of this run start empty, whatever earlier test files spent in this minute. */
const resetRateLimits = () => deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);

describe("tenant isolation of the REST API", () => {
  const prisma = db();
  const people: Person[] = [];
  let previousLimit: string | undefined;

  const request = (p: Person, path: string, body?: unknown) =>
    new Request(`http://test/api/v1${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${p.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const params = (id: string) => ({ params: Promise.resolve({ id }) });
  const person = (email: string) => people.find((p) => p.email === email)!;

  async function register(email: string, priority: string): Promise<string> {
    const response = await ticketsRoute.POST(request(person(email), "/tickets", { title: `${email} ${priority}`, description: "Isolation", priority }));
    expect(response.status).toBe(201);
    return (await response.json()).id;
  }
  async function escalate(id: string, line: "L2" | "L3") {
    const response = await eventsRoute.POST(request(person("lise@servicedesk.example"), `/tickets/${id}/events`, { type: "escalate", line, workDone: "First-line checks done" }), params(id));
    expect(response.status).toBe(200);
  }

  const allTickets = (): Promise<TicketFacts[]> =>
    prisma.ticket.findMany({ select: { id: true, organizationId: true, requesterId: true, line: true, priority: true, assigneeId: true }, orderBy: { id: "asc" } });

  /** Everything an action could change. */
  async function snapshot() {
    const [tickets, events, comments, clocks, escalations, notifications] = await Promise.all([
      prisma.ticket.findMany({ orderBy: { id: "asc" } }),
      prisma.ticketEvent.groupBy({ by: ["ticketId"], _count: { _all: true }, orderBy: { ticketId: "asc" } }),
      prisma.comment.groupBy({ by: ["ticketId"], _count: { _all: true }, orderBy: { ticketId: "asc" } }),
      prisma.slaClock.findMany({ orderBy: { id: "asc" } }),
      prisma.escalation.count(),
      prisma.notification.count(),
    ]);
    return { tickets, events, comments, clocks, escalations, notifications };
  }

  beforeAll(async () => {
    // Thousands of calls from one organisation in a few seconds: the rate limit has its own test.
    previousLimit = process.env.API_RATE_LIMIT_PER_MINUTE;
    process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";
    await seed(prisma);
    await resetRateLimits();
    const users = await prisma.user.findMany({
      where: { organization: { slug: { in: ORGANISATIONS } } },
      select: { id: true, email: true, role: true, supportLine: true, organizationId: true },
      orderBy: { email: "asc" },
    });
    for (const u of users) {
      const { token } = await createApiToken({ input: { email: u.email, name: "isolation" }, ctx: { prisma, now: () => TOKEN_CREATED_AT } });
      people.push({ ...u, token });
    }
    expect(new Set(people.map((p) => p.role))).toEqual(new Set(["END_USER", "CUSTOMER_ADMIN", "AGENT", "ONCALL", "PROVIDER_ADMIN"]));

    // Tickets of two organisations by different requesters, on every line and with P1 and others.
    await register("kari@nordlys.example", "P3");
    await register("per@nordlys.example", "P1");
    await escalate(await register("ola@nordlys.example", "P2"), "L2");
    const atL3 = await register("ingrid@fjordvik.example", "P4");
    await escalate(atL3, "L3");
    const forOnCall = await register("ingrid@fjordvik.example", "P2");
    await escalate(forOnCall, "L3");
    await escalate(await register("admin@fjordvik.example", "P1"), "L2");
    // Assignments outside the assignee's own queue (as after a hand-over): visible to the assignee only.
    await prisma.ticket.update({ where: { id: atL3 }, data: { assigneeId: person("jonas@servicedesk.example").id } });
    await prisma.ticket.update({ where: { id: forOnCall }, data: { assigneeId: person("vakt@servicedesk.example").id } });
  });

  afterAll(async () => {
    await resetRateLimits();
    if (previousLimit === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
    else process.env.API_RATE_LIMIT_PER_MINUTE = previousLimit;
    await prisma.$disconnect();
    redis().disconnect();
  });

  it("every user, through every route, gets exactly what their role may see; the rest is 404 and stays unchanged", async () => {
    const tickets = await allTickets();
    const before = await snapshot();
    const organisations = new Set(tickets.map((t) => t.organizationId));
    expect(organisations.size).toBeGreaterThanOrEqual(2);

    const notFoundBody = await (await ticketRoute.GET(request(people[0]!, "/tickets/x"), params(randomUUID()))).json();
    expect(notFoundBody).toEqual({ error: { code: "not_found", message: expect.any(String) } });

    for (const p of people) {
      const visible = tickets.filter((t) => maySee(p, t));
      const hidden = tickets.filter((t) => !maySee(p, t));
      const readOnly = visible.filter((t) => !staffMayWrite(p, t));
      if (p.role === "END_USER" || p.role === "CUSTOMER_ADMIN") {
        expect(hidden.length, `${p.email} has tickets to be kept from`).toBeGreaterThan(0);
      } else if (p.role !== "PROVIDER_ADMIN" && !(p.role === "AGENT" && p.supportLine === "L3")) {
        expect(readOnly.length, `${p.email} has tickets to read but not change`).toBeGreaterThan(0);
      }
      if (p.role === "END_USER" || p.role === "CUSTOMER_ADMIN") {
        expect(
          hidden.some((t) => t.organizationId !== p.organizationId),
          `${p.email} is tested against another organisation`,
        ).toBe(true);
        expect(visible.every((t) => t.organizationId === p.organizationId)).toBe(true);
      }

      // The list, every page, with and without filters.
      const listed: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await ticketsRoute.GET(request(p, `/tickets?limit=3${cursor ? `&cursor=${cursor}` : ""}`));
        expect(response.status, p.email).toBe(200);
        const page = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
        listed.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      expect(listed.sort(), `${p.email} lists exactly what they may see`).toEqual(visible.map((t) => t.id).sort());
      for (const filter of ["line=L1", "line=L2", "line=L3", "priority=P1", "priority=P4", "status=OPEN", "status=NEW"]) {
        const response = await ticketsRoute.GET(request(p, `/tickets?limit=100&${filter}`));
        const items = ((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id);
        for (const id of items)
          expect(
            visible.map((t) => t.id),
            `${p.email} ?${filter}`,
          ).toContain(id);
      }

      for (const t of visible) {
        const one = await ticketRoute.GET(request(p, `/tickets/${t.id}`), params(t.id));
        expect(one.status, `${p.email} GET ${t.id}`).toBe(200);
        expect((await one.json()).id).toBe(t.id);
        const history = await eventsRoute.GET(request(p, `/tickets/${t.id}/events`), params(t.id));
        expect(history.status, `${p.email} GET ${t.id}/events`).toBe(200);
      }

      for (const t of readOnly) {
        for (const action of EVERY_ACTION) {
          const response = await eventsRoute.POST(request(p, `/tickets/${t.id}/events`, action), params(t.id));
          expect(response.status, `${p.email} → ${t.id} read-only: POST ${JSON.stringify(action)}`).toBe(403);
          expect((await response.json()).error.code).toBe("forbidden");
        }
      }

      for (const t of hidden) {
        const where = `${p.email} → ticket of ${t.organizationId === p.organizationId ? "own" : "another"} organisation`;
        const one = await ticketRoute.GET(request(p, `/tickets/${t.id}`), params(t.id));
        expect(one.status, `${where}: GET`).toBe(404);
        expect(await one.json(), `${where}: GET`).toEqual(notFoundBody);
        const history = await eventsRoute.GET(request(p, `/tickets/${t.id}/events`), params(t.id));
        expect(history.status, `${where}: GET events`).toBe(404);
        expect(await history.json()).toEqual(notFoundBody);
        for (const action of EVERY_ACTION) {
          const response = await eventsRoute.POST(request(p, `/tickets/${t.id}/events`, action), params(t.id));
          expect(response.status, `${where}: POST ${JSON.stringify(action)}`).toBe(404);
          expect(await response.json()).toEqual(notFoundBody);
        }
      }
    }

    expect(await snapshot()).toEqual(before);
  });

  it("a customer cannot register a ticket in another organisation's name", async () => {
    const before = await prisma.ticket.count();
    const foreigner = person("ingrid@fjordvik.example");
    for (const email of ["kari@nordlys.example", "ola@nordlys.example"]) {
      const response = await ticketsRoute.POST(request(person(email), "/tickets", { title: "On behalf", description: "Someone else", priority: "P1", requesterId: foreigner.id }));
      expect(response.status).toBe(422);
      expect((await response.json()).error.code).toBe("unprocessable");
    }
    expect(await prisma.ticket.count()).toBe(before);
  });
});
