import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs } from "./support/tickets";
import { createPrisma } from "../lib/server/db/prisma";
import { hashPassword } from "../lib/server/auth/password-hash";
import { DEMO_PASSWORD } from "../lib/server/db/demo-data";
import { instantOfWallClock, localDateTime, wallClockOf } from "../lib/config/time-zone";

/**
 * Issue 18 in the browser: an agent opens an incident from a customer's P1, the customer's admin
 * sees the banner and the status page with the downtime running, the agent closes it at a chosen
 * end, and the month's uptime on the status page moves to exactly that downtime. The customer is
 * this spec's own (on the Pureservice agreement: uptime all the time, no maintenance windows), so no
 * other spec's demo users see its banner. The instants are the web server's now: the outage is laid
 * 40 minutes back and closed after 30; the downtime expected is the part of that inside the current
 * month (all of it, except in a month's first 40 minutes), so the figures hold at any hour.
 */
const prisma = createPrisma(undefined, 2);
const run = randomUUID().slice(0, 8);
const ORGANIZATION = `Hendelse e2e ${run} AS`;
const SERVICE = `Lønnssystemet ${run}`;
const adminEmail = `admin-${run}@hendelse-e2e.example`;
const requesterEmail = `bruker-${run}@hendelse-e2e.example`;

test.beforeAll(async () => {
  const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
  const org = await prisma.organization.create({ data: { name: ORGANIZATION, slug: `hendelse-${run}`, ticketPrefix: "HE", agreementId: agreement.id }, select: { id: true } });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.user.create({ data: { organizationId: org.id, email: adminEmail, name: "Hilde Hendelse", role: "CUSTOMER_ADMIN", passwordHash, locale: "nb" } });
  await prisma.user.create({ data: { organizationId: org.id, email: requesterEmail, name: "Bjørn Bruker", role: "END_USER", passwordHash, locale: "nb" } });
});
test.afterAll(async () => {
  await prisma.$disconnect();
});

const MINUTE = 60_000;
const localInput = (at: Date) => localDateTime(at).replace(" ", "T");
/** Whole minutes of [from, to] inside the month `at` falls in (the status page counts this month only). */
function minutesThisMonth(from: number, to: number, at: number): number {
  const { year, month } = wallClockOf(new Date(at));
  const monthStart = instantOfWallClock(year, month, 1).getTime();
  return Math.max(0, Math.round((to - Math.max(from, monthStart)) / MINUTE));
}
const downtimeOf = (text: string) => Number(/Nedetid som teller: (\d+) min/.exec(text)?.[1] ?? NaN);
const percentOf = (text: string) => Number(/([\d\s]+,\d+)\s*%/.exec(text)![1]!.replace(/\s/g, "").replace(",", "."));

test("an agent opens an incident from a P1, the customer admin sees the banner and the status page, the agent closes it and the uptime moves", async ({ page, browser }) => {
  test.setTimeout(120_000); // two sign-ins (one with its second step) and some ten pages
  const ticket = await registerTicketAs(requesterEmail, `Lønnskjøringen feiler (${run})`, "P1");
  const start = new Date(Math.floor((Date.now() - 40 * MINUTE) / MINUTE) * MINUTE);

  // The agent: the P1's button leads to the incidents page with the ticket and its customer chosen.
  await signIn(page, "lise@servicedesk.example");
  await page.goto(`/arbeid/saker/${ticket.id}`);
  await page.getByTestId("open-incident-from-ticket").click();
  await expect(page).toHaveURL(/\/arbeid\/hendelser\?sak=/);
  await expect(page.getByTestId("from-ticket")).toContainText(ticket.reference);
  await expect(page.getByRole("checkbox", { name: ORGANIZATION })).toBeChecked();
  await page.getByLabel("Tjeneste").fill(SERVICE);
  await page.locator("#incident-started").fill(localInput(start));
  await page.getByLabel("Årsak").fill("Databasen til lønnssystemet svarer ikke");
  await page.getByLabel("Melding til kundene").fill("Vi feilsøker og gir beskjed innen en time.");
  await page.getByRole("button", { name: "Åpne hendelse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Hendelsen er åpnet" })).toBeVisible();
  const card = page.getByTestId("open-incident").filter({ hasText: SERVICE });
  await expect(card).toContainText(ORGANIZATION);
  await expect(card).toContainText(ticket.reference);
  await page.screenshot({ path: "e2e/screenshots/incidents.png", fullPage: true });

  // The customer's admin: the banner on every page, the status page with the running downtime.
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, adminEmail);
  const checkedFrom = Date.now();
  await customer.goto("/saker");
  await expect(customer.getByTestId("incident-banner")).toContainText(`${SERVICE} har vært utilgjengelig siden`);
  await customer.getByRole("link", { name: "Se driftsstatus" }).click();
  await expect(customer.getByRole("heading", { name: "Driftsstatus", level: 1 })).toBeVisible();
  await expect(customer.getByTestId("status-incident")).toContainText(SERVICE);
  await expect(customer.getByTestId("status-incident")).toContainText("Vi feilsøker og gir beskjed innen en time.");
  const running = downtimeOf((await customer.getByTestId("status-downtime").textContent()) ?? "");
  expect(running).toBeGreaterThanOrEqual(minutesThisMonth(start.getTime(), checkedFrom, checkedFrom) - 1);
  expect(running).toBeLessThanOrEqual(minutesThisMonth(start.getTime(), Date.now(), Date.now()) + 1);
  const during = percentOf((await customer.getByTestId("status-uptime-percent").textContent()) ?? "");
  if (running > 0) expect(during).toBeLessThan(100);
  await customer.screenshot({ path: "e2e/screenshots/status-during-incident.png", fullPage: true });

  // The agent closes it: it lasted 30 minutes.
  await card.getByLabel("Slutt (tomt: nå)").fill(localInput(new Date(start.getTime() + 30 * MINUTE)));
  await card.getByLabel("Melding til kundene").fill("Databasen er startet på nytt, alt virker.");
  await card.getByRole("button", { name: "Lukk hendelsen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Hendelsen er lukket" })).toBeVisible();
  await expect(page.getByTestId("open-incident").filter({ hasText: SERVICE })).toHaveCount(0);
  await expect(page.getByTestId("closed-incident").filter({ hasText: SERVICE })).toBeVisible();

  // The customer: no banner; 30 minutes of downtime this month, so the uptime went up.
  await customer.reload();
  await expect(customer.getByTestId("incident-banner")).toHaveCount(0);
  await expect(customer.getByTestId("status-no-incidents")).toBeVisible();
  const end = start.getTime() + 30 * MINUTE;
  const counted = minutesThisMonth(start.getTime(), end, Date.now());
  await expect(customer.getByTestId("status-downtime")).toHaveText(`Nedetid som teller: ${counted} min`);
  await expect(customer.getByTestId("status-resolved").filter({ hasText: SERVICE })).toBeVisible();
  const after = percentOf((await customer.getByTestId("status-uptime-percent").textContent()) ?? "");
  if (counted < running) expect(after).toBeGreaterThan(during);
  if (counted > 0) expect(after).toBeLessThan(100);
  else expect(after).toBe(100);

  // Both notices reached the admin's outbox (delivery itself is the integration test's).
  const notices = await prisma.notification.findMany({ where: { template: "incident-notice", recipient: { email: adminEmail } }, orderBy: { createdAt: "asc" }, select: { payload: true } });
  expect(notices.map((n) => (n.payload as { kind: string }).kind)).toEqual(["opened", "closed"]);
});
