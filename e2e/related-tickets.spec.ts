import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs } from "./support/tickets";
import { createPrisma } from "../lib/server/db/prisma";
import { hashPassword } from "../lib/server/auth/password-hash";
import { DEMO_PASSWORD } from "../lib/server/db/demo-data";

/**
 * Issue 19 in the browser: an agent makes a ticket the parent of three tickets of three different
 * customers (this spec's own organisations and users), solves the parent with one public reply, and
 * every child is solved with that reply, which each customer's requester sees on their own ticket
 * page. Then the agent gives a customer an expected time to solution, which the customer sees. The
 * outcomes hold at any hour: the expected time is a fixed instant years ahead.
 */
const prisma = createPrisma(undefined, 2);
const run = randomUUID().slice(0, 8);
const customers = ["Alfa", "Beta", "Gamma"].map((name, i) => ({ name: `${name} e2e ${run} AS`, slug: `rel-${i}-${run}`, email: `bruker-${i}-${run}@related-e2e.example` }));

test.beforeAll(async () => {
  const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const c of customers) {
    const org = await prisma.organization.create({ data: { name: c.name, slug: c.slug, ticketPrefix: "RE", agreementId: agreement.id }, select: { id: true } });
    await prisma.user.create({ data: { organizationId: org.id, email: c.email, name: `Bruker ${c.slug}`, role: "END_USER", passwordHash, locale: "nb" } });
  }
});
test.afterAll(async () => {
  await prisma.$disconnect();
});

test("an agent links three customers' tickets to a parent and solves all with one public reply; an expected time to solution shows on the customer's page", async ({ page, browser }) => {
  test.setTimeout(180_000); // four sign-ins and some fifteen pages
  const parent = await registerTicketAs(customers[0]!.email, `Nettverksbrudd (${run})`, "P2");
  const children = await Promise.all(customers.map((c, i) => registerTicketAs(c.email, `Ingen nettilgang ${i} (${run})`, "P2")));
  const later = await registerTicketAs(customers[1]!.email, `Ny bærbar PC (${run})`, "P4");

  await signIn(page, "lise@servicedesk.example");
  await page.goto(`/arbeid/saker/${parent.id}`);
  const panel = page.getByTestId("related-tickets");
  const childForm = panel.getByTestId("child-form");
  for (const child of children) {
    await childForm.getByLabel("Saksnummer").fill(child.reference);
    await childForm.getByRole("button", { name: "Legg til underordnet sak" }).click();
    await expect(childForm.getByRole("status")).toHaveText("Saken er lagt til som underordnet sak.");
    await expect(panel.getByTestId("children")).toContainText(child.reference);
  }
  await page.screenshot({ path: "e2e/screenshots/related-tickets-parent.png", fullPage: true });

  // One public reply, the solution, on the parent: the composer's reply with the status "solved".
  const solution = `Ruteren i datasenteret er byttet, og alt virker igjen (${run}).`;
  const composer = page.getByTestId("composer");
  await composer.getByLabel("Svar (synlig for kunden)").fill(solution);
  await composer.getByRole("button", { name: "Løst", exact: true }).click();
  await composer.getByRole("button", { name: "Send svar" }).click();
  await expect(page.getByTestId("status")).toHaveText("Løst");

  for (const child of children) {
    await expect.poll(async () => (await prisma.ticket.findUniqueOrThrow({ where: { id: child.id }, select: { status: true } })).status).toBe("SOLVED");
  }

  // Each customer's requester sees the reply on their own ticket page.
  for (const [i, child] of children.entries()) {
    const customer = await (await browser.newContext()).newPage();
    await signIn(customer, customers[i]!.email);
    await customer.goto(`/saker/${child.id}`);
    await expect(customer.getByRole("heading", { name: "Er problemet løst?" })).toBeVisible();
    await expect(customer.getByText(solution)).toBeVisible();
    await customer.context().close();
  }

  // The expected time to solution, from the agent's page to the customer's.
  await page.goto(`/arbeid/saker/${later.id}`);
  const expected = page.getByTestId("related-tickets").getByTestId("expected-form");
  // A chosen instant far ahead (the server refuses a past time): the same words on the page whenever the test runs.
  await expected.getByLabel("Forventet løst").fill("2099-06-14T14:30");
  await expected.getByLabel("Merknad til kunden (valgfri)").fill("Vi venter på levering fra leverandøren.");
  await expected.getByRole("button", { name: "Gi kunden forventet tid" }).click();
  await expect(expected.getByRole("status")).toHaveText("Forventet tid til løsning er gitt kunden.");

  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, customers[1]!.email);
  await customer.goto(`/saker/${later.id}`);
  const shown = customer.getByTestId("expected-resolution");
  await expect(shown).toContainText("Forventet løst");
  await expect(shown).toContainText(/14\. juni/);
  await expect(shown).toContainText("14:30");
  await expect(shown).toContainText("Vi venter på levering fra leverandøren.");
  await customer.screenshot({ path: "e2e/screenshots/related-tickets-expected.png", fullPage: true });
  await customer.context().close();
});

test("an agent merges a duplicate after confirming; both pages answer with the pointer", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const target = await registerTicketAs(customers[2]!.email, `Skriveren skriver ikke (${run})`, "P3");
  const duplicate = await registerTicketAs(customers[2]!.email, `Skriveren virker ikke (${run})`, "P3");

  await signIn(page, "lise@servicedesk.example");
  await page.goto(`/arbeid/saker/${duplicate.id}`);
  const merge = page.getByTestId("related-tickets").getByTestId("merge-form");
  await merge.getByLabel("Slå sammen med (saksnummer)").fill(target.reference);
  await merge.getByRole("button", { name: "Slå sammen" }).click();
  // Nothing happens before the agent confirms in the dialog, which names both tickets.
  const dialog = page.getByRole("dialog", { name: "Slå sammen med en annen sak" });
  await expect(dialog).toContainText(`Slå sammen ${duplicate.reference} med ${target.reference}?`);
  await dialog.getByRole("button", { name: "Avbryt" }).click();
  expect((await prisma.ticket.findUniqueOrThrow({ where: { id: duplicate.id }, select: { status: true } })).status).toBe("NEW");
  await merge.getByRole("button", { name: "Slå sammen" }).click();
  await dialog.getByRole("button", { name: "Ja, slå sammen" }).click();
  await expect(page.getByTestId("related-tickets").getByTestId("merged-into")).toContainText(`Slått sammen med ${target.reference}`);
  expect(await prisma.ticket.findUniqueOrThrow({ where: { id: duplicate.id }, select: { status: true, mergedIntoId: true } })).toEqual({ status: "CLOSED", mergedIntoId: target.id });

  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, customers[2]!.email);
  await customer.goto(`/saker/${duplicate.id}`);
  await expect(customer.getByTestId("merged-into")).toContainText(`Denne saken er slått sammen med ${target.reference}.`);
  await customer.getByTestId("merged-into").getByRole("link").click();
  await expect(customer).toHaveURL(new RegExp(`/saker/${target.id}$`));
  await customer.context().close();
});
