import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { currentCode, signIn, signInFirstStep, TWO_FACTOR_PATH, untakenCode } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";
import { hashPassword } from "../lib/server/auth/password-hash";

/**
 * Two-factor sign-in in the browser (issue 15), through the real pages: a customer turns it on
 * from the profile (key, a code from the "app", recovery codes shown once), signs out, signs in
 * with a code; a wrong code is refused; a recovery code works once. A staff member who has not
 * enrolled is sent to enrolment at the first sign-in and reaches nothing before it is done.
 */
const PASSWORD = "Nordlys over Tromsøbrua";
const prisma = createPrisma(undefined, 2);

test.afterAll(async () => {
  await prisma.$disconnect();
});

async function createUser(role: "END_USER" | "AGENT"): Promise<string> {
  const staff = role === "AGENT";
  const email = `totrinn-${randomUUID().slice(0, 8)}@${staff ? "servicedesk" : "nordlys"}.example`;
  const organization = await prisma.organization.findUniqueOrThrow({ where: { slug: staff ? "servicedesk" : "nordlys" }, select: { id: true } });
  await prisma.user.create({ data: { email, name: "Tove Totrinn", role, supportLine: staff ? "L1" : null, organizationId: organization.id, passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

const secretOn = async (page: Page) => (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");

/** A code that is not the current one (nor the ones either side). */
async function wrongCode(secret: string): Promise<string> {
  const near = new Set([await currentCode(secret)]);
  for (const candidate of ["000000", "111111", "222222", "333333"]) if (!near.has(candidate)) return candidate;
  return "444444";
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

async function giveCode(page: Page, code: string) {
  await page.getByLabel("Kode", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Bekreft", exact: true }).click();
}

test("a customer turns on two-factor sign-in, signs in with a code, a wrong code is refused, and a recovery code works once", async ({ page }) => {
  test.setTimeout(90_000); // five sign-ins (each hashes the password) and the enrolment: past 30 s on a busy machine
  const email = await createUser("END_USER");
  await signIn(page, email, PASSWORD);
  await page.goto("/profile");
  await page.getByRole("link", { name: "Totrinnsinnlogging" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Totrinnsinnlogging" })).toBeVisible();
  const secret = await secretOn(page);
  expect(await page.getByTestId("totp-uri").innerText()).toContain(`secret=${secret}`);
  // A wrong code does not turn it on.
  await page.getByLabel("Kode fra appen").fill(await wrongCode(secret));
  await page.getByRole("button", { name: "Slå på" }).click();
  await expect(page.getByText("Koden stemmer ikke")).toBeVisible();
  await page.getByLabel("Kode fra appen").fill(await currentCode(secret));
  await page.getByRole("button", { name: "Slå på" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const codes = await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
  expect(codes).toHaveLength(10);
  await page.getByRole("link", { name: "Fortsett" }).click();
  await expect(page.getByText("Totrinnsinnlogging er slått på.")).toBeVisible();
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("Ubrukte gjenopprettingskoder: 10.");

  // Signed out and in again: the password alone opens nothing.
  await signOut(page);
  await signInFirstStep(page, email, PASSWORD);
  await expect(page).toHaveURL(new RegExp(TWO_FACTOR_PATH));
  await page.goto("/saker");
  await expect(page).toHaveURL(new RegExp(TWO_FACTOR_PATH));
  expect((await (await page.request.get("/api/auth/session")).json()).secondFactor).toBe("verify");
  await giveCode(page, await wrongCode(secret));
  await expect(page.getByText("Koden stemmer ikke")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(TWO_FACTOR_PATH));
  // The enrolment took this step's code: the app's next one.
  await giveCode(page, await untakenCode(email, secret));
  await expect(page).toHaveURL(/\/saker/);

  // A recovery code instead of the app: once.
  await signOut(page);
  await signInFirstStep(page, email, PASSWORD);
  await giveCode(page, codes[0]!);
  await expect(page).toHaveURL(/\/saker/);
  await signOut(page);
  await signInFirstStep(page, email, PASSWORD);
  await giveCode(page, codes[0]!);
  await expect(page.getByText("Koden stemmer ikke")).toBeVisible();
  await giveCode(page, codes[1]!);
  await expect(page).toHaveURL(/\/saker/);
  await page.goto("/profile/two-factor");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("Ubrukte gjenopprettingskoder: 8.");

  // Optional for a customer: turned off again with a code.
  // A code confirms a change once too: the app's next code after the one the last sign-in took.
  await page.locator("#disable-code").fill(await untakenCode(email, secret));
  await page.getByRole("button", { name: "Slå av" }).click();
  await expect(page.getByText("Totrinnsinnlogging er slått av.")).toBeVisible();
});

test("a staff member without two-factor sign-in must enrol at the first sign-in before reaching anything", async ({ page }) => {
  const email = await createUser("AGENT");
  await signInFirstStep(page, email, PASSWORD);
  await expect(page).toHaveURL(new RegExp(TWO_FACTOR_PATH));
  await expect(page.getByRole("heading", { level: 1, name: "Slå på totrinnsinnlogging" })).toBeVisible();
  // The work queue is not open yet.
  await page.goto("/arbeid");
  await expect(page).toHaveURL(new RegExp(TWO_FACTOR_PATH));
  const secret = await secretOn(page);
  await page.getByLabel("Kode fra appen").fill(await currentCode(secret));
  await page.getByRole("button", { name: "Slå på" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "Fortsett" }).click();
  await expect(page).toHaveURL(/\/arbeid/);

  // Next time: the code from the app.
  await signOut(page);
  await signIn(page, email, PASSWORD, secret);
  await expect(page).toHaveURL(/\/arbeid/);
});

test("a customer admin requires two-factor sign-in for the organisation: from the next sign-in, enrolment first", async ({ page }) => {
  const org = await prisma.organization.create({ data: { name: `Totrinn ${randomUUID().slice(0, 6)} AS`, slug: `totrinn-${randomUUID().slice(0, 8)}`, ticketPrefix: "TT" } });
  const email = `sjef-${randomUUID().slice(0, 8)}@totrinn.example`;
  await prisma.user.create({ data: { email, name: "Siri Sjef", role: "CUSTOMER_ADMIN", organizationId: org.id, passwordHash: await hashPassword(PASSWORD) } });
  await signIn(page, email, PASSWORD);
  await page.goto("/organisasjon/brukere");
  await page.getByLabel("Krev totrinnsinnlogging for alle brukere").check();
  await page.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(page.getByText("Innstillingen for totrinnsinnlogging er lagret.")).toBeVisible();
  await expect(page.getByLabel("Krev totrinnsinnlogging for alle brukere")).toBeChecked();
  expect(await prisma.auditLog.count({ where: { targetId: org.id, action: "organization.update" } })).toBe(1);

  await signOut(page);
  await signInFirstStep(page, email, PASSWORD);
  await expect(page).toHaveURL(new RegExp(TWO_FACTOR_PATH));
  await expect(page.getByRole("heading", { level: 1, name: "Slå på totrinnsinnlogging" })).toBeVisible();
});
