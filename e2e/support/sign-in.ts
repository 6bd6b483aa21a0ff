/** Signs in through the app's own /signin page with the demo password, and waits until it has. */
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/server/db/demo-data";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin/, { timeout: 15_000 }); // a slow first render is not a failed sign-in
}
