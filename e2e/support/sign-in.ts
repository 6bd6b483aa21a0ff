/**
 * Signs in through the app's own /signin page with the demo password, and waits until it has.
 * Staff (and anyone with two-factor sign-in on) then get the second step: the helper types the
 * current code of the demo's TOTP secret for that address (demo-data.ts), as a person would from
 * their app, at the browser's instant (the test-at offset included).
 */
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoTotpSecret } from "../../lib/server/db/demo-data";
import { totpCodeAt } from "../../lib/server/two-factor/totp";

const offsetMs = Number(process.env.TEST_AT_OFFSET_MS ?? 0);
export const TWO_FACTOR_PATH = "/signin/two-factor";

/** The code an authenticator app with this secret shows now: the server checks it against its own clock (±1 step), so only the instant matters, never the hour or the day. */
export const currentCode = (secret: string): Promise<string> => totpCodeAt(secret, new Date(Date.now() + offsetMs));

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, totpSecret = demoTotpSecret(email)): Promise<void> {
  await signInFirstStep(page, email, password);
  if (new URL(page.url()).pathname === TWO_FACTOR_PATH) {
    await page.getByLabel("Kode", { exact: true }).fill(await currentCode(totpSecret));
    await page.getByRole("button", { name: "Bekreft", exact: true }).click();
    await expect(page).not.toHaveURL(/\/signin/, { timeout: 15_000 });
  }
}

/** E-mail and password only: ends on the second step's page, or signed in when there is none. */
export async function signInFirstStep(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  // A slow first render is not a failed sign-in.
  await page.waitForURL((url) => !url.pathname.startsWith("/signin") || url.pathname === TWO_FACTOR_PATH, { timeout: 15_000 });
}
