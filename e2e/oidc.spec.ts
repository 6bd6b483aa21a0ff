import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";

/**
 * An organisation's own OIDC identity provider in the browser (issue 15): the provider admin sets
 * up a Microsoft Entra ID configuration (a refused form first; the secret never shown back), the
 * sign-in page then offers its button and next-auth knows the provider; turned off after
 * confirming, the button is gone. There is no identity provider here, so the round-trip to one is
 * not driven (the sign-in decision is tested in tests/integration/oidc.test.ts).
 */
const run = randomUUID().slice(0, 8);
const prisma = createPrisma(undefined, 2);
test.afterAll(() => prisma.$disconnect());

const TENANT = "6a1d1c3e-2f4b-4a8c-9d7e-0b1c2d3e4f50";
const SECRET = `klient-hemmelighet-${run}`;

test("a provider admin sets up an organisation's Entra ID sign-in, its button appears on /signin, and goes after turning it off", async ({ page, browser }) => {
  const org = await prisma.organization.create({ data: { name: `Skybert ${run} AS`, slug: `skybert-${run}`, ticketPrefix: "SK" } });
  const label = `Skybert Entra ID ${run}`;
  await signIn(page, "admin@servicedesk.example");
  await page.goto(`/admin/organizations/${org.id}`);
  await page.getByTestId("org-oidc-link").click();
  await expect(page).toHaveURL(new RegExp(`/admin/organizations/${org.id}/oidc$`));
  await expect(page.getByRole("heading", { level: 1, name: "Innlogging med egen identitetsleverandør (OIDC)" })).toBeVisible();
  await expect(page.getByTestId("oidc-callback-url")).toContainText(`/api/auth/callback/oidc-org-${org.id}`);

  await page.getByLabel("Navn på knappen").fill(label);
  await page.getByLabel("Klient-ID").fill("helpdesk-skybert");
  await page.getByLabel("Issuer-URL").fill(`https://login.microsoftonline.com/${TENANT}/v2.0`);
  await page.getByLabel("Klienthemmelighet").fill(SECRET);
  await page.getByLabel("Microsoft Entra ID (arbeidskontoer)").check();
  await page.getByLabel("Verifiserte domener i leietakeren").fill(`skybert-${run}.no`);
  // No tenant id: refused, nothing stored, nothing typed lost but the secret.
  await page.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(page.getByText("Oppgi leietaker-ID-en, en GUID.")).toBeVisible();
  await expect(page.getByLabel("Navn på knappen")).toHaveValue(label);
  await expect(page.getByLabel("Klienthemmelighet")).toHaveValue("");
  expect(await prisma.organizationOidc.count({ where: { organizationId: org.id } })).toBe(0);

  await page.getByLabel("Klienthemmelighet").fill(SECRET);
  await page.getByLabel("Leietaker-ID (tenant ID)").fill(TENANT);
  await page.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(page).toHaveURL(/\?done=created$/);
  await expect(page.getByRole("status")).toHaveText("Identitetsleverandøren er satt opp og vises på innloggingssiden.");
  await expect(page.getByTestId("oidc-status")).toHaveText("På");
  // The secret is write-only: the field is empty, says one is stored, and the page never holds it.
  await expect(page.getByLabel("Ny klienthemmelighet")).toHaveValue("");
  expect(await page.content()).not.toContain(SECRET);
  const row = await prisma.organizationOidc.findUniqueOrThrow({ where: { organizationId: org.id } });
  expect(row).toMatchObject({ entraId: true, entraTenantId: TENANT, verifiedDomains: [`skybert-${run}.no`], enabled: true });
  expect(row.clientSecretEncrypted).not.toContain(SECRET);
  expect(await prisma.auditLog.count({ where: { organizationId: org.id, action: "organization.oidc.create" } })).toBe(1);

  // Someone not signed in sees the button, and next-auth (options built per request) knows the provider.
  const visitor = await browser.newContext();
  const signInPage = await visitor.newPage();
  await signInPage.goto("/signin");
  await expect(signInPage.getByRole("button", { name: `Logg inn med ${label}` })).toBeVisible();
  const providers = (await (await signInPage.request.get("/api/auth/providers")).json()) as Record<string, { id: string; name: string }>;
  expect(providers[`oidc-org-${org.id}`]).toMatchObject({ id: `oidc-org-${org.id}`, name: label });

  // Turned off after confirming: the button is gone; the settings are kept.
  await page.getByRole("button", { name: "Slå av innlogging" }).click();
  const dialog = page.getByRole("dialog", { name: `Slå av innlogging med ${label}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Slå av", exact: true }).click();
  await expect(page).toHaveURL(/\?done=disabled$/);
  await expect(page.getByTestId("oidc-status")).toHaveText("Av");
  await signInPage.goto("/signin");
  await expect(signInPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(signInPage.getByRole("button", { name: `Logg inn med ${label}` })).toHaveCount(0);
  await visitor.close();
});
