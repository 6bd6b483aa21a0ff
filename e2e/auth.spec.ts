import { expect, test } from "./support/test";
import { DEMO_PASSWORD } from "../lib/server/db/demo-data";
import { signIn } from "./support/sign-in";

const KARI = "kari@nordlys.example";

test("a demo user signs in with e-mail and password on the sign-in page, and the session names her and her role", async ({ page }) => {
  await signIn(page, KARI);

  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const session = await response.json();
  expect(session.user).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: KARI, name: "Kari Nordmann", role: "END_USER", locale: "nb" });
  expect(Date.parse(session.expires)).toBeGreaterThan(Date.now()); // a session just made ends in the future, at any hour
});

test("a wrong password shows the sign-in page's error, keeps the e-mail, and gives no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-post").fill(KARI);
  await page.getByLabel("Passord").fill("not-the-password");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Innloggingen mislyktes" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByLabel("E-post")).toHaveValue(KARI);

  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session).toEqual({});
});

test("next-auth's own sign-in address leads to the app's sign-in page, which returns to where the user was going", async ({ page }) => {
  await page.goto("/api/auth/signin?callbackUrl=%2Fprofile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("E-post").fill(KARI);
  await page.getByLabel("Passord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
});

test("signing out ends the session and shows the sign-in page", async ({ page }) => {
  await signIn(page, KARI);
  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});
