import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";

/**
 * API tokens and the audit log in the browser (issue 15): a customer admin creates a read-only
 * token, uses it against the REST API over HTTP (a read works, a write is refused 403), revokes it
 * after confirming (the API refuses it at once), and finds both in their organisation's log; the
 * provider admin filters /admin/audit down to the same rows. The provider admin's own token page
 * makes a read-only token by default and asks before revoking.
 */
const run = randomUUID().slice(0, 8);
const NAME = `Intranett ${run}`;

test("a customer admin's read-only token: created, refused a write, revoked, and in both audit logs", async ({ browser, request }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "ola@nordlys.example");
  await page.getByRole("link", { name: "API-nøkler" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "API-nøkler" })).toBeVisible();
  await page.getByLabel("Navn", { exact: true }).fill(NAME);
  await page.getByLabel("Tilgang").selectOption("READ");
  await page.getByRole("button", { name: "Opprett nøkkel" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^hd_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("row").filter({ hasText: NAME })).toContainText("Lese");

  const auth = { Authorization: `Bearer ${token}` };
  expect((await request.get("/api/v1/tickets", { headers: auth })).status()).toBe(200);
  const write = await request.post("/api/v1/tickets", { headers: auth, data: { title: "Skal ikke lages", description: "Lesenøkkel", priority: "P3" } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error).toMatchObject({ code: "forbidden", message: expect.stringContaining("read-only") });

  await page.getByRole("button", { name: `Trekk tilbake nøkkelen ${NAME}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Trekke tilbake «${NAME}»?`);
  await dialog.getByRole("button", { name: "Trekk tilbake", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nøkkelen er trukket tilbake." })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: NAME })).toContainText("Trukket tilbake");
  expect((await request.get("/api/v1/tickets", { headers: auth })).status()).toBe(401);

  await page.getByRole("link", { name: "Logg", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Logg" })).toBeVisible();
  const log = page.getByTestId("audit-log");
  // The create row names the token (its changed fields); the revoke row is about the same token id.
  const created = log.getByRole("row").filter({ hasText: NAME }).filter({ hasText: "token.create" });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText("READ");
  // The action in words, its code under it.
  await expect(created).toContainText("Opprettet API-nøkkel");
  await expect(created.getByTestId("audit-action")).toHaveText("token.create");
  const tokenId = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec((await created.textContent()) ?? "")?.[0] ?? "";
  expect(tokenId).not.toBe("");
  const aboutToken = log.getByRole("row").filter({ hasText: tokenId });
  await expect(aboutToken).toHaveCount(2);
  // Newest first: the revoke is above the create.
  await expect(aboutToken.first()).toContainText("token.revoke");
  await expect(aboutToken.first()).toContainText("revoked");
  // A customer admin has no organisation filter: only their own organisation's rows exist for them.
  await expect(page.getByLabel("Organisasjon")).toHaveCount(0);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@servicedesk.example");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Revisjonslogg" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: "Revisjonslogg" })).toBeVisible();
  await admin.getByLabel("Organisasjon").selectOption({ label: "Nordlys Eiendom AS" });
  await admin.getByLabel("Utført av (e-post)").fill("ola@nordlys");
  await admin.getByLabel("Handling").selectOption("token.create");
  await admin.getByRole("button", { name: "Filtrer" }).click();
  await expect(admin).toHaveURL(/action=token.create/);
  const rows = admin.getByTestId("audit-log").getByRole("row").filter({ hasText: NAME });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("ola@nordlys.example");
  await expect(rows).toContainText("scope");
  await expect(admin.getByTestId("audit-action").filter({ hasText: "token.revoke" })).toHaveCount(0);

  // Another organisation's filter does not show Nordlys's rows.
  await admin.getByLabel("Organisasjon").selectOption({ label: "Fjordvik Logistikk AS" });
  await admin.getByRole("button", { name: "Filtrer" }).click();
  await expect(admin.getByText(NAME)).toHaveCount(0);
});

test("the provider admin's token page: read-only by default, scope shown, revoked after confirming, in the log in words", async ({ browser, request }) => {
  const name = `Lager ${run}`;
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@servicedesk.example");
  await admin.goto("/admin/users");
  await admin.getByLabel("Organisasjon").selectOption({ label: "Nordlys Eiendom AS" });
  await admin.getByRole("button", { name: "Vis", exact: true }).click();
  await admin
    .getByRole("row")
    .filter({ hasText: "ola@nordlys.example" })
    .getByRole("link", { name: /API-nøkl/ })
    .click();
  await expect(admin.getByLabel("Tilgang")).toHaveValue("READ");
  await admin.getByLabel("Navn", { exact: true }).fill(name);
  await admin.getByRole("button", { name: "Lag nøkkel" }).click();
  const token = (await admin.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^hd_[A-Za-z0-9_-]{43}$/);
  const row = admin.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Lese");
  await expect(row).not.toContainText("Lese og skrive");
  const auth = { Authorization: `Bearer ${token}` };
  expect((await request.post("/api/v1/tickets", { headers: auth, data: { title: "Skal ikke lages", description: "Lesenøkkel", priority: "P3" } })).status()).toBe(403);

  await row.getByRole("button", { name: /^Trekk tilbake/ }).click();
  const dialog = admin.getByRole("dialog");
  await expect(dialog).toContainText(`Trekke tilbake «${name}»?`);
  await dialog.getByRole("button", { name: "Trekk tilbake", exact: true }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Nøkkelen er trukket tilbake." })).toBeVisible();
  expect((await request.get("/api/v1/tickets", { headers: auth })).status()).toBe(401);

  await admin.goto("/admin/audit?action=token.revoke");
  const revoked = admin.getByTestId("audit-log").getByRole("row").filter({ hasText: "admin@servicedesk.example" }).first();
  await expect(revoked).toContainText("Trakk tilbake API-nøkkel");
  await expect(revoked.getByTestId("audit-action")).toHaveText("token.revoke");
  await expect(admin.getByLabel("Handling")).toHaveValue("token.revoke");
});
