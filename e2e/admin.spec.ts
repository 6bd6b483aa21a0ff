import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { localDateIn } from "../lib/server/admin/calendar-preview";
import { TIME_ZONE } from "../lib/config/time-zone";

/**
 * The coming Christmas Eve in Oslo (this year's, or next year's once it has passed). The calendar
 * page previews the closed days of [today, today + 1 year) by the server's clock, which always
 * holds the coming Christmas Eve and the 25th after it (the 25th is today itself on 25 December),
 * so what the test asserts is true on any date and at any hour.
 */
function comingChristmasEve(): { date: string; year: number } {
  const today = localDateIn(TIME_ZONE, new Date());
  const year = Number(today.slice(0, 4)) + (today.slice(5) > "12-24" ? 1 : 0);
  return { date: `${year}-12-24`, year };
}

test("a provider admin creates a calendar with a closed date and a new version of the Pureservice agreement that uses it", async ({ page }) => {
  const run = randomUUID().slice(0, 8); // names unique to this run
  const calendarName = `Bergheim kontortid ${run}`;
  const versionLabel = `pureservice-1t-${run}`;
  const christmasEve = comingChristmasEve();

  await signIn(page, "admin@servicedesk.example");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Administrasjon" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Arbeidsprosesser og varsler/ })).toHaveAttribute("href", "/admin/workers");
  await page.screenshot({ path: "e2e/screenshots/admin.png", fullPage: true });

  // A calendar: bad hours are refused with the SLA engine's words next to the day; then it is created.
  await page.getByRole("link", { name: /^Kalendere/ }).click();
  await page.getByRole("link", { name: "Ny kalender" }).first().click();
  await page.getByLabel("Navn").fill(calendarName);
  await page.getByLabel("Nøkkel").fill(`bergheim-${run}`);
  await page.getByLabel("Mandag").fill("08:00–25:00");
  await page.getByLabel("Onsdag").fill("08:00–11:30, 12:00–16:00");
  await page.getByRole("button", { name: "Opprett kalender" }).click();
  await expect(page.getByText('"25:00" is not a wall-clock time')).toBeVisible();
  await expect(page.getByLabel("Mandag")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Navn")).toHaveValue(calendarName);
  await page.getByLabel("Mandag").fill("08:00–16:00");
  await page.getByRole("button", { name: "Opprett kalender" }).click();
  await expect(page.getByRole("heading", { level: 1, name: calendarName })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Kalenderen er opprettet.");
  await expect(page.getByTestId("next-open").getByRole("listitem")).toHaveCount(5);

  // Christmas Eve closed: it shows among the coming closed days of the preview.
  await page.getByLabel("Dato", { exact: true }).fill(christmasEve.date);
  await page.getByLabel("Merknad").fill("Julaften");
  await page.getByRole("button", { name: "Lagre dato" }).click();
  await expect(page.getByRole("status")).toHaveText("Datoen er lagret.");
  const coming = page.getByTestId("coming").getByRole("listitem");
  await expect(coming.filter({ hasText: "24. des." })).toContainText("Stengt");
  await expect(coming.filter({ hasText: "24. des." })).toContainText("Julaften");
  await expect(coming.filter({ hasText: "25. des." })).toContainText("Helligdag");
  await page.screenshot({ path: "e2e/screenshots/admin-calendar.png", fullPage: true });

  // A new version of the Pureservice agreement from next New Year, P1 on the new calendar.
  await page.goto("/admin/agreements");
  await page.getByRole("link", { name: "Pureservice service agreement" }).click();
  await page.getByRole("link", { name: "Ny versjon" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny versjon av Pureservice service agreement" })).toBeVisible();
  await page.getByLabel("Navn på versjonen").fill(versionLabel);
  await page.getByLabel("Gjelder fra (norsk tid)").fill("2023-10-02T00:00");
  const p1 = page.getByRole("group", { name: "Responstid for P1 Kritisk" });
  await p1.getByLabel("Minutter arbeidstid").fill("60");
  await p1.getByLabel("Kalender").selectOption({ label: calendarName });
  await page.getByRole("button", { name: "Lagre versjonen" }).click();
  await expect(page.getByText("En annen versjon av avtalen gjelder fra samme tidspunkt")).toBeVisible();

  await page.getByLabel("Gjelder fra (norsk tid)").fill(`${christmasEve.year + 1}-01-01T00:00`);
  await page.getByRole("button", { name: "Lagre versjonen" }).click();
  await expect(page.getByRole("status")).toHaveText("Versjonen er lagret.");
  const row = page
    .getByRole("table", { name: /Versjoner av Pureservice service agreement/ })
    .getByRole("row")
    .filter({ hasText: versionLabel });
  await expect(row).toContainText("Fremtidig");
  await expect(row).toContainText(`P1: 1 t arbeidstid (${calendarName})`);
  await expect(row).toContainText("P2: 2 t arbeidstid");
  await page.screenshot({ path: "e2e/screenshots/admin-agreement.png", fullPage: true });

  await row.getByRole("link", { name: versionLabel }).click();
  await expect(page.getByRole("row", { name: /P1 Kritisk/ })).toContainText(calendarName);
  await expect(page.getByText("Varsel ved 50 %, 75 %, 90 % av responstiden.")).toBeVisible();
});
