import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";
import { actorByEmail } from "../tests/support/fixtures";
import { createCalendar, createUser, setCalendarDate } from "../lib/server/admin";
import { isValidOrgNumber } from "../lib/forms/org-number";
import { verifyWebhookSignature } from "../lib/server/notifications/webhook";
import { DEFAULT_TIME_ZONE } from "../lib/config/time-zone";

/** The instant the state these tests prepare through use cases is made at (nothing asserted depends on the hour). */
const PREPARED_AT = new Date("2026-11-02T09:00:00Z");

/**
 * The provider admin's day-to-day operations in the browser (issue 15): an organisation created
 * (a validation error first), a calendar edited and a closed date removed after confirming, a user
 * edited, a webhook added and tested against a local receiver that checks the signature.
 */
const run = randomUUID().slice(0, 8);
const prisma = createPrisma(undefined, 2);
test.afterAll(() => prisma.$disconnect());

/** A valid organisation number unique to this run. */
function orgNumberForRun(): string {
  for (let n = parseInt(run.slice(0, 6), 16) % 19_999_999; ; n++) {
    const first = String(80_000_000 + n);
    for (let d = 0; d <= 9; d++) if (isValidOrgNumber(`${first}${d}`)) return `${first}${d}`;
  }
}

test("a provider admin creates an organisation after a validation error, and lands on its page", async ({ page }) => {
  const name = `Fjellheim Bygg ${run} AS`;
  const orgNumber = orgNumberForRun();
  await signIn(page, "admin@servicedesk.example");
  await page.goto("/admin/organizations");
  await page.getByRole("link", { name: "Ny organisasjon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny kundeorganisasjon" })).toBeVisible();

  // What a day-one test fills: name, org. number, e-mail domain, the agreement by its name; and a few more.
  await page.getByLabel("Navn", { exact: true }).fill(name);
  await page.getByLabel("Organisasjonsnummer").fill("923 609 017"); // wrong check digit
  await page.getByLabel("E-postdomener").fill(`fjellheim-${run}.example`);
  await page.getByLabel("Avtale", { exact: true }).selectOption({ label: "Nettsoft MS365 Bedrift" });
  await page.locator("#org-fee").fill("15 000");
  await page.locator("#org-oncall").selectOption("ALWAYS");
  await page.locator("#org-contact-limit").fill("3");
  await page.getByRole("button", { name: "Opprett organisasjon" }).click();
  await expect(page.getByText("Ikke et gyldig organisasjonsnummer")).toBeVisible();
  await expect(page.locator("#org-number")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#org-name")).toHaveValue(name); // nothing typed is lost
  expect(await prisma.organization.count({ where: { name } })).toBe(0);

  await page.getByLabel("Organisasjonsnummer").fill(orgNumber);
  await page.getByRole("button", { name: "Opprett organisasjon" }).click();
  await expect(page).toHaveURL(/\/admin\/organizations\/[0-9a-f-]{36}\?done=created$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Organisasjonen er opprettet.");
  await expect(page.locator("#org-agreement")).toHaveValue((await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "nettsoft-ms365-bedrift" } })).id);
  await expect(page.locator("#org-oncall")).toHaveValue("ALWAYS");
  await expect(page.getByTestId("contact-count")).toHaveText("0 av 3 kontaktpersoner");
  const org = await prisma.organization.findFirstOrThrow({
    where: { name },
    select: { id: true, orgNumber: true, monthlyFeeOre: true, onCallOption: true, ticketPrefix: true, emailDomains: { select: { domain: true } } },
  });
  expect(org).toEqual({
    id: org.id,
    orgNumber,
    monthlyFeeOre: 15_000_00,
    onCallOption: "ALWAYS",
    ticketPrefix: expect.stringMatching(/^FB[A-Z]{0,2}$/),
    emailDomains: [{ domain: `fjellheim-${run}.example` }],
  });
  await page.screenshot({ path: "e2e/screenshots/admin-organization.png", fullPage: true });

  // Edit: the window and the fee; then deactivate after confirming, and activate again.
  await page.locator("#org-confirmation").fill("72");
  await page.getByRole("button", { name: "Lagre endringer" }).click();
  await expect(page.getByRole("status")).toHaveText("Endringene er lagret.");
  await expect(page.locator("#org-confirmation")).toHaveValue("72");
  await page.getByRole("button", { name: "Deaktiver organisasjonen" }).click();
  const dialog = page.getByRole("dialog", { name: `Deaktivere ${name}?` });
  await dialog.getByRole("button", { name: "Deaktiver", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Organisasjonen er deaktivert. Brukerne kan ikke logge inn.");
  await expect(page.getByTestId("org-status")).toHaveText("Deaktivert");
  await page.getByRole("button", { name: "Aktiver igjen" }).click();
  await expect(page.getByTestId("org-status")).toHaveText("Aktiv");
  expect((await prisma.auditLog.findMany({ where: { targetId: org.id }, orderBy: { id: "asc" }, select: { action: true } })).map((r) => r.action)).toEqual([
    "organization.create",
    "organization.update",
    "organization.deactivate",
    "organization.reactivate",
  ]);
});

