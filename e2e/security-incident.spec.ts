import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs } from "./support/tickets";
import { createPrisma } from "../lib/server/db/prisma";

/**
 * Security incidents (issue 18) on the agent's ticket page: a P1 whose text suggests a
 * personal-data breach offers the flag; flagging shows the deadline for notifying the customer
 * (003/004 §8.9); recording "customer notified" stops it. The ticket's requester is this spec's own.
 * The flag and the notice happen at the wall clock's instant, one after the other, so every
 * assertion holds at any hour.
 */
const prisma = createPrisma(undefined, 2);
test.afterAll(async () => {
  await prisma.$disconnect();
});

async function ownRequester(): Promise<string> {
  const email = `brudd-${randomUUID().slice(0, 8)}@nordlys.example`;
  const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } });
  await prisma.user.create({ data: { email, name: "Birgit Brudd", role: "END_USER", organizationId: nordlys.id } });
  return email;
}

test("the agent is offered the flag for a P1 that mentions a data leak, flags it, sees the notice deadline and records that the customer was notified", async ({ page }) => {
  test.setTimeout(90_000);
  const ticket = await registerTicketAs(await ownRequester(), "Datalekkasje: kundelisten ligger åpent ute", "P1");
  await signIn(page, "lise@servicedesk.example");
  await page.goto(`/arbeid/saker/${ticket.id}`);

  const prompt = page.getByTestId("security-prompt");
  await expect(prompt.getByRole("heading", { name: "Kan dette være et brudd på personopplysningssikkerheten?" })).toBeVisible();
  await expect(prompt).toContainText("«datalekkasje»");

  await page.getByRole("button", { name: "Sikkerhetshendelse", exact: true }).click();
  const flag = page.getByRole("form", { name: "Sikkerhetshendelse" });
  await flag.getByLabel("Hvorfor er dette en sikkerhetshendelse?").fill("Kundelisten med personopplysninger er tilgjengelig for uvedkommende");
  await flag.getByRole("button", { name: "Merk som sikkerhetshendelse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saken er merket som sikkerhetshendelse." })).toBeVisible();
  await expect(page.getByTestId("security-prompt")).toHaveCount(0);

  const clock = page.getByTestId("breach-notice-clock");
  await expect(clock).toHaveAttribute("data-state", "running");
  await expect(clock.getByRole("heading", { name: /Frist for å varsle kunden/ })).toBeVisible();
  await expect(clock).toContainText("Kunden må varsles innen");
  // Netpower's agreement has no notice clause: GDPR art. 33(2) "without undue delay", worked to 12 hours.
  await expect(clock).toContainText("uten ugrunnet opphold – intern frist 12 timer");
  await page.screenshot({ path: "e2e/screenshots/security-incident.png", fullPage: true });

  const notify = page.getByRole("form", { name: "Kunden er varslet" });
  await notify.getByLabel("Varselet til kunden (sendes til kundens systemansvarlige)").fill("Kundelisten var tilgjengelig i 40 minutter. Vi har stengt tilgangen.");
  await notify.getByRole("button", { name: "Registrer at kunden er varslet" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Varselet til kunden er registrert, og fristen er stoppet." })).toBeVisible();
  await expect(clock).toHaveAttribute("data-state", "met");
  await expect(page.getByTestId("breach-notice-status")).toContainText("Kunden ble varslet");
  await expect(page.getByRole("form", { name: "Kunden er varslet" })).toHaveCount(0);

  const stored = await prisma.slaClock.findUniqueOrThrow({ where: { ticketId_metric: { ticketId: ticket.id, metric: "BREACH_NOTICE" } } });
  expect(stored.state).toBe("MET");
  expect(await prisma.notification.count({ where: { ticketId: ticket.id, template: "breach-notice-customer" } })).toBeGreaterThan(0);
});
