import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { currentCode, signIn, signInFirstStep } from "./support/sign-in";
import { choosePassword, linkMailedTo } from "./support/account-mail";
import { createPrisma } from "../lib/server/db/prisma";
import { isValidOrgNumber } from "../lib/forms/org-number";
import { startSmtpSink, type SmtpSink } from "../tests/support/smtp-sink";

/**
 * Day one of a new customer, all of it in the browser (issue 15): the provider admin makes an
 * agreement from the Nettsoft mobile preset and an organisation on it, and invites its customer
 * admin; she sets her password from the mail (a real SMTP sink), turns on two-factor sign-in and
 * invites a colleague, who files a ticket whose clock runs on the new agreement (60 min on office
 * hours, 002 §2). The provider admin then finds every step in the audit log. Nothing of this
 * customer exists before the test: no organisation, agreement, user or calendar row is prepared.
 */
const run = randomUUID().slice(0, 8);
const PASSWORD = "Fjordlys over Lofoten 7";
const prisma = createPrisma(undefined, 2);
let sink: SmtpSink;

test.beforeAll(async () => {
  sink = await startSmtpSink();
});
test.afterAll(async () => {
  await sink.close();
  await prisma.$disconnect();
});

/** A valid, unused organisation number for this run: eight digits from the run and the mod-11 check digit. */
function orgNumberForRun(): string {
  for (let n = Number.parseInt(run.slice(0, 6), 16) % 10_000_000; ; n++) {
    const first = `9${String(n % 10_000_000).padStart(7, "0")}`;
    for (let d = 0; d <= 9; d++) if (isValidOrgNumber(`${first}${d}`)) return `${first}${d}`;
  }
}

