import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/server/db/demo-data";

const KARI = "kari@nordlys.example";

test("a demo user signs in with e-mail and password on the sign-in page, and the session names her and her role", async ({ page }) => {
  await page.goto("/api/auth/signin");
  await page.getByLabel("E-mail").fill(KARI);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in with e-mail and password" }).click();
  await expect(page).not.toHaveURL(/\/api\/auth\/(signin|error)/);

  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  const session = await response.json();
  expect(session.user).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: KARI, name: "Kari Nordmann", role: "END_USER", locale: "nb" });
  expect(Date.parse(session.expires)).toBeGreaterThan(Date.now());
});

test("a wrong password shows next-auth's error and gives no session", async ({ page }) => {
  await page.goto("/api/auth/signin");
  await page.getByLabel("E-mail").fill(KARI);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in with e-mail and password" }).click();
  await expect(page).toHaveURL(/\/api\/auth\/signin\?.*error=CredentialsSignin/);
  await expect(page.getByText("Sign in failed. Check the details you provided are correct.")).toBeVisible();

  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session).toEqual({});
});
