/**
 * Issue 15: Bergheim's agreement (Pureservice, 003) lets only its contact persons (at most 3) and
 * its admins register cases. An end user who is not a contact person reads why on /saker/ny
 * instead of a form that would fail; a contact person gets the form.
 */
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";

test("an end user of Bergheim who is not a contact person sees why instead of the new-ticket form", async ({ page }) => {
  await signIn(page, "bjorn@bergheim.example");
  await page.goto("/saker/ny");
  await expect(page.getByRole("heading", { level: 1, name: "Ny sak" })).toBeVisible();
  const explanation = page.getByTestId("contact-person-required");
  await expect(explanation.getByRole("heading", { name: "Du kan ikke registrere saker" })).toBeVisible();
  await expect(explanation).toContainText("bare kontaktpersonene (høyst 3) og organisasjonens administratorer");
  await expect(page.getByRole("button", { name: "Send inn saken" })).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/contact-person-required.png", fullPage: true });
  await explanation.getByRole("link", { name: "Til sakene dine" }).click();
  await expect(page).toHaveURL(/\/saker$/);
});

test("a contact person of Bergheim gets the new-ticket form", async ({ page }) => {
  await signIn(page, "sara@bergheim.example");
  await page.goto("/saker/ny");
  await expect(page.getByRole("button", { name: "Send inn saken" })).toBeVisible();
  await expect(page.getByTestId("contact-person-required")).toHaveCount(0);
});
