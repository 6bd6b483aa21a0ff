import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { AppError } from "../../lib/server/errors";
import type { Actor } from "../../lib/server/actor";
import { applyTicketAction, registerTicket, type TicketActionRequest, type UseCaseContext } from "../../lib/server/tickets";
import { listQueue, type ListQueueInput } from "../../lib/server/tickets/list-queue";
import { fakeClock, seededActors } from "../support/fixtures";

const prisma = createPrisma();
afterAll(() => prisma.$disconnect());

let kari: Actor, sara: Actor, lise: Actor, jonas: Actor, marte: Actor, vakt: Actor;
beforeAll(async () => {
  ({ kari, sara, lise, jonas, marte, vakt } = await seededActors(prisma, ["kari", "sara", "lise", "jonas", "marte", "vakt"]));
});

// Monday 2 March 2026, 09:00 Oslo (UTC+1): office hours 08–16.
const clock = fakeClock("2026-03-02T08:00:00Z");
const ctx: UseCaseContext = { prisma, now: clock.now };
const act = (actor: Actor, ticketId: string, action: TicketActionRequest) => applyTicketAction({ actor, input: { ticketId, action }, ctx });
const token = `kø-${randomBytes(4).toString("hex")}`;
const register = (actor: Actor, title: string, priority: "P1" | "P2" | "P3" | "P4") => registerTicket({ actor, input: { title: `${token} ${title}`, description: "Til køtesten.", priority }, ctx });
const queue = (actor: Actor, input: Omit<ListQueueInput, "search"> & { search?: string } = {}) => listQueue({ actor, input: { search: token, ...input }, ctx });
const titles = (items: { title: string }[]) => items.map((i) => i.title.slice(token.length + 1));

describe("listQueue: a line's open tickets by time left on the response clock", () => {
  const ids: Record<string, string> = {};
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    for (const [name, priority] of [
      ["treg", "P3"],
      ["dag", "P4"],
      ["startet", "P3"],
      ["venter", "P3"],
      ["løst", "P3"],
    ] as const) {
      const t = await register(kari, name, priority);
      ids[name] = t.id;
      refs[name] = t.reference;
    }
    clock.set("2026-03-02T08:10:00Z");
    const fast = await register(kari, "rask", "P2"); // due 11:10 Oslo, before the P3s' 13:00
    ids.rask = fast.id;
    clock.set("2026-03-02T08:15:00Z");
    const other = await register(sara, "bergheim", "P3"); // Pureservice 2 h: due 11:15 Oslo
    ids.bergheim = other.id;
    refs.bergheim = other.reference;
    clock.set("2026-03-02T08:20:00Z");
    await act(lise, ids.startet!, { type: "start" });
    await act(lise, ids.venter!, { type: "wait", reason: "Venter på skjermbilde" });
    await act(lise, ids["løst"]!, { type: "resolve", solution: "Ordnet." });
    clock.set("2026-03-02T08:30:00Z");
  });

  it("sorts running clocks by due instant, then paused, then stopped; leaves solved tickets out; names the organisation", async () => {
    const { items, nextCursor } = await queue(lise, { line: "L1" });
    expect(titles(items)).toEqual(["rask", "bergheim", "treg", "dag", "venter", "startet"]);
    expect(nextCursor).toBeNull();
    expect(items.map((i) => i.sla.response?.state)).toEqual(["running", "running", "running", "running", "paused", "met"]);
    expect(items[0]).toMatchObject({ priority: "P2", organizationName: "Nordlys Eiendom AS", line: "L1", warningThreshold: 0.5 });
    expect(items[0]!.sla.response).toMatchObject({ dueAt: "2026-03-02T10:10:00.000Z", businessMinutesLeft: 100 });
    expect(items.find((i) => i.id === ids.bergheim)?.organizationName).toBe("Bergheim Regnskap AS");
  });

  it("puts an overdue clock first, read as breached", async () => {
    clock.set("2026-03-02T10:30:00Z"); // 11:30 Oslo: the P2 is 20 minutes late
    const { items } = await queue(lise, { line: "L1", limit: 2 });
    expect(items[0]).toMatchObject({ id: ids.rask, sla: { response: { state: "breached", breachedAt: "2026-03-02T10:10:00.000Z" } } });
    clock.set("2026-03-02T08:30:00Z");
  });

  it("pages with a cursor and the same order", async () => {
    const first = await queue(lise, { line: "L1", limit: 4 });
    expect(titles(first.items)).toEqual(["rask", "bergheim", "treg", "dag"]);
    expect(first.nextCursor).not.toBeNull();
    const second = await queue(lise, { line: "L1", limit: 4, cursor: first.nextCursor! });
    expect(titles(second.items)).toEqual(["venter", "startet"]);
    expect(second.nextCursor).toBeNull();
    const error = await queue(lise, { cursor: "not-a-cursor" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request");
  });

  it("shows a status when asked for, solved included", async () => {
    expect(titles((await queue(lise, { status: "SOLVED" })).items)).toEqual(["løst"]);
    expect(titles((await queue(lise, { status: "WAITING_FOR_CUSTOMER" })).items)).toEqual(["venter"]);
    expect(titles((await queue(lise, { priority: "P2" })).items)).toEqual(["rask"]);
  });

  it("searches by reference, title and organisation, case-insensitively", async () => {
    expect((await listQueue({ actor: lise, input: { search: refs.bergheim!.toLowerCase() }, ctx })).items.map((i) => i.id)).toEqual([ids.bergheim]);
    expect(titles((await queue(lise, { search: `${token.toUpperCase()} TREG` })).items)).toEqual(["treg"]);
    const bergheim = (await listQueue({ actor: lise, input: { search: "bergheim regnskap", limit: 100 }, ctx })).items;
    expect(bergheim.map((i) => i.id)).toContain(ids.bergheim);
    expect(bergheim.every((i) => i.organizationName === "Bergheim Regnskap AS")).toBe(true);
  });

  it("'mine' is the tickets assigned to the agent", async () => {
    expect(titles((await queue(lise, { mine: true })).items)).toEqual(["startet"]);
    expect((await queue(jonas, { mine: true })).items).toEqual([]);
  });

  it("follows an escalation: the ticket leaves the 1st line's queue for the 2nd line's, which the 1st line can still read", async () => {
    await act(lise, ids.treg!, { type: "escalate", line: "L2", workDone: "Sjekket logger og tilganger, ingen feil funnet." });
    expect(titles((await queue(marte, { line: "L2" })).items)).toEqual(["treg"]);
    expect(titles((await queue(jonas, { line: "L1" })).items)).not.toContain("treg");
    expect(titles((await queue(jonas, { line: "L2" })).items)).toEqual(["treg"]); // staff read every line (issue 19)
    expect(titles((await queue(marte, {})).items)).toContain("treg");
  });

  it("on-call staff read every ticket, P1 first by its clock; customers have no queue", async () => {
    const p1 = await register(kari, "kritisk", "P1");
    expect((await queue(vakt, {})).items.map((i) => i.id)).toContain(p1.id);
    expect((await queue(vakt, { priority: "P1" })).items.map((i) => i.id)).toEqual([p1.id]);
    for (const customer of [kari, sara]) {
      const error = await queue(customer, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("unprocessable");
    }
  });
});
