import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs } from "./support/tickets";
import { createPrisma } from "../lib/server/db/prisma";

/**
 * The provider's report page shows the month's on-call call-outs per customer and per ticket, with
 * a CSV (issue 18: vakttelefon is billed separately). A customer of the spec's own on Netpower
 * extended registers a P2 at 02:00 on a Tuesday of a far month (no rota then: the admins and
 * 1st-line leads are paged), so the figures are the spec's alone.
 */
const month = "2032-03";
const run = randomUUID().slice(0, 8);
const ORGANIZATION = `Nattevakt ${run} AS`;
const userEmail = `natt-${run}@nattevakt.example`;

test.beforeAll(async () => {
  const prisma = createPrisma(undefined, 2);
  try {
    const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "netpower-extended" }, select: { id: true } });
    const org = await prisma.organization.create({ data: { name: ORGANIZATION, slug: `nattevakt-${run}`, ticketPrefix: "NV", agreementId: agreement.id, onCallOption: "NONE" }, select: { id: true } });
    await prisma.user.create({ data: { organizationId: org.id, email: userEmail, name: "Nina Natt", role: "END_USER" } });
  } finally {
    await prisma.$disconnect();
  }
});

test.afterAll(async () => {
  const prisma = createPrisma(undefined, 2);
  try {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: `nattevakt-${run}` }, select: { id: true } });
    await prisma.$transaction(async (tx) => {
      // TicketEvent is append-only (a trigger refuses DELETE, also by cascade); a throwaway test database: off in this transaction only.
      await tx.$executeRawUnsafe('ALTER TABLE "TicketEvent" DISABLE TRIGGER "TicketEvent_append_only"');
      await tx.notification.deleteMany({ where: { ticket: { organizationId: org.id } } });
      await tx.ticket.deleteMany({ where: { organizationId: org.id } });
      await tx.user.deleteMany({ where: { organizationId: org.id } });
      await tx.organization.delete({ where: { id: org.id } });
      await tx.$executeRawUnsafe('ALTER TABLE "TicketEvent" ENABLE TRIGGER "TicketEvent_append_only"');
    });
  } finally {
    await prisma.$disconnect();
  }
});

test("a provider admin sees the month's on-call call-outs per customer and per ticket, and downloads them as CSV", async ({ page }) => {
  // Tuesday 2 March 2032, 02:00 Oslo: an extended P2 (1 h, 24/7) pages on-call at registration.
  const ticket = await registerTicketAs(userEmail, "Lageret får ikke skrevet ut fraktbrev", "P2", new Date("2032-03-02T01:00:00Z"));
  await signIn(page, "admin@servicedesk.example");
  await page.goto(`/reports/provider?month=${month}`);
  await expect(page.getByRole("heading", { level: 2, name: "Vakt utenom kontortid" })).toBeVisible();
  const perCustomer = page.getByRole("table", { name: "Utkallinger per kunde" }).getByRole("row").filter({ hasText: ORGANIZATION });
  await expect(perCustomer).toHaveCount(1);
  await expect(perCustomer.getByRole("cell").first()).toHaveText("1"); // the customer is the row header; then call-outs
  const perTicket = page.getByRole("table", { name: "Utkallinger per sak" }).getByRole("row").filter({ hasText: ticket.reference });
  await expect(perTicket).toContainText("Utenfor kontortid");
  await expect(perTicket).toContainText("ingen på vakt");
  await expect(perTicket).toContainText("ikke bekreftet");
  await page.screenshot({ path: "e2e/screenshots/out-of-hours.png", fullPage: true });

  const csv = await page.request.get(`/reports/provider/out-of-hours?month=${month}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain(`vakt-utenom-kontortid-${month}.csv`);
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe("\uFEFFKunde;Sak;Prioritet;Årsak;Varslet;Varslet til;Varsler sendt;Bekreftet;Bekreftet av;Minutter til bekreftelse");
  expect(text).toContain(`${ORGANIZATION};${ticket.reference};P2;Utenfor kontortid;2032-03-02 02:00;`);
});