async function newPage(browser: import("@playwright/test").Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("day one of a new customer: agreement from a preset, organisation, customer admin with 2FA, a colleague's ticket on the new clock, all in the audit log", async ({ browser }) => {
  test.setTimeout(180_000);
  const agreementName = `Fjordlys mobil ${run}`;
  const orgName = `Fjordlys Energi ${run} AS`;
  const domain = `fjordlys-${run}.example`;
  const adminEmail = `hanne@${domain}`;
  const colleagueEmail = `tor@${domain}`;

  // 1. The provider admin: an agreement from the Nettsoft mobile preset, reviewed, then saved.
  const provider = await newPage(browser);
  await signIn(provider, "admin@servicedesk.example");
  await provider.goto("/admin/agreements");
  await provider.getByRole("link", { name: "Ny avtale" }).click();
  await provider.locator("#agreement-preset").selectOption("nettsoft-mobile");
  await provider.getByTestId("agreement-preset-apply").click();
  await expect(provider.locator("#agreement-targets-P1-minutes")).toHaveValue("60");
  await provider.locator("#agreement-name").fill(agreementName);
  await provider.getByRole("button", { name: "Lagre avtalen" }).click();
  await expect(provider.getByRole("status").filter({ hasText: "Avtalen er lagret." })).toBeVisible();
  await expect(provider.getByRole("heading", { level: 1, name: agreementName })).toBeVisible();

  // 2. The organisation on that agreement.
  await provider.goto("/admin/organizations");
  await provider.getByRole("link", { name: "Ny organisasjon" }).click();
  await provider.getByLabel("Navn", { exact: true }).fill(orgName);
  await provider.getByLabel("Organisasjonsnummer").fill(orgNumberForRun());
  await provider.getByLabel("E-postdomener").fill(domain);
  await provider.getByLabel("Avtale", { exact: true }).selectOption({ label: agreementName });
  await provider.getByRole("button", { name: "Opprett organisasjon" }).click();
  await expect(provider).toHaveURL(/\/admin\/organizations\/[0-9a-f-]{36}\?done=created$/);
  await expect(provider.getByRole("status")).toHaveText("Organisasjonen er opprettet.");
  const orgId = /organizations\/([0-9a-f-]{36})/.exec(provider.url())![1]!;

  // 3. Its customer admin, invited by e-mail.
  await provider.goto("/admin/users");
  await provider.getByLabel("Organisasjon").selectOption({ label: orgName });
  await provider.getByRole("button", { name: "Vis" }).click();
  await provider.locator("#invite-name").fill("Hanne Fjordlys");
  await provider.locator("#invite-email").fill(adminEmail);
  await provider.locator("#invite-role").selectOption("CUSTOMER_ADMIN");
  await provider.getByRole("button", { name: "Send invitasjon" }).click();
  await expect(provider.getByRole("status").filter({ hasText: `Invitasjonen er sendt til ${adminEmail}` })).toBeVisible();

  // 4. She sets her password from the mail, signs in and turns on two-factor sign-in.
  const customerAdmin = await newPage(browser);
  await choosePassword(customerAdmin, await linkMailedTo(prisma, sink, adminEmail), PASSWORD);
  await signInFirstStep(customerAdmin, adminEmail, PASSWORD);
  await customerAdmin.goto("/profile");
  await customerAdmin.getByRole("link", { name: "Totrinnsinnlogging" }).click();
  const secret = (await customerAdmin.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await customerAdmin.getByLabel("Kode fra appen").fill(await currentCode(secret));
  await customerAdmin.getByRole("button", { name: "Slå på" }).click();
  await expect(customerAdmin.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await customerAdmin.getByRole("link", { name: "Fortsett" }).click();
  await expect(customerAdmin.getByText("Totrinnsinnlogging er slått på.")).toBeVisible();

  // 5. She invites a colleague on her organisation's user page.
  await customerAdmin.goto("/organisasjon/brukere");
  await customerAdmin.getByLabel("Navn", { exact: true }).fill("Tor Fjordlys");
  await customerAdmin.getByLabel("E-post", { exact: true }).fill(colleagueEmail);
  await customerAdmin.getByLabel("Rolle").selectOption("END_USER");
  await customerAdmin.getByRole("button", { name: "Send invitasjon" }).click();
  await expect(customerAdmin.getByRole("status").filter({ hasText: `Invitasjonen er sendt til ${colleagueEmail}` })).toBeVisible();

  // 6. The colleague sets a password and files a P2: its clock is the new agreement's 60 minutes.
  const colleague = await newPage(browser);
  await choosePassword(colleague, await linkMailedTo(prisma, sink, colleagueEmail), PASSWORD);
  await signIn(colleague, colleagueEmail, PASSWORD);
  await colleague.getByRole("link", { name: "Ny sak" }).first().click();
  await colleague.getByLabel("Kort beskrivelse").fill("Mobilabonnementet virker ikke");
  await colleague.getByLabel("Hva har skjedd?").fill("Telefonen får ikke kontakt med nettet etter bytte av SIM.");
  await colleague.getByRole("radio", { name: /^P2/ }).check();
  await colleague.getByRole("button", { name: "Send inn saken" }).click();
  await expect(colleague.getByRole("heading", { level: 1, name: "Saken er registrert" })).toBeVisible();
  await expect(colleague.getByText("1 t arbeidstid")).toBeVisible();
  const reference = (await colleague.getByTestId("reference").textContent())!;
  const ticket = await prisma.ticket.findFirstOrThrow({
    where: { reference },
    select: { organizationId: true, agreementVersion: { select: { agreement: { select: { name: true } } } } },
  });
  expect(ticket).toEqual({ organizationId: orgId, agreementVersion: { agreement: { name: agreementName } } });

  // 7. The provider admin finds all of it in the audit log, filtered to the new organisation.
  await provider.goto("/admin/audit");
  await provider.locator("#audit-org").selectOption({ label: orgName });
  await provider.getByRole("button", { name: "Filtrer" }).click();
  await expect(provider).toHaveURL(new RegExp(`org=${orgId}`));
  const log = provider.getByTestId("audit-log");
  const actions = async () => (await log.getByTestId("audit-action").allInnerTexts()).sort();
  await expect.poll(actions).toEqual(
    [
      "organization.create",
      "user.invite", // the customer admin, by the provider admin
      "user.password_set",
      "auth.sign_in",
      "two_factor.enrol",
      "user.invite", // the colleague, by the customer admin
      "user.password_set",
      "auth.sign_in",
    ].sort(),
  );
  await expect(log.getByRole("row").filter({ hasText: "two_factor.enrol" })).toContainText(adminEmail);
  // The colleague's invitation was made by her (the actor column), not by the provider.
  await expect(log.getByRole("row").filter({ hasText: "user.invite" }).filter({ hasText: colleagueEmail })).toContainText(adminEmail);
  // The agreement is the provider's own, not the customer's: it is in the log without an organisation.
  const agreement = await prisma.serviceAgreement.findFirstOrThrow({ where: { name: agreementName }, select: { id: true } });
  await provider.goto("/admin/audit?action=agreement.create");
  await expect(provider.getByTestId("audit-log").getByRole("row").filter({ hasText: agreement.id })).toHaveCount(1);
});
