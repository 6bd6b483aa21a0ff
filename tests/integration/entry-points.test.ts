/**
 * The one entry point of server actions and pages (lib/server/http/action.ts, session.ts) with the
 * real session's actor and the real use cases, and the ticket's visibility judged on the locked
 * row (apply-ticket-action.ts): a refusal reaches the reader in their language; a role the page is
 * not for is sent home or gets the 404 page; a ticket that leaves the agent's line while the agent
 * waits for its lock is refused (403: staff still read it, issue 19) and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import { AppError } from "../../lib/server/errors";
import { applyTicketAction, registerTicket, type UseCaseContext } from "../../lib/server/tickets";
import { runAction, runFormAction, type FormActionSpec } from "../../lib/server/http/action";
import { withSession, type RequestScope } from "../../lib/server/http/session";
import { translator, toLocale } from "../../lib/i18n";
import type { Actor } from "../../lib/server/actor";
import { z } from "zod";
import { actorByEmail, seedOnce } from "../support/fixtures";

const prisma = createPrisma();
const ctx: UseCaseContext = { prisma, now: () => new Date("2031-03-04T09:00:00Z") };

afterAll(async () => {
  await prisma.$disconnect();
});

let kari: Actor, jonas: Actor, lise: Actor, admin: Actor, ingrid: Actor;
beforeAll(async () => {
  await seedOnce(prisma);
  kari = await actorByEmail(prisma, "kari@nordlys.example"); // nb
  jonas = await actorByEmail(prisma, "jonas@servicedesk.example"); // en, L1
  lise = await actorByEmail(prisma, "lise@servicedesk.example"); // nb, L1
  admin = await actorByEmail(prisma, "admin@servicedesk.example");
  ingrid = await actorByEmail(prisma, "ingrid@fjordvik.example");
});

/** The request as Next.js would give it: this actor signed in, reading in their own language. */
const as = (actor: Actor | null): RequestScope => ({
  actor: async () => actor,
  t: async () => {
    const locale = toLocale(actor?.locale);
    return Object.assign(translator(locale), { locale });
  },
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

/** What Next.js's redirect() and notFound() throw, as the digest Next.js reads. */
async function digestOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return String((error as { digest?: unknown }).digest);
  }
  throw new Error("expected a redirect or the 404 page");
}

const newTicket = async (title: string) => (await registerTicket({ actor: kari, input: { title, description: "Skriveren svarer ikke", priority: "P3", channel: "PORTAL" }, ctx })).id;

/** The customer's "accept the solution" form, wired the way app/saker/actions.ts wires it. */
const accept: FormActionSpec = {
  audience: "customer",
  fields: ["ticketId"],
  path: (values) => `/saker/${values.ticketId}`,
  refusal: { kind: "plain" },
  run: async ({ actor, values }) => {
    await applyTicketAction({ actor, input: { ticketId: values.ticketId!, action: { type: "confirm" } }, ctx });
    return { values: {}, errors: {}, message: "accepted" };
  },
};

/** The agent's action form, wired the way app/arbeid/actions.ts wires it. */
const recordRootCause: FormActionSpec = {
  audience: "staff",
  fields: ["ticketId"],
  path: (values) => `/arbeid/saker/${values.ticketId}`,
  refusal: { kind: "reason" },
  run: async ({ actor, values }) => {
    await applyTicketAction({ actor, input: { ticketId: values.ticketId!, action: { type: "rca", rootCause: "Driver", correctiveActions: "Updated" } }, ctx });
    return { values: {}, errors: {}, message: "done" };
  },
};

