/**
 * Issue 15: an organisation whose agreement lets only its contact persons register cases
 * (Pureservice 003: three) refuses anyone else — in the use case that owns registration, so the
 * portal, the REST API and staff registering on a user's behalf all get the same answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import { readEnv } from "../../lib/config/env";
import { registerTicket, registrationRefusal, type UseCaseContext } from "../../lib/server/tickets";
import { setContactPerson } from "../../lib/server/admin";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import type { Actor } from "../../lib/server/actor";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import { apiRequest } from "../support/api-request";
import { deleteKeys } from "../support/redis-keys";
import { fakeClock, rejection, seededActors } from "../support/fixtures";

const prisma = db();
const clock = fakeClock("2026-09-14T08:00:00Z"); // a Monday morning, inside Pureservice's hours
const ctx: UseCaseContext = { prisma, now: clock.now };
const ticket = (title: string) => ({ title, description: "Skriveren svarer ikke", priority: "P3" as const });

let sara: Actor, bergheimAdmin: Actor, bjorn: Actor, kari: Actor, per: Actor, lise: Actor, admin: Actor;
let bergheimId: string;

beforeAll(async () => {
  ({ sara, bergheimAdmin, bjorn, kari, per, lise, admin } = await seededActors(prisma, ["sara", "bergheimAdmin", "bjorn", "kari", "per", "lise", "admin"]));
  bergheimId = sara.organizationId;
  // The seed's state, whatever earlier files of the run changed: a limit of 3, Sara a contact person, Bjørn not.
  await prisma.organization.update({ where: { id: bergheimId }, data: { contactPersonLimit: 3 } });
  await prisma.user.update({ where: { id: sara.userId }, data: { isContactPerson: true } });
  await prisma.user.update({ where: { id: bjorn.userId }, data: { isContactPerson: false } });
  await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
});
afterAll(async () => {
  await prisma.user.update({ where: { id: bjorn.userId }, data: { isContactPerson: false } });
  await prisma.$disconnect();
  redis().disconnect();
});

/** What a registration writes for the organisation: tickets, their events, and receipts to the refused user. */
const written = async (organizationId: string) => ({
  tickets: await prisma.ticket.count({ where: { organizationId } }),
  events: await prisma.ticketEvent.count({ where: { ticket: { organizationId } } }),
  receipts: await prisma.notification.count({ where: { recipientUserId: bjorn.userId } }),
});

describe("who may register cases for an organisation with contact persons", () => {
  it("the seed gives Bergheim a limit of 3, with Sara as a contact person and Bjørn not", async () => {
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: bergheimId } })).contactPersonLimit).toBe(3);
    expect(await registrationRefusal(ctx, sara.userId)).toBeNull();
    expect(await registrationRefusal(ctx, bergheimAdmin.userId)).toBeNull();
    expect(await registrationRefusal(ctx, bjorn.userId)).toEqual({ contactPersonLimit: 3 });
  });

  it("a contact person registers a case", async () => {
    const view = await registerTicket({ actor: sara, input: ticket("Kontaktperson melder"), ctx });
    expect(view.requesterId).toBe(sara.userId);
    expect(view.reference).toMatch(/^BH-/);
  });

  it("a customer admin who is not a contact person registers a case", async () => {
    expect((await prisma.user.findUniqueOrThrow({ where: { id: bergheimAdmin.userId } })).isContactPerson).toBe(false);
    const view = await registerTicket({ actor: bergheimAdmin, input: ticket("Administrator melder"), ctx });
    expect(view.requesterId).toBe(bergheimAdmin.userId);
  });

  it("another end user is refused with forbidden, and nothing is written", async () => {
    const before = await written(bergheimId);
    const refused = await rejection(registerTicket({ actor: bjorn, input: ticket("Ikke kontaktperson"), ctx }));
    expect(refused.code).toBe("forbidden");
    expect(refused.fields).toEqual({ requesterId: ["contact_person_required"] });
    expect(refused.message).toMatch(/contact persons \(at most 3\)/);
    expect(await written(bergheimId)).toEqual(before);
  });

  it("staff registering on behalf of such a user are refused too; on behalf of a contact person it works", async () => {
    const before = await written(bergheimId);
    const refused = await rejection(registerTicket({ actor: lise, input: { ...ticket("Telefon fra Bjørn"), requesterId: bjorn.userId, channel: "PHONE" }, ctx }));
    expect(refused.code).toBe("forbidden");
    expect(refused.fields).toEqual({ requesterId: ["contact_person_required"] });
    expect(refused.message).toMatch(/^The requester's organisation/);
    expect(await written(bergheimId)).toEqual(before);
    const view = await registerTicket({ actor: lise, input: { ...ticket("Telefon fra Sara"), requesterId: sara.userId, channel: "PHONE" }, ctx });
    expect(view.requesterId).toBe(sara.userId);
  });

  it("made a contact person by the provider admin, the user may register at once; unmarked, refused again", async () => {
    await setContactPerson({ actor: admin, input: { userId: bjorn.userId, contactPerson: true }, ctx });
    expect((await registerTicket({ actor: bjorn, input: ticket("Nå kontaktperson"), ctx })).requesterId).toBe(bjorn.userId);
    await setContactPerson({ actor: admin, input: { userId: bjorn.userId, contactPerson: false }, ctx });
    expect((await rejection(registerTicket({ actor: bjorn, input: ticket("Ikke lenger"), ctx }))).code).toBe("forbidden");
  });

  it("an organisation without a limit lets every user register (Nordlys: no contact persons at all)", async () => {
    const nordlys = await prisma.organization.findUniqueOrThrow({ where: { id: kari.organizationId } });
    expect(nordlys.contactPersonLimit).toBeNull();
    for (const actor of [kari, per]) {
      expect((await prisma.user.findUniqueOrThrow({ where: { id: actor.userId } })).isContactPerson).toBe(false);
      expect((await registerTicket({ actor, input: ticket("Uten grense"), ctx })).requesterId).toBe(actor.userId);
    }
  });

  it("the REST API answers 403 with the error code, and the contact person's token registers (201)", async () => {
    const token = async (email: string) => (await createApiToken({ input: { email }, ctx })).token;
    const before = await written(bergheimId);
    const refused = await ticketsRoute.POST(apiRequest(await token("bjorn@bergheim.example"), "/tickets", ticket("Via API")));
    expect(refused.status).toBe(403);
    const body = await refused.json();
    expect(body).toEqual({ error: { code: "forbidden", message: expect.stringContaining("contact persons"), fields: { requesterId: ["contact_person_required"] } } });
    expect(await written(bergheimId)).toEqual(before);
    const ok = await ticketsRoute.POST(apiRequest(await token("sara@bergheim.example"), "/tickets", ticket("Via API")));
    expect(ok.status).toBe(201);
  });
});
