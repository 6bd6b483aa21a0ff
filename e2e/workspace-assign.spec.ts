import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs } from "./support/tickets";
import { createPrisma } from "../lib/server/db/prisma";
import { formatTime } from "../lib/i18n/format";

/**
 * The agent workspace (issue 19) in the browser: a phone call registered for a customer's user (and one for a new contact, invited to the portal)
 * with the clock set back to when the call came in; a ticket assigned to a colleague who then finds
 * it under "Mine"; five tickets escalated at once from the queue, each with its own event, after
 * which the 1st-line agent still reads them (read-only).
 */
const prisma = createPrisma(undefined, 2);
test.afterAll(async () => {
  await prisma.$disconnect();
});

const run = randomUUID().slice(0, 8);

/** A requester of this spec's own in Nordlys: the demo users' ticket lists, which other specs read, stay as they were. */
async function ownRequester(name: string): Promise<{ id: string; email: string }> {
  const email = `arb-${run}-${randomUUID().slice(0, 4)}@nordlys.example`;
  const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } });
  const user = await prisma.user.create({ data: { email, name, role: "END_USER", organizationId: nordlys.id }, select: { id: true } });
  return { id: user.id, email };
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("an agent registers a phone call for a customer's user; the clock starts at the call, 10 minutes back, with the reason", async ({ browser }) => {
  test.setTimeout(90_000);
  const caller = await ownRequester(`Rita Ringer ${run}`);
  const lise = await signedIn(browser, "lise@servicedesk.example");
  await lise.goto("/arbeid");
  await lise.getByTestId("register-call-link").click();
  await expect(lise.getByRole("heading", { level: 1, name: "Registrer henvendelse for en kunde" })).toBeVisible();
  await lise.getByLabel("Organisasjon").selectOption({ label: "Nordlys Eiendom AS" });
  await lise.getByLabel("Innmelder").selectOption(caller.id);
  await lise.getByLabel("Tittel").fill(`Skriveren på kontoret stopper ${run}`);
  await lise.getByLabel("Beskrivelse").fill("Rita ringte: skriveren i 2. etasje trekker ikke papir.");
  await lise.getByLabel("Prioritet").selectOption("P3");
  await lise.getByLabel("Samtalen startet for (minutter siden)").fill("10");
  await lise.getByLabel("Begrunnelse for tidligere start").fill("Samtalen tok ti minutter før saken ble skrevet inn");
  await lise.getByRole("button", { name: "Registrer saken" }).click();

  await expect(lise.getByRole("heading", { level: 1, name: `Skriveren på kontoret stopper ${run}` })).toBeVisible();
  await expect(lise.getByRole("status").filter({ hasText: "Saken er registrert på kundens vegne." })).toBeVisible();
  const ticket = await prisma.ticket.findFirstOrThrow({ where: { title: `Skriveren på kontoret stopper ${run}` }, select: { id: true, requesterId: true, channel: true, createdAt: true } });
  expect(ticket).toMatchObject({ requesterId: caller.id, channel: "PHONE" });
  const registered = await prisma.ticketEvent.findFirstOrThrow({ where: { ticketId: ticket.id, type: "REGISTERED" }, select: { at: true, data: true } });
  const backdated = (registered.data as { backdated: { minutes: number; reason: string; recordedAt: string } }).backdated;
  // The clock starts at the call: exactly ten minutes before the agent recorded it.
  expect(Date.parse(backdated.recordedAt) - ticket.createdAt.getTime()).toBe(10 * 60_000);
  expect(registered.at.getTime()).toBe(ticket.createdAt.getTime());
  expect((await prisma.slaClock.findFirstOrThrow({ where: { ticketId: ticket.id, metric: "RESPONSE" }, select: { startedAt: true } })).startedAt.getTime()).toBe(ticket.createdAt.getTime());
  expect(backdated).toMatchObject({ minutes: 10, reason: "Samtalen tok ti minutter før saken ble skrevet inn" });
  // The page shows that instant, the customer's user as requester, and why the start was set back.
  await expect(lise.locator('dt:text-is("Registrert") + dd')).toContainText(formatTime(ticket.createdAt.toISOString()));
  await expect(lise.getByTestId("requester")).toContainText(`Rita Ringer ${run}`);
  await expect(lise.getByTestId("timeline")).toContainText("Klokken startet 10 min før saken ble registrert: Samtalen tok ti minutter før saken ble skrevet inn");
});

test("an agent adds a caller as a new contact, who is invited to the portal: the box is ticked to begin with", async ({ browser }) => {
  test.setTimeout(90_000);
  const email = `ny-${run}@nordlys.example`;
  const lise = await signedIn(browser, "lise@servicedesk.example");
  await lise.goto("/arbeid/ny");
  await lise.getByLabel("Organisasjon").selectOption({ label: "Nordlys Eiendom AS" });
  await lise.getByLabel("Innmelder").selectOption({ label: "Ny kontakt (legg til nå)" });
  await lise.getByLabel("Navn på ny kontakt").fill(`Nina Ny ${run}`);
  await lise.getByLabel("E-post til ny kontakt").fill(email);
  const invite = lise.getByLabel("Send invitasjon til kundeportalen (e-post med lenke for å velge passord)");
  await expect(invite).toBeChecked();
  await lise.getByLabel("Tittel").fill(`Ny kontakt ringte ${run}`);
  await lise.getByLabel("Beskrivelse").fill("Nina ringte fra resepsjonen.");
  await lise.getByRole("button", { name: "Registrer saken" }).click();
  await expect(lise.getByRole("status").filter({ hasText: "Saken er registrert på kundens vegne." })).toBeVisible();
  const contact = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true } });
  expect(contact.passwordHash).toBeNull();
  expect(await prisma.notification.count({ where: { recipientUserId: contact.id, template: "account-invite" } })).toBe(1);
  expect(await prisma.accountLink.count({ where: { userId: contact.id, purpose: "INVITE" } })).toBe(1);
});