describe("server actions' entry point", () => {
  it("hands a use case's refusal back as a message in the reader's language, with the typed values", async () => {
    const id = await newTicket("Kan ikke godta ennå");
    // Accepting a solution on a ticket that is not solved is refused by the use case (conflict).
    const nb = await runFormAction(accept, form({ ticketId: id }), as(kari));
    expect(nb).toEqual({ values: { ticketId: id }, errors: {}, message: translator("nb")("common.error.conflict") });
    expect(nb.message).toMatch(/^Saken er endret i mellomtiden/);

    const en = await runFormAction(recordRootCause, form({ ticketId: id }), as(jonas));
    expect(en.message).toMatch(/^The action was refused: /);
    const no = await runFormAction(recordRootCause, form({ ticketId: id }), as(lise));
    expect(no.message).toMatch(/^Handlingen ble avvist: /);
  });

  it("sends a role the form is not for to its own home, and nobody signed in to the sign-in page, before any use case runs", async () => {
    const id = await newTicket("Feil rolle");
    const before = await prisma.ticketEvent.count({ where: { ticketId: id } });
    expect(await digestOf(runFormAction(recordRootCause, form({ ticketId: id }), as(kari)))).toMatch(/^NEXT_REDIRECT;replace;\/saker;/);
    expect(await digestOf(runFormAction(accept, form({ ticketId: id }), as(lise)))).toMatch(/^NEXT_REDIRECT;replace;\/arbeid;/);
    expect(await digestOf(runFormAction(accept, form({ ticketId: id }), as(null)))).toBe(`NEXT_REDIRECT;replace;/signin?callbackUrl=${encodeURIComponent(`/saker/${id}`)};307;`);
    expect(await prisma.ticketEvent.count({ where: { ticketId: id } })).toBe(before);
  });

  it("answers the provider admin's actions and pages with the 404 page for anyone else", async () => {
    let ran = 0;
    const adminOnly = { audience: "provider-admin" as const, path: "/admin/users", fields: ["id"], input: z.object({ id: z.string() }), invalid: "not-found", run: async () => void ran++ };
    expect(await digestOf(runAction(adminOnly, form({ id: "x" }), as(lise)))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await digestOf(withSession("provider-admin", "/admin", as(ingrid)))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(ran).toBe(0);
    await runAction(adminOnly, form({ id: "x" }), as(admin));
    expect(ran).toBe(1);
  });

  it("shows a ticket outside the actor's reach as the 404 page, not as a message", async () => {
    const id = await newTicket("Ikke din sak");
    // Ingrid (another organisation) accepting Kari's ticket: the use case's not_found is the 404 page.
    expect(await digestOf(runFormAction(accept, form({ ticketId: id }), as(ingrid)))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});

describe("a ticket's visibility is judged on the locked row", () => {
  it("refuses an agent whose ticket was escalated out of their line while they waited for the lock, and writes nothing", async () => {
    const id = await newTicket("Eskaleres mens 1. linje venter");
    const before = await prisma.ticketEvent.count({ where: { ticketId: id } });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Another transaction holds the ticket's lock and moves it to 2nd line (as an escalation does).
    const other = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`select 1 from "Ticket" where "id" = ${id}::uuid for update`;
        await tx.ticket.update({ where: { id }, data: { line: "L2" } });
        locked();
        await released;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    // Lise (1st line) could see the ticket when she sent her note; it waits for the lock.
    const note = applyTicketAction({ actor: lise, input: { ticketId: id, action: { type: "note", body: "Sjekket kabelen" } }, ctx }).then(
      () => null,
      (error: unknown) => error,
    );
    await waitUntilWaitingForLock();
    release();
    await other;
    const refused = await note;
    expect(refused).toBeInstanceOf(AppError);
    // Staff read every ticket (issue 19), so she is told she may not change it rather than "not found".
    expect((refused as AppError).code).toBe("forbidden");
    expect(await prisma.ticketEvent.count({ where: { ticketId: id } })).toBe(before);
  });

  it("still answers 404 for a ticket the actor never could see, and changes nothing", async () => {
    const id = await newTicket("Annen organisasjon");
    const before = await prisma.ticket.findUniqueOrThrow({ where: { id }, select: { status: true, updatedAt: true } });
    await expect(applyTicketAction({ actor: ingrid, input: { ticketId: id, action: { type: "reply", body: "Hei" } }, ctx })).rejects.toMatchObject({ code: "not_found" });
    await expect(applyTicketAction({ actor: lise, input: { ticketId: "not-a-uuid", action: { type: "start" } }, ctx })).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id }, select: { status: true, updatedAt: true } })).toEqual(before);
  });
});

/** Until a statement of this database waits for a row lock (the note behind the other transaction). */
async function waitUntilWaitingForLock(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const rows = await prisma.$queryRaw<{ n: bigint }[]>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    if (Number(rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the action never waited for the ticket's lock");
}
