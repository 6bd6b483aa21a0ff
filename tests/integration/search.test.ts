import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/server/db/prisma";
import type { Actor } from "../../lib/server/actor";
import { applyTicketAction, registerTicket, type TicketActionRequest, type UseCaseContext } from "../../lib/server/tickets";
import { searchQueue, searchTickets, snippetParts, type SearchTicketsInput } from "../../lib/server/tickets/search-tickets";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import { redis } from "../../lib/server/redis";
import { readEnv } from "../../lib/config/env";
import * as ticketsRoute from "../../app/api/v1/tickets/route";
import * as openApiRoute from "../../app/api/v1/openapi.json/route";
import { createSavedView } from "../../lib/server/tickets/saved-views/create-saved-view";
import { listSavedViews } from "../../lib/server/tickets/saved-views/list-saved-views";
import { deleteSavedView } from "../../lib/server/tickets/saved-views/delete-saved-view";
import { apiRequest } from "../support/api-request";
import { deleteKeys } from "../support/redis-keys";
import { fakeClock, rejection, seededActors } from "../support/fixtures";

const prisma = createPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  redis().disconnect();
});

let kari: Actor, per: Actor, ola: Actor, sara: Actor, lise: Actor, jonas: Actor, marte: Actor;
// Monday 2 March 2026, 09:00 in TIME_ZONE (UTC+1).
const clock = fakeClock("2026-03-02T08:00:00Z");
const ctx: UseCaseContext = { prisma, now: clock.now };
const act = (actor: Actor, ticketId: string, action: TicketActionRequest) => applyTicketAction({ actor, input: { ticketId, action }, ctx });
const register = (actor: Actor, title: string, description: string, priority: "P1" | "P2" | "P3" | "P4" = "P3") => registerTicket({ actor, input: { title, description, priority }, ctx });
const find = async (actor: Actor, input: SearchTicketsInput) => (await searchTickets({ actor, input, ctx })).items.map((i) => i.ticket.id);

const ids: Record<string, string> = {};
const refs: Record<string, string> = {};

beforeAll(async () => {
  ({ kari, per, ola, sara, lise, jonas, marte } = await seededActors(prisma, ["kari", "per", "ola", "sara", "lise", "jonas", "marte"]));
  const add = async (name: string, actor: Actor, title: string, description: string, priority?: "P1" | "P2" | "P3" | "P4") => {
    const t = await register(actor, title, description, priority);
    ids[name] = t.id;
    refs[name] = t.reference;
  };
  await add("printer", kari, "Skriveren i 2. etasje virker ikke", "Den skriver bare blanke ark.");
  await add("english", kari, "Meeting room screen", "The printers on the third floor are jammed again.", "P2");
  await add("per", per, "Tilgang til lønnssystemet", "Per får ikke logget inn i lønnssystemet.");
  clock.set("2026-03-05T08:00:00Z");
  await add("bergheim", sara, "Skriverkø henger", "Skriveren hos Bergheim henger i køen.", "P2");
  // Mentions the printer ticket's reference again and again: the exact reference still ranks first.
  await add("mentions", kari, `Oppfølging av ${refs.printer}`, `Se ${refs.printer}. ${refs.printer} ${refs.printer} gjelder samme skriver.`);
  await act(lise, ids.printer!, { type: "note", body: "Intern merknad: tonerkassett bestilt fra leverandør Kvasirprint." });
});

