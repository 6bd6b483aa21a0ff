import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs } from "./support/tickets";
import { createPrisma } from "../lib/server/db/prisma";
import { hashPassword } from "../lib/server/auth/password-hash";
import { DEMO_PASSWORD, demoTotpSecret } from "../lib/server/db/demo-data";
import { encryptSecret } from "../lib/server/secrets";

/**
 * Issue 19 in the browser: the agent's one composer. An agent keeps a macro, answers a ticket
 * with it and sets it waiting for the customer in one send; two agents on one ticket see each
 * other and the second is warned before sending over the first's reply; a key that changes the
 * ticket's state asks first. The customer, its requester and both agents are this spec's own.
 */
const prisma = createPrisma(undefined, 2);
const run = randomUUID().slice(0, 8);
const ORGANIZATION = `Arbeidsflate e2e ${run} AS`;
const requesterEmail = `kunde-${run}@arbeidsflate-e2e.example`;
const REQUESTER = `Kristine Kunde ${run}`;
const agentA = { email: `agnes-${run}@servicedesk.example`, name: `Agnes Agent ${run}` };
const agentB = { email: `bernt-${run}@servicedesk.example`, name: `Bernt Agent ${run}` };

test.beforeAll(async () => {
  const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
  const org = await prisma.organization.create({ data: { name: ORGANIZATION, slug: `arbeidsflate-${run}`, ticketPrefix: "AF", agreementId: agreement.id }, select: { id: true } });
  const provider = await prisma.organization.findFirstOrThrow({ where: { isProvider: true }, select: { id: true } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.user.create({ data: { organizationId: org.id, email: requesterEmail, name: REQUESTER, role: "END_USER", passwordHash, locale: "nb", phone: "+47 900 00 000" } });
  const secretsKey = process.env.SECRETS_KEY!;
  for (const agent of [agentA, agentB]) {
    await prisma.user.create({
      data: {
        organizationId: provider.id,
        email: agent.email,
        name: agent.name,
        role: "AGENT",
        supportLine: "L1",
        passwordHash,
        locale: "nb",
        totpSecret: encryptSecret(demoTotpSecret(agent.email), secretsKey),
        twoFactorEnabledAt: new Date("2026-01-01T00:00:00Z"),
      },
    });
  }
});
test.afterAll(async () => {
  await prisma.$disconnect();
});

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("an agent keeps a macro, answers a ticket with it and sets it waiting for the customer in one send; the customer sees the reply", async ({ browser }) => {
  test.setTimeout(120_000);
  const ticket = await registerTicketAs(requesterEmail, `Skriveren skriver ikke (${run})`);
  const agent = await signedIn(browser, agentA.email);

  // The macro, with placeholders and "waiting for the customer" as its status.
  await agent.goto("/arbeid/makroer");
  const form = agent.getByRole("region", { name: "Ny makro" });
  await form.getByLabel("Navn").fill(`Trenger mer info ${run}`);
  await form.getByLabel("Tekst").fill("Hei {{kunde}}! Kan du sende et skjermbilde av feilen i sak {{referanse}}? Hilsen {{agent}}");
  await form.getByLabel("Status ved sending").selectOption("WAITING_FOR_CUSTOMER");
  await form.getByRole("button", { name: "Lagre makro" }).click();
  await expect(agent.getByRole("status").filter({ hasText: "Makroen er lagret." })).toBeVisible();
  await expect(agent.getByTestId("personal-macros")).toContainText(`Trenger mer info ${run}`);

  // The ticket page: the requester panel, then the macro from the composer's picker.
  await agent.goto(`/arbeid/saker/${ticket.id}`);
  const panel = agent.getByTestId("requester-panel");
  await expect(panel).toContainText(REQUESTER);
  await expect(panel).toContainText(requesterEmail);
  await expect(panel).toContainText("+47 900 00 000");
  await expect(panel).toContainText(ORGANIZATION);
  const composer = agent.getByTestId("composer");
  await composer.getByRole("combobox", { name: "Makro" }).fill("skjermbilde");
  await composer.getByRole("option", { name: new RegExp(`Trenger mer info ${run}`) }).click();
  const expected = `Hei ${REQUESTER}! Kan du sende et skjermbilde av feilen i sak ${ticket.reference}? Hilsen ${agentA.name}`;
  await expect(composer.getByLabel("Svar (synlig for kunden)")).toHaveValue(expected);
  await expect(composer.getByRole("button", { name: "Venter på kunden" })).toHaveAttribute("aria-pressed", "true");
  await agent.screenshot({ path: "e2e/screenshots/agent-composer.png", fullPage: true });
  await composer.getByRole("button", { name: "Send svar" }).click();

  await expect(agent.getByRole("status").filter({ hasText: "Saken venter på kunden." })).toBeVisible();
  await expect(agent.getByTestId("status")).toHaveText("Venter på kunden");
  const reply = agent.getByTestId("timeline").locator('[data-event-type="PUBLIC_REPLY"]');
  await expect(reply).toContainText(expected);
  await expect(reply).toContainText("Deg");
  const events = await prisma.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { id: "asc" }, select: { type: true } });
  expect(events.map((e) => e.type).filter((t) => t === "PUBLIC_REPLY" || t === "PAUSED")).toEqual(["PUBLIC_REPLY", "PAUSED"]);

  // The customer sees the reply, and that the ticket waits for them.
  const customer = await signedIn(browser, requesterEmail);
  await customer.goto(`/saker/${ticket.id}`);
  await expect(customer.getByText(expected)).toBeVisible();
  await expect(customer.getByText("Venter på deg").first()).toBeVisible();
});

