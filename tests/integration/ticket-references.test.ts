import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { registerTicket } from "../../lib/server/tickets";
import { actorByEmail, seedOnce } from "../support/fixtures";

describe("ticket references", () => {
  // A pool large enough that the registrations really run at the same time.
  const prisma = createPrisma(undefined, 25);
  beforeAll(() => seedOnce(prisma));
  afterAll(() => prisma.$disconnect());

  it("fifty concurrent registrations get fifty distinct, consecutive references", async () => {
    const sara = await actorByEmail(prisma, "sara@bergheim.example");
    const ctx = { prisma, now: () => new Date("2027-03-01T09:00:00Z") };
    const tickets = await Promise.all(Array.from({ length: 50 }, (_, i) => registerTicket({ actor: sara, input: { title: `Samtidig sak ${i}`, description: "Last", priority: "P4" }, ctx })));
    const numbers = tickets.map((t) => {
      const match = /^BH-2027-(\d{6})$/.exec(t.reference);
      expect(match, t.reference).not.toBeNull();
      return Number(match![1]);
    });
    expect(new Set(numbers).size).toBe(50);
    const sorted = [...numbers].sort((a, b) => a - b);
    expect(sorted).toEqual(Array.from({ length: 50 }, (_, i) => sorted[0]! + i));
    expect(sorted[0]).toBe(1); // the first reference of 2027 for this prefix
  });

  it("the year of the reference is the registration's year in Oslo, and each year starts at 1", async () => {
    const sara = await actorByEmail(prisma, "sara@bergheim.example");
    // 31 Dec 2027 23:30 UTC is already 1 January 2028 in Oslo.
    const ticket = await registerTicket({ actor: sara, input: { title: "Nyttår", description: "x", priority: "P4" }, ctx: { prisma, now: () => new Date("2027-12-31T23:30:00Z") } });
    expect(ticket.reference).toBe("BH-2028-000001");
  });
});