describe("full-text search (PostgreSQL, Norwegian and English)", () => {
  it("ranks a ticket whose reference is the query first", async () => {
    const found = await find(lise, { q: refs.printer! });
    expect(found[0]).toBe(ids.printer);
    expect(found).toContain(ids.mentions);
    // Lower case, as typed.
    expect((await find(lise, { q: refs.printer!.toLowerCase() }))[0]).toBe(ids.printer);
  });

  it("finds 'skriveren' from 'skriver' (Norwegian stemming) and 'printers' from 'printer' (English)", async () => {
    const norwegian = await find(lise, { q: "skriver" });
    expect(norwegian).toEqual(expect.arrayContaining([ids.printer, ids.bergheim]));
    expect(norwegian).not.toContain(ids.per);
    expect(await find(lise, { q: "printer" })).toEqual([ids.english]);
    expect(await find(lise, { q: "jam" })).toEqual([ids.english]);
  });

  it("takes a word ending in * as a prefix, with the other words as they are, and marks the words it matched", async () => {
    // "lønns" is no word of its own: only the prefix finds lønnssystemet.
    expect(await find(lise, { q: "lønns" })).toEqual([]);
    expect(await find(lise, { q: "lønns*" })).toEqual([ids.per]);
    expect(await find(lise, { q: "Skriverk*" })).toEqual([ids.bergheim]);
    // With another word: both must match.
    expect(await find(lise, { q: "skriv* blanke" })).toEqual([ids.printer]);
    expect(await find(lise, { q: "jamm* printers" })).toEqual([ids.english]);
    // Tenancy holds: Kari's organisation does not reach Bergheim's queue of printers.
    expect(await find(kari, { q: "skriv*" })).toEqual(expect.arrayContaining([ids.printer, ids.mentions]));
    expect(await find(kari, { q: "skriv*" })).not.toContain(ids.bergheim);
    // Fewer than three letters before the star is no prefix: "sk*" asks for the word "sk".
    expect(await find(lise, { q: "sk*" })).toEqual([]);
    // A whole word with a star still finds itself where both stemmers shorten it ("printers", kept as printer).
    expect(await find(lise, { q: "printers*" })).toEqual([ids.english]);
    // Websearch syntax keeps its meaning (-word, "or"): a star there is ignored, as before.
    expect(await find(lise, { q: "skriver -lønns*" })).toEqual(await find(lise, { q: "skriver -lønns" }));
    expect(await find(lise, { q: "lønnssystemet or jammed*" })).toEqual(expect.arrayContaining([ids.per, ids.english]));
    // Odd input is no error.
    for (const q of ["æøå*", "abc**", "a*b*", "*".repeat(200), '"skriver*"']) await expect(find(lise, { q })).resolves.toBeDefined();
    const [hit] = (await searchQueue({ actor: lise, input: { q: "lønns*" }, ctx })).items;
    expect(hit?.snippet?.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toContain("lønnssystemet");
  });

  it("finds by the requester's name and e-mail, and by the customer's name", async () => {
    expect(await find(lise, { q: "per@nordlys.example" })).toEqual([ids.per]);
    expect(await find(ola, { q: "Kari" })).toEqual(expect.arrayContaining([ids.printer, ids.english, ids.mentions]));
    // And by the customer's name, also after a rename (the trigger on Organization).
    expect(await find(lise, { q: "Bergheim Regnskap" })).toEqual([ids.bergheim]);
    await prisma.organization.update({ where: { id: sara.organizationId }, data: { name: "Bergheim Revisjon AS" } });
    expect(await find(lise, { q: "revisjon" })).toEqual([ids.bergheim]);
    await prisma.organization.update({ where: { id: sara.organizationId }, data: { name: "Bergheim Regnskap AS" } });
  });

  it("marks the matched words in a snippet (plain text, split at the markers)", async () => {
    const [hit] = (await searchQueue({ actor: lise, input: { q: "blanke ark" }, ctx })).items;
    expect(hit?.ticket.id).toBe(ids.printer);
    expect(hit?.ticket.organizationName).toBe("Nordlys Eiendom AS");
    expect(hit?.snippet?.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual(["blanke", "ark"]);
    expect(snippetParts("a \u0002b\u0003 c")).toEqual([
      { text: "a ", hit: false },
      { text: "b", hit: true },
      { text: " c", hit: false },
    ]);
  });

  it("never returns another organisation's tickets, nor another user's to an end user", async () => {
    expect(await find(sara, { q: "skriver" })).toEqual([ids.bergheim]);
    expect(await find(kari, { q: "skriver" })).not.toContain(ids.bergheim);
    expect(await find(per, { q: "skriver" })).toEqual([]);
    expect(await find(per, { q: "lønnssystemet" })).toEqual([ids.per]);
    expect(await find(kari, { q: "lønnssystemet" })).toEqual([]);
    expect(await find(ola, { q: "lønnssystemet" })).toEqual([ids.per]);
    // Not even by its exact reference.
    expect(await find(sara, { q: refs.printer! })).toEqual([]);
    expect(await find(kari, { q: refs.bergheim! })).toEqual([]);
  });

  it("a customer never finds a ticket by a word only in an internal note; staff do", async () => {
    expect(await find(lise, { q: "tonerkassett" })).toEqual([ids.printer]);
    expect(await find(lise, { q: "Kvasirprint" })).toEqual([ids.printer]);
    for (const customer of [kari, ola]) expect(await find(customer, { q: "tonerkassett" })).toEqual([]);
    // Nor is the note in a customer's snippet.
    const [hit] = (await searchTickets({ actor: kari, input: { q: "skriver blanke" }, ctx })).items;
    expect(JSON.stringify(hit?.snippet)).not.toContain("tonerkassett");
  });

  it("keeps the vectors in step when a message is added (the trigger on TicketEvent)", async () => {
    expect(await find(kari, { q: "fargepatron" })).toEqual([]);
    await act(lise, ids.printer!, { type: "reply", body: "Vi har bestilt en ny fargepatron til dere." });
    expect(await find(kari, { q: "fargepatron" })).toEqual([ids.printer]);
    const [row] = await prisma.$queryRaw<Array<{ public: boolean; staff: boolean }>>`
      SELECT "publicVector" @@ search_query('fargepatron') AS public, "staffVector" @@ search_query('fargepatron') AS staff FROM "TicketSearch" WHERE "ticketId" = ${ids.printer}::uuid`;
    expect(row).toEqual({ public: true, staff: true });
    // A changed title is found too (the trigger on Ticket).
    await prisma.ticket.update({ where: { id: ids.per! }, data: { title: "Tilgang til reiseregningssystemet" } });
    expect(await find(per, { q: "reiseregningssystemet" })).toEqual([ids.per]);
  });

  it("filters by organisation, status, priority, line, assignee and registration date", async () => {
    const nordlys = kari.organizationId;
    expect(await find(lise, { q: "skriver", organizationId: nordlys })).not.toContain(ids.bergheim);
    expect(await find(lise, { q: "skriver", priority: "P2" })).toEqual([ids.bergheim]);
    expect(await find(lise, { q: "skriver", registeredFrom: "2026-03-05" })).toEqual(expect.not.arrayContaining([ids.printer]));
    expect(await find(lise, { q: "skriver", registeredTo: "2026-03-04" })).toEqual([ids.printer]);
    await act(lise, ids.bergheim!, { type: "triage", assignToMe: true });
    expect(await find(lise, { q: "skriver", assigneeId: lise.userId })).toEqual([ids.bergheim]);
    expect(await find(lise, { q: "skriver", assigneeId: "none" })).not.toContain(ids.bergheim);
    expect(await find(lise, { q: "skriver", status: "OPEN" })).toEqual([ids.bergheim]);
    await act(lise, ids.bergheim!, { type: "escalate", line: "L2", workDone: "Startet skriverkøen på nytt uten hell." });
    expect(await find(marte, { q: "skriver", line: "L2" })).toEqual([ids.bergheim]);
    expect(await find(lise, { q: "skriver", line: "L1" })).not.toContain(ids.bergheim);
  });

  it("forgets an erased requester's name and address (the triggers on User and TicketEvent)", async () => {
    expect(await find(lise, { q: "per@nordlys.example" })).toEqual([ids.per]);
    await prisma.$queryRaw`SELECT erase_person(${per.userId}::uuid, ${lise.userId}::uuid, ${clock.now()}::timestamptz)`;
    expect(await find(lise, { q: "per@nordlys.example" })).toEqual([]);
    expect(await find(lise, { q: "reiseregningssystemet" })).toEqual([ids.per]);
  });

  it("pages with a cursor in rank order", async () => {
    const all = await find(marte, { q: "skriver", limit: 100 });
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await searchTickets({ actor: marte, input: { q: "skriver", limit: 2 }, ctx });
    expect(first.items.map((i) => i.ticket.id)).toEqual(all.slice(0, 2));
    const second = await searchTickets({ actor: marte, input: { q: "skriver", limit: 2, cursor: first.nextCursor! }, ctx });
    expect(second.items.map((i) => i.ticket.id)).toEqual(all.slice(2, 4));
  });
});

describe("GET /api/v1/tickets?q=", () => {
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
    for (const email of ["kari@nordlys.example", "sara@bergheim.example", "lise@servicedesk.example"]) {
      tokens.set(email.split("@")[0]!, (await createApiToken({ input: { email }, ctx })).token);
    }
  });
  const get = async (who: string, query: string) => {
    const response = await ticketsRoute.GET(apiRequest(tokens.get(who), `/tickets?${query}`));
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: Array<{ id: string; reference: string }> }).items.map((i) => i.id);
  };

  it("takes the same search, ranked, within the caller's reach", async () => {
    const byReference = await get("lise", `q=${encodeURIComponent(refs.printer!)}`);
    expect(byReference[0]).toBe(ids.printer);
    expect(byReference).toContain(ids.mentions);
    expect(await get("lise", "q=printer&priority=P2")).toEqual([ids.english]);
    expect(await get("lise", "q=printer&priority=P4")).toEqual([]);
    expect(await get("sara", "q=skriver")).toEqual([ids.bergheim]);
    expect(await get("kari", "q=tonerkassett")).toEqual([]);
    expect(await get("lise", "q=tonerkassett")).toEqual([ids.printer]);
  });
});