test("two agents on one ticket: the second sees the first, and is warned before sending over the first's reply", async ({ browser }) => {
  test.setTimeout(120_000);
  const ticket = await registerTicketAs(requesterEmail, `VPN faller ut (${run})`);
  const first = await signedIn(browser, agentA.email);
  await first.goto(`/arbeid/saker/${ticket.id}`);
  await expect(first.getByTestId("composer")).toBeVisible();

  const second = await signedIn(browser, agentB.email);
  await second.goto(`/arbeid/saker/${ticket.id}`);
  await expect(second.getByTestId("presence")).toContainText(`Ser også på saken: ${agentA.name}`);
  // The first sees the second too, by the next heartbeat or live refresh (a tab in front: hidden ones stay quiet).
  await first.bringToFront();
  await expect(first.getByTestId("presence")).toContainText(agentB.name, { timeout: 20_000 });

  // The second starts writing (the page does not refresh under their hands) …
  const draft = second.getByTestId("composer").getByLabel("Svar (synlig for kunden)");
  await draft.fill("Har du prøvd å starte klienten på nytt?");
  // … while the first answers.
  await first.getByTestId("composer").getByLabel("Svar (synlig for kunden)").fill("Vi ser på VPN-en nå.");
  await first.getByTestId("composer").getByRole("button", { name: "Send svar" }).click();
  // Next.js runs a page's server actions one at a time: the send may wait for a presence heartbeat or live refresh in flight.
  await expect(first.getByRole("status").filter({ hasText: "Svaret er sendt." })).toBeVisible({ timeout: 20_000 });

  await second.getByTestId("composer").getByRole("button", { name: "Send svar" }).click();
  const warning = second.getByTestId("collision-warning");
  await expect(warning).toContainText(`${agentA.name} har skrevet i saken etter at du åpnet den.`);
  expect(await prisma.comment.count({ where: { ticketId: ticket.id, body: "Har du prøvd å starte klienten på nytt?" } })).toBe(0);
  await expect(draft).toHaveValue("Har du prøvd å starte klienten på nytt?");
  await warning.getByRole("button", { name: "Send likevel" }).click();
  await expect(second.getByRole("status").filter({ hasText: "Svaret er sendt." })).toBeVisible();
  // Both replies, each by its author's name on the other's page.
  const timeline = second.getByTestId("timeline");
  await expect(timeline.locator('[data-event-type="PUBLIC_REPLY"]').filter({ hasText: "Vi ser på VPN-en nå." })).toContainText(agentA.name);
  await expect(timeline.locator('[data-event-type="PUBLIC_REPLY"]').filter({ hasText: "Har du prøvd å starte klienten på nytt?" })).toBeVisible();
});

test("a key that starts troubleshooting asks for confirmation before anything changes", async ({ browser }) => {
  test.setTimeout(90_000);
  const ticket = await registerTicketAs(requesterEmail, `Treg e-post (${run})`);
  const agent = await signedIn(browser, agentA.email);
  await agent.goto(`/arbeid/saker/${ticket.id}`);
  await expect(agent.getByTestId("shortcuts")).toHaveAttribute("data-ready", "true");
  const started = () => prisma.ticketEvent.count({ where: { ticketId: ticket.id, type: "TROUBLESHOOTING_STARTED" } });

  await agent.keyboard.press("s");
  const dialog = agent.getByRole("dialog", { name: "Start feilsøking" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Responstiden stoppes");
  await dialog.getByRole("button", { name: "Avbryt" }).click();
  await expect(dialog).toBeHidden();
  expect(await started()).toBe(0);
  await expect(agent.getByTestId("clock-badge")).toHaveAttribute("data-state", "running");

  await agent.keyboard.press("s");
  await dialog.getByRole("button", { name: "Ja, gjør det" }).click();
  await expect(agent.getByRole("status").filter({ hasText: "Feilsøking er startet." })).toBeVisible();
  await expect(agent.getByTestId("clock-badge")).toHaveAttribute("data-state", "met");
  expect(await started()).toBe(1);
});