test("a provider admin edits a calendar and removes a closed date after confirming", async ({ page }) => {
  const admin = await actorByEmail(prisma, "admin@servicedesk.example");
  const ctx = { prisma, now: () => PREPARED_AT };
  const calendar = await createCalendar({
    actor: admin,
    input: { key: `drift-${run}`, name: `Drift ${run}`, timeZone: DEFAULT_TIME_ZONE, weekly: { mon: "08:00–16:00", tue: "08:00–16:00" }, norwegianHolidays: true },
    ctx,
  });
  await setCalendarDate({ actor: admin, input: { calendarId: calendar.id, date: "2030-12-27", hours: "", note: "Romjul" }, ctx });

  await signIn(page, "admin@servicedesk.example");
  await page.goto(`/admin/calendars/${calendar.id}`);
  await page.locator("#edit-calendar-name").fill(`Drift og vakt ${run}`);
  await page.locator("#edit-weekly-wed").fill("08:00–12:00");
  await page.getByRole("button", { name: "Lagre kalenderen" }).click();
  await expect(page.getByRole("status")).toHaveText("Kalenderen er lagret. Åpne saker regnes om.");
  await expect(page.getByRole("heading", { level: 1, name: `Drift og vakt ${run}` })).toBeVisible();

  // Cancelling keeps the date; confirming removes it.
  await expect(page.getByTestId("date-2030-12-27")).toContainText("Romjul");
  await page.getByRole("button", { name: "Fjern 2030-12-27" }).click();
  const dialog = page.getByRole("dialog", { name: "Fjerne 2030-12-27?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Avbryt" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("date-2030-12-27")).toBeVisible();
  await page.getByRole("button", { name: "Fjern 2030-12-27" }).click();
  await dialog.getByRole("button", { name: "Fjern datoen" }).click();
  await expect(page.getByRole("status")).toHaveText("Datoen er fjernet. Åpne saker regnes om.");
  await expect(page.getByTestId("date-2030-12-27")).toHaveCount(0);
  expect(await prisma.calendarDate.count({ where: { calendarId: calendar.id } })).toBe(0);
  expect(await prisma.auditLog.count({ where: { targetId: calendar.id, action: { in: ["calendar.update", "calendar.date_remove"] } } })).toBe(2);
});

test("a provider admin edits a user's name and phone", async ({ page }) => {
  const admin = await actorByEmail(prisma, "admin@servicedesk.example");
  const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } });
  const email = `endres-${run}@nordlys.example`;
  const { id } = await createUser({ actor: admin, input: { organizationId: nordlys.id, name: "Gammelt Navn", email, role: "END_USER" }, ctx: { prisma, now: () => PREPARED_AT } });

  await signIn(page, "admin@servicedesk.example");
  await page.goto(`/admin/users?org=${nordlys.id}`);
  await page.getByRole("link", { name: "Endre Gammelt Navn" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gammelt Navn" })).toBeVisible();
  await page.locator("#edit-user-phone").fill("ring meg");
  await page.getByRole("button", { name: "Lagre brukeren" }).click();
  await expect(page.getByText("Skriv et telefonnummer")).toBeVisible();
  await page.locator("#edit-user-name").fill("Nytt Navn");
  await page.locator("#edit-user-phone").fill("+47 912 34 567");
  await page.locator("#edit-user-role").selectOption("CUSTOMER_ADMIN");
  await page.getByRole("button", { name: "Lagre brukeren" }).click();
  await expect(page.getByRole("status")).toHaveText("Brukeren er lagret.");
  await expect(page.getByRole("heading", { level: 1, name: "Nytt Navn" })).toBeVisible();
  expect(await prisma.user.findUniqueOrThrow({ where: { id }, select: { name: true, phone: true, role: true } })).toEqual({ name: "Nytt Navn", phone: "+4791234567", role: "CUSTOMER_ADMIN" });
});

test("a provider admin adds a webhook and sends a test to a local receiver", async ({ page }) => {
  const received: Array<{ signature: string; body: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ signature: String(req.headers["x-helpdesk-signature"] ?? ""), body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/teams`;
    await signIn(page, "admin@servicedesk.example");
    await page.goto("/admin");
    await page.getByRole("link", { name: /^Webhooks/ }).click();
    await page.locator("#webhook-name").fill(`Teams ${run}`);
    await page.locator("#webhook-url").fill(url);
    await page.locator("#webhook-owner").selectOption({ label: "Nordlys Eiendom AS" });
    await page.getByRole("checkbox", { name: "sla-breach" }).check();
    await page.getByRole("button", { name: "Legg til", exact: true }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("link", { name: "Åpne webhooken" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Teams ${run}` })).toBeVisible();

    await page.getByRole("button", { name: "Send en test" }).click();
    await expect(page.getByTestId("webhook-test-result")).toContainText("Testen kom fram");
    expect(received).toHaveLength(1);
    expect(verifyWebhookSignature({ secret, body: received[0]!.body, header: received[0]!.signature })).toBe(true);

    // The receiver goes away: the test says so, by the endpoint's name.
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await closed;
    await page.getByRole("button", { name: "Send en test" }).click();
    await expect(page.getByTestId("webhook-test-result")).toContainText(`Testen kom ikke fram: webhook "Teams ${run}"`);
  } finally {
    if (server.listening) server.close();
  }
});
