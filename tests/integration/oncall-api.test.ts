import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import { readEnv } from "../../lib/config/env";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import { registerTicket } from "../../lib/server/tickets";
import { addShift, pageOnCall } from "../../lib/server/oncall";
import * as acknowledgeRoute from "../../app/api/v1/escalations/[id]/acknowledge/route";
import { deleteKeys } from "../support/redis-keys";
import { actorByEmail, seedOnce } from "../support/fixtures";

const prisma = db();
const tokens = new Map<string, string>();
const config = { renotifyMinutes: 5, noticesPerPerson: 2, appUrl: "https://helpdesk.example" };

const acknowledge = (who: string, id: string) =>
  acknowledgeRoute.POST(new Request(`http://test/api/v1/escalations/${id}/acknowledge`, { method: "POST", headers: { authorization: `Bearer ${tokens.get(who) ?? "none"}` } }), {
    params: Promise.resolve({ id }),
  });

beforeAll(async () => {
  await seedOnce(prisma);
  await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
  for (const email of ["vakt@servicedesk.example", "kari@nordlys.example", "ingrid@fjordvik.example"]) {
    tokens.set(email.split("@")[0]!, (await createApiToken({ input: { email }, ctx: { prisma, now: () => new Date() } })).token);
  }
});
afterAll(async () => {
  await prisma.$disconnect();
  redis().disconnect();
});

describe("POST /api/v1/escalations/:id/acknowledge", () => {
  it("acknowledges for the token's user, answers a repeat with who and when, and 404 for a page the caller cannot see", async () => {
    const admin = await actorByEmail(prisma, "admin@servicedesk.example");
    const vakt = await actorByEmail(prisma, "vakt@servicedesk.example");
    const ingrid = await actorByEmail(prisma, "ingrid@fjordvik.example");
    const now = new Date("2031-05-03T10:00:00Z"); // Saturday 12:00 Oslo
    await addShift({ prisma, actor: admin, input: { userId: vakt.userId, startsAt: "2031-05-03T07:00:00Z", endsAt: "2031-05-03T20:00:00Z" }, now });
    const ticket = await registerTicket({ actor: ingrid, input: { title: "Alt er nede", description: "Ingen får logget inn.", priority: "P1" }, ctx: { prisma, now: () => now } });
    const id = await prisma.$transaction((tx) => pageOnCall(tx, { ticketId: ticket.id, reason: "api_test", now, config }));

    const refused = await acknowledge("kari", id); // an end user of another organisation
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: { code: "not_found", message: "Escalation not found" } });
    expect((await acknowledge("ingrid", id)).status).toBe(404); // the requester is not staff
    expect((await acknowledge("vakt", "not-a-uuid")).status).toBe(404);
    expect((await acknowledge("vakt", "0190a0a0-0000-7000-8000-000000000000")).status).toBe(404);
    expect((await acknowledge("nobody", id)).status).toBe(401);
    expect((await prisma.escalation.findUniqueOrThrow({ where: { id } })).status).toBe("NOTIFIED");

    const response = await acknowledge("vakt", id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      escalationId: id,
      ticketId: ticket.id,
      reference: ticket.reference,
      status: "acknowledged",
      acknowledgedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      acknowledgedBy: { userId: vakt.userId, name: vakt.name },
    });
    expect(await prisma.escalation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedById: vakt.userId });

    const repeat = await acknowledge("vakt", id);
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toMatchObject({ status: "already_acknowledged", acknowledgedAt: body.acknowledgedAt, acknowledgedBy: { userId: vakt.userId } });
  });
});
