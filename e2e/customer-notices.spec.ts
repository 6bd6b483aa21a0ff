import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { registerTicketAs, resolveTicketAs } from "./support/tickets";
import { createPrisma } from "../lib/server/db/prisma";
import { solutionLinkToken } from "../lib/server/notifications/solution-link-token";

/**
 * Telling the customer (issue 17) in the browser: the one-click answer page of a solved ticket's
 * e-mail works without signing in (showing it changes nothing; its one button accepts or reopens
 * with a reason), in Norwegian and English; and the notice settings on /profile.
 */
const prisma = createPrisma(undefined, 2);
test.afterAll(async () => {
  await prisma.$disconnect();
});

/** A requester of this spec's own: the demo users' ticket lists, which other specs read, stay as they were. */
async function ownRequester(): Promise<string> {
  const email = `svar-${randomUUID().slice(0, 8)}@nordlys.example`;
  const nordlys = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } });
  await prisma.user.create({ data: { email, name: "Svein Svar", role: "END_USER", organizationId: nordlys.id } });
  return email;
}

async function solvedLink(title: string) {
  const ticket = await registerTicketAs(await ownRequester(), title);
  await resolveTicketAs("lise@servicedesk.example", ticket.id, "Byttet tonerkassetten.");
  const notice = await prisma.notification.findFirstOrThrow({ where: { ticketId: ticket.id, template: "ticket-solved" }, select: { id: true } });
  return { ticket, path: `/sak-svar/${encodeURIComponent(solutionLinkToken(notice.id))}` };
}
const statusOf = async (id: string) => (await prisma.ticket.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

test("the solved e-mail's reopen link: the page changes nothing, its button reopens with the reason, and the link is spent", async ({ page }) => {
  const { ticket, path } = await solvedLink("Skriveren er treg (e2e svar)");
  await page.goto(`${path}?svar=gjenapne`);
  await expect(page.getByRole("heading", { name: "Svar på løsningen" })).toBeVisible();
  await expect(page.getByText(`Sak ${ticket.reference}: Skriveren er treg (e2e svar)`)).toBeVisible();
  expect(await statusOf(ticket.id)).toBe("SOLVED");
  await page.getByLabel("Hva virker fortsatt ikke?").fill("Den er fortsatt treg om morgenen");
  await page.getByRole("button", { name: "Gjenåpne saken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saken er gjenåpnet" })).toBeVisible();
  expect(await statusOf(ticket.id)).toBe("OPEN");
  await page.goto(`${path}?svar=gjenapne`);
  await expect(page.getByText("Lenken virker ikke lenger")).toBeVisible();
});

test("the accept link in English: one button closes the ticket", async ({ page }) => {
  const { ticket, path } = await solvedLink("Printer slow (e2e answer)");
  await page.goto(`${path}?svar=godta&lang=en`);
  await expect(page.getByRole("heading", { name: "Answer the solution" })).toBeVisible();
  await expect(page.getByText(`Ticket ${ticket.reference}: Printer slow (e2e answer)`)).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(1);
  await page.getByRole("button", { name: "Accept the solution" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The solution is accepted" })).toBeVisible();
  expect(await statusOf(ticket.id)).toBe("CLOSED");
  await page.screenshot({ path: "e2e/screenshots/solution-answer.png", fullPage: true });
});

test("a forged link shows that it does not work", async ({ page }) => {
  await page.goto("/sak-svar/00000000-0000-7000-8000-000000000000.forged?svar=godta");
  await expect(page.getByText("Lenken virker ikke lenger")).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);
});

test("a customer turns an optional notice off on /profile; the duty notices stay on", async ({ page }) => {
  const email = "per@nordlys.example";
  await prisma.user.update({ where: { email }, data: { mutedNotices: [] } });
  await signIn(page, email);
  await page.goto("/profile");
  const settings = page.getByTestId("notice-settings");
  await expect(settings.getByTestId("notice-ticket-solved")).toBeDisabled();
  await expect(settings.getByTestId("notice-ticket-solved")).toBeChecked();
  await expect(settings.getByTestId("notice-ticket-receipt")).toBeDisabled();
  await settings.getByLabel("Servicedesken har svart").uncheck();
  await settings.getByRole("button", { name: "Lagre varslene" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Varslene er lagret." })).toBeVisible();
  await expect(page.getByTestId("notice-ticket-reply")).not.toBeChecked();
  await expect(page.getByTestId("notice-ticket-closed")).toBeChecked();
  expect((await prisma.user.findUniqueOrThrow({ where: { email }, select: { mutedNotices: true } })).mutedNotices).toEqual(["ticket-reply"]);
  await page.screenshot({ path: "e2e/screenshots/profile-notices.png", fullPage: true });
  await prisma.user.update({ where: { email }, data: { mutedNotices: [] } });
});