test("an agent assigns a ticket to a colleague, who is told and then sees it under “Mine”", async ({ browser }) => {
  test.setTimeout(90_000);
  const requester = await ownRequester(`Tor Tildelt ${run}`);
  const ticket = await registerTicketAs(requester.email, `VPN faller ut ${run}`);
  const marteId = (await prisma.user.findUniqueOrThrow({ where: { email: "marte@servicedesk.example" }, select: { id: true } })).id;

  const lise = await signedIn(browser, "lise@servicedesk.example");
  await lise.goto(`/arbeid/saker/${ticket.id}`);
  const box = lise.getByTestId("assign-ticket");
  await expect(box).toContainText("Ingen – saken ligger i køen til 1. linje");
  await box.getByLabel("Tildel til").selectOption(marteId);
  await box.getByRole("button", { name: "Tildel", exact: true }).click();
  await expect(lise.getByTestId("assignee-now")).toContainText("Marte Dahl");
  await expect(lise.getByTestId("timeline")).toContainText("Tildelt Marte Dahl");
  expect(await prisma.notification.count({ where: { ticketId: ticket.id, template: "ticket-assigned", recipientUserId: marteId } })).toBe(1);

  const marte = await signedIn(browser, "marte@servicedesk.example");
  await marte.goto(`/arbeid?mine=1&q=${encodeURIComponent(run)}`);
  await expect(marte.getByRole("link", { name: "Mine", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(marte.getByTestId("queue-row").filter({ hasText: ticket.reference })).toHaveCount(1);
});

test("an agent selects five tickets in the queue and escalates them at once: each moves to 2nd line with its own event", async ({ browser }) => {
  test.setTimeout(120_000);
  const requester = await ownRequester(`Berit Bulk ${run}`);
  const token = `bulk-${run}`;
  const tickets = [];
  for (let i = 1; i <= 5; i++) tickets.push(await registerTicketAs(requester.email, `Utskrift feiler ${token} nr ${i}`));

  const lise = await signedIn(browser, "lise@servicedesk.example");
  await lise.goto(`/arbeid?line=L1&q=${encodeURIComponent(token)}`);
  await expect(lise.getByTestId("queue-row")).toHaveCount(5);
  await lise.getByTestId("select-all").check();
  await expect(lise.getByTestId("select-ticket").first()).toBeChecked();
  await lise.getByLabel("Handling", { exact: true }).selectOption("escalate");
  await lise.getByLabel("Til linje").selectOption("L2");
  await lise.getByLabel("Arbeid gjort så langt").fill("Samme utskriftsfeil hos alle fem; driveren må rulles tilbake av 2. linje.");
  await lise.getByRole("button", { name: "Utfør på valgte" }).click();
  await expect(lise.getByRole("status").filter({ hasText: "Utført på 5 saker" })).toBeVisible({ timeout: 30_000 });
  await expect(lise.getByTestId("bulk-failed")).toHaveCount(0);

  for (const t of tickets) {
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: t.id }, select: { line: true } })).line).toBe("L2");
    expect(await prisma.ticketEvent.count({ where: { ticketId: t.id, type: "ESCALATED" } })).toBe(1);
  }
  // The 1st-line agent who escalated them still reads them, read-only.
  await lise.goto(`/arbeid/saker/${tickets[0]!.id}`);
  await expect(lise.getByTestId("read-only")).toContainText("Saken ligger hos 2. linje – du kan lese den");
  await expect(lise.getByRole("heading", { name: "Svar til kunden" })).toHaveCount(0);
  await expect(lise.getByTestId("line")).toHaveText("2. linje");
});

test("solving many tickets at once asks first: cancel solves nothing, confirming solves each with its own reply", async ({ browser }) => {
  test.setTimeout(90_000);
  const requester = await ownRequester(`Sigrid Samlet ${run}`);
  const token = `losning-${run}`;
  const tickets = [await registerTicketAs(requester.email, `Nettet er tregt ${token} a`), await registerTicketAs(requester.email, `Nettet er tregt ${token} b`)];

  const lise = await signedIn(browser, "lise@servicedesk.example");
  await lise.goto(`/arbeid?line=L1&q=${encodeURIComponent(token)}`);
  await expect(lise.getByTestId("queue-row")).toHaveCount(2);
  await lise.getByTestId("select-all").check();
  await lise.getByLabel("Handling", { exact: true }).selectOption("resolve");
  await lise.getByLabel("Løsning (svar til kunden)").fill("Linjen hos leverandøren er byttet; farten er tilbake.");
  await lise.getByRole("button", { name: "Utfør på valgte" }).click();
  const dialog = lise.getByRole("dialog");
  await expect(dialog).toContainText("Løse 2 saker og sende løsningen til hver kunde? Det kan ikke angres.");
  await dialog.getByRole("button", { name: "Avbryt" }).click();
  await expect(dialog).toBeHidden();
  for (const t of tickets) expect((await prisma.ticket.findUniqueOrThrow({ where: { id: t.id }, select: { status: true } })).status).toBe("NEW");

  await lise.getByRole("button", { name: "Utfør på valgte" }).click();
  await dialog.getByRole("button", { name: "Ja, løs sakene" }).click();
  await expect(lise.getByRole("status").filter({ hasText: "Utført på 2 saker" })).toBeVisible({ timeout: 30_000 });
  for (const t of tickets) {
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: t.id }, select: { status: true } })).status).toBe("SOLVED");
    expect(await prisma.ticketEvent.count({ where: { ticketId: t.id, type: "SOLVED" } })).toBe(1);
  }
});