describe("the REST list's search in the OpenAPI document", () => {
  it("documents q on GET /api/v1/tickets", async () => {
    const doc = (await openApiRoute.GET().json()) as { paths: Record<string, { get: { parameters: Array<{ name: string; schema: { description?: string } }> } }> };
    const q = doc.paths["/api/v1/tickets"]!.get.parameters.find((p) => p.name === "q");
    expect(q?.schema.description).toMatch(/^Full-text search/);
  });
});

describe("saved views of the queue", () => {
  it("keeps an agent's own views to them, shares a line's views with its agents, and deletes only for those allowed", async () => {
    const own = await createSavedView({ actor: lise, input: { name: "Mine P1", query: "?mine=1&priority=P1&q=skriver&evil=<script>" }, ctx });
    expect(own.query).toBe("mine=1&q=skriver&priority=P1");
    const shared = await createSavedView({ actor: lise, input: { name: "Nordlys i 1. linje", query: `line=L1&org=${kari.organizationId}`, line: "L1" }, ctx });
    expect((await listSavedViews({ actor: lise, ctx })).map((v) => [v.name, v.line, v.deletable])).toEqual([
      ["Mine P1", null, true],
      ["Nordlys i 1. linje", "L1", true],
    ]);
    // Jonas (1st line) sees the shared one only; Marte (2nd line) neither.
    expect((await listSavedViews({ actor: jonas, ctx })).map((v) => v.id)).toEqual([shared.id]);
    expect(await listSavedViews({ actor: marte, ctx })).toEqual([]);
    // A view is shared only with one's own line; customers have none.
    expect((await rejection(createSavedView({ actor: marte, input: { name: "L1", query: "", line: "L1" }, ctx }))).code).toBe("unprocessable");
    expect((await rejection(createSavedView({ actor: kari, input: { name: "Mine", query: "" }, ctx }))).code).toBe("not_found");
    expect((await rejection(createSavedView({ actor: lise, input: { name: "  ", query: "" }, ctx }))).code).toBe("bad_request");
    // Someone else's own view is not found; a shared one may be deleted by the line's agents.
    expect((await rejection(deleteSavedView({ actor: jonas, input: { id: own.id }, ctx }))).code).toBe("not_found");
    expect((await rejection(deleteSavedView({ actor: marte, input: { id: shared.id }, ctx }))).code).toBe("not_found");
    await deleteSavedView({ actor: jonas, input: { id: shared.id }, ctx });
    await deleteSavedView({ actor: lise, input: { id: own.id }, ctx });
    expect(await listSavedViews({ actor: lise, ctx })).toEqual([]);
  });
});
