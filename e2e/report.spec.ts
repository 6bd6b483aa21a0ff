import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";
import { prepareReportMonth } from "./support/report-month";

/**
 * A month the test chooses, closed before any run of the suite (not "last month", which turns
 * over under a run that crosses midnight on the 1st, and is the month the monthly report job
 * works on at 06:00 that day).
 */
const month = "2026-10";

/** That month for Nordlys: 10 tickets answered, one of them 40 business minutes late; an hour's outage. */
test.beforeAll(async () => {
  const prisma = createPrisma(undefined, 2);
  try {
    const ola = await prisma.user.findUniqueOrThrow({ where: { email: "ola@nordlys.example" }, select: { organizationId: true } });
    const kari = await prisma.user.findUniqueOrThrow({ where: { email: "kari@nordlys.example" }, select: { id: true } });
    await prepareReportMonth(prisma, {
      month,
      organizationId: ola.organizationId,
      requesterId: kari.id,
      referencePrefix: "NL-E2E",
      lateTitle: "Skriveren på lageret",
      title: (n) => `Sak ${n}`,
      outageCause: "Databasen svarte ikke",
    });
  } finally {
    await prisma.$disconnect();
  }
});

test("a customer admin sees a month's SLA report with figures, chart and breach list, and downloads it as CSV", async ({ page }) => {
  await signIn(page, "ola@nordlys.example");
  await page.goto(`/reports?month=${month}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SLA-rapport for");
  await expect(page.getByText("Nordlys Eiendom AS")).toBeVisible();
  const within = page.getByRole("definition").filter({ hasText: "90 %" }).first();
  await expect(within).toBeVisible();
  await expect(page.getByText("9 av 10 målte saker")).toBeVisible();
  await expect(page.getByRole("img", { name: /Andel innenfor responstid siste 12 måneder/ })).toBeVisible();
  const breaches = page.getByRole("table", { name: "Saker som brøt responstiden" });
  await expect(breaches.getByRole("row")).toHaveCount(2);
  await expect(breaches).toContainText("Skriveren på lageret");
  await expect(breaches).toContainText("40 min");
  await expect(page.getByRole("table", { name: "Kredittberegning" })).toContainText("Kreditt denne måneden");
  await page.screenshot({ path: "e2e/screenshots/report.png", fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Last ned CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`sla-rapport-nordlys-eiendom-as-${month}.csv`);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, summary] = csv.split("\r\n");
  expect(header!.split(";")).toEqual(expect.arrayContaining(["Kunde", "Måned", "Målt", "Andel innenfor (%)", "Oppetid (%)", "Kreditt (kr)"]));
  expect(summary).toContain(`Nordlys Eiendom AS;${month};`);
  expect(summary).toContain(";10;9;1;");
  expect(csv).toContain("Skriveren på lageret");

  const pdf = await page.request.get(`/reports/${month}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("a month with no measured tickets says so instead of 100 % (0 av 0)", async ({ page }) => {
  await signIn(page, "ola@nordlys.example");
  await page.goto("/reports?month=2025-01");
  const within = page.getByRole("definition").filter({ hasText: "Ingen målte saker" });
  await expect(within.first()).toBeVisible();
  await expect(page.getByText(/Ingen sak ble besvart eller brøt responstiden denne måneden/)).toBeVisible();
  await expect(page.getByText("0 av 0")).toHaveCount(0);
});

test("an end user gets 404 for the report page and its downloads", async ({ page }) => {
  await signIn(page, "kari@nordlys.example");
  expect((await page.goto("/reports"))!.status()).toBe(404);
  expect((await page.request.get(`/reports/${month}/csv`)).status()).toBe(404);
});

test("a provider admin sees every customer's month with the credit lines, and closes Nordlys' month", async ({ page }) => {
  await signIn(page, "admin@servicedesk.example");
  await page.goto(`/reports/provider?month=${month}`);
  const customers = page.getByRole("table", { name: "Månedens tall per kunde" });
  // Every seeded customer has its row (other specs add customers of their own to the shared database).
  for (const name of ["Nordlys Eiendom AS", "Fjordvik Logistikk AS", "Bergheim Regnskap AS"]) await expect(customers.getByRole("row").filter({ hasText: name })).toHaveCount(1);
  const nordlys = customers.getByRole("row").filter({ hasText: "Nordlys Eiendom AS" });
  await expect(nordlys).toContainText("90 %");
  await expect(nordlys).toContainText("foreløpig");
  await expect(page.getByRole("heading", { name: "Kredittlinjer til fakturering" })).toBeVisible();
  await nordlys.getByRole("button", { name: "Lukk måned" }).click();
  await expect(nordlys.getByRole("status")).toHaveText("Måneden er lukket.");
  await page.reload();
  await expect(customers.getByRole("row").filter({ hasText: "Nordlys Eiendom AS" })).toContainText("lukket");
  await page.goto(`/reports?organization=${await nordlysId(page)}&month=${month}`);
  await expect(page.getByText(/Måneden ble lukket/)).toBeVisible();
});

async function nordlysId(page: Page): Promise<string> {
  await page.goto(`/reports/provider?month=${month}`);
  const href = await page.getByRole("link", { name: "Nordlys Eiendom AS" }).getAttribute("href");
  return new URL(href!, "http://x").searchParams.get("organization")!;
}
