import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";
import * as mail from "./support/account-mail";
import { startSmtpSink, type SmtpSink } from "../tests/support/smtp-sink";

/**
 * Invitations and password resets in the browser (issue 15): the mail is read from a real SMTP
 * sink, delivered by the same notification pass the workers run; the invitee chooses a password
 * from the link and signs in; a reset works the same way; a customer admin invites a colleague.
 */
const run = randomUUID().slice(0, 8);
const PASSWORD = "Nordlys over Tromsøbrua";
const prisma = createPrisma(undefined, 2);
let sink: SmtpSink;

test.beforeAll(async () => {
  sink = await startSmtpSink();
});
test.afterAll(async () => {
  await sink.close();
  await prisma.$disconnect();
});

const linkMailedTo = (email: string) => mail.linkMailedTo(prisma, sink, email);
const choosePassword = (page: Page, path: string, password = PASSWORD) => mail.choosePassword(page, path, password);

test("a provider admin invites a user, who chooses a password from the mail and signs in; the link works once", async ({ browser }) => {
  const email = `invitert-${run}@nordlys.example`;
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, "admin@servicedesk.example");
  await adminPage.goto("/admin/users");
  await adminPage.getByLabel("Organisasjon").selectOption({ label: "Nordlys Eiendom AS" });
  await adminPage.getByRole("button", { name: "Vis" }).click();
  await adminPage.locator("#invite-name").fill("Ivar Invitert");
  await adminPage.locator("#invite-email").fill(email);
  await adminPage.getByRole("button", { name: "Send invitasjon" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: `Invitasjonen er sendt til ${email}` })).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  const path = await linkMailedTo(email);
  // The policy applies: a breached password is refused.
  await page.goto(path);
  await expect(page.getByText("Velkommen, Ivar Invitert.")).toBeVisible();
  await page.getByLabel("Nytt passord").fill("qwerty123456");
  await page.getByLabel("Gjenta passordet").fill("qwerty123456");
  await page.getByRole("button", { name: "Lagre passord" }).click();
  await expect(page.getByText("kjent fra datalekkasjer")).toBeVisible();
  await choosePassword(page, path);
  await signIn(page, email, PASSWORD);
  expect((await (await page.request.get("/api/auth/session")).json()).user.email).toBe(email);
  // Used: the same link no longer opens the form.
  await page.goto(path);
  await expect(page.getByText("Lenken virker ikke lenger")).toBeVisible();
});

test("a forgotten password: the same answer for any address, and the known one gets a link that sets a new password", async ({ page }) => {
  const email = `glemsk-${run}@nordlys.example`;
  const org = await prisma.organization.findUniqueOrThrow({ where: { slug: "nordlys" }, select: { id: true } });
  await prisma.user.create({ data: { organizationId: org.id, email, name: "Gro Glemsk", role: "END_USER" } });
  const answer = "Hvis adressen hører til en aktiv konto, har vi sendt en lenke dit.";
  for (const address of [`ukjent-${run}@nordlys.example`, email]) {
    await page.goto("/signin");
    await page.getByRole("link", { name: "Glemt passordet?" }).click();
    // A client-side navigation: the sign-in form has its own "E-post", so wait for the new page first.
    await expect(page.getByRole("button", { name: "Send lenke" })).toBeVisible();
    await page.getByLabel("E-post").fill(address);
    await page.getByRole("button", { name: "Send lenke" }).click();
    await expect(page.getByRole("status").filter({ hasText: answer })).toBeVisible();
  }
  const path = await linkMailedTo(email);
  expect(sink.to(`ukjent-${run}@nordlys.example`)).toEqual([]);
  await choosePassword(page, path);
  await signIn(page, email, PASSWORD);
  expect((await (await page.request.get("/api/auth/session")).json()).user.email).toBe(email);
});

test("a customer admin invites a colleague on /organisasjon/brukere, who then signs in", async ({ browser }) => {
  const email = `kollega-${run}@nordlys.example`;
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, "ola@nordlys.example");
  await adminPage.getByRole("link", { name: "Brukere" }).first().click();
  await expect(adminPage).toHaveURL(/\/organisasjon\/brukere$/);
  // Exact: a user renamed by another spec may be "… Navn", and each row's deactivate button names its user.
  await adminPage.getByLabel("Navn", { exact: true }).fill("Kari Kollega");
  await adminPage.getByLabel("E-post", { exact: true }).fill(email);
  await adminPage.getByLabel("Rolle").selectOption("END_USER");
  await adminPage.getByRole("button", { name: "Send invitasjon" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: `Invitasjonen er sendt til ${email}` })).toBeVisible();
  await expect(adminPage.getByRole("row").filter({ hasText: email }).getByText("Invitert")).toBeVisible();

  const page = await (await browser.newContext()).newPage();
  await choosePassword(page, await linkMailedTo(email));
  await signIn(page, email, PASSWORD);
  expect((await (await page.request.get("/api/auth/session")).json()).user.email).toBe(email);
});
