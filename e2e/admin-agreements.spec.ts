import { randomUUID } from "node:crypto";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";
import { hashPassword } from "../lib/server/auth/password-hash";
import { DEMO_PASSWORD } from "../lib/server/db/demo-data";
import { monthOf } from "../lib/server/reports/month";

/**
 * Agreements in the browser (issue 15): a provider admin chooses the "Nettsoft mobile" preset,
 * which fills in the form for review, names the agreement and saves it; the new-version page then
 * shows what a changed target, escalation rule and credit scheme will differ from the latest version.
 */
const run = randomUUID().slice(0, 8);
const prisma = createPrisma(undefined, 2);

test.afterAll(async () => {
  // The customer made for the claim test goes again, so other specs' lists of customers stay as the seed made them.
  const org = await prisma.organization.findUnique({ where: { slug: `krav-${run}` }, select: { id: true } });
  if (org) {
    await prisma.$transaction([
      prisma.incident.deleteMany({ where: { organizationId: org.id } }),
      prisma.user.deleteMany({ where: { organizationId: org.id } }),
      prisma.organization.delete({ where: { id: org.id } }),
    ]);
  }
  await prisma.$disconnect();
});

test("a provider admin creates an agreement from the Nettsoft mobile preset, and a new version shows what will differ", async ({ page }) => {
  const name = `Nettsoft mobil ${run}`;
  await signIn(page, "admin@servicedesk.example");
  await page.goto("/admin/agreements");
  await page.getByRole("link", { name: "Ny avtale" }).click();
  await expect(page).toHaveURL(/\/admin\/agreements\/new/);

  // Choosing the preset fills in the form; nothing is saved yet.
  await page.getByLabel("Mal").selectOption("nettsoft-mobile");
  await page.getByTestId("agreement-preset-apply").click();
  await expect(page.getByRole("status").filter({ hasText: "Nettsoft mobile (MBN/BN)" })).toBeVisible();
  for (const p of ["P1", "P2", "P3", "P4"]) await expect(page.locator(`#agreement-targets-${p}-minutes`)).toHaveValue("60");
  await expect(page.locator("#agreement-provider")).toHaveValue("Nettsoft");
  await expect(page.locator("#agreement-credit-kind")).toHaveValue("uptime_tiers");
  await expect(page.locator("#agreement-maintenance")).toHaveValue("daily 01:00-06:00");
  await expect(page.locator("#agreement-escalation-breach-lineLead")).toBeChecked();

  await page.getByLabel("Navn på avtalen").fill(name);
  await page.getByRole("button", { name: "Lagre avtalen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Avtalen er lagret." })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const agreement = await prisma.serviceAgreement.findFirstOrThrow({
    where: { name },
    select: { id: true, provider: true, versions: { select: { targets: { select: { minutes: true, calendar: { select: { key: true } } } } } } },
  });
  expect(agreement.provider).toBe("Nettsoft");
  expect(agreement.versions[0]!.targets.map((t) => [t.minutes, t.calendar.key])).toEqual(Array(4).fill([60, "nettsoft-office-hours"]));
  expect(await prisma.auditLog.count({ where: { action: "agreement.create", targetId: agreement.id } })).toBe(1);

  // A new version: nothing differs until a target changes, then the page shows it before saving.
  await page.getByRole("link", { name: "Ny versjon" }).click();
  await expect(page.getByTestId("version-diff-none")).toBeVisible();
  await page.locator("#targets-P1-minutes").fill("30");
  const row = page.locator('[data-testid="version-diff-row"][data-field="targets.P1.minutes"]');
  await expect(row).toContainText("P1: minutter");
  await expect(row.locator("td").nth(0)).toHaveText("60");
  await expect(row.locator("td").nth(1)).toHaveText("30");
  await expect(page.getByTestId("version-diff-row")).toHaveCount(1);
  // escalation rules are part of the version too: moving line at a breach shows as a difference
  await page.getByLabel("Flytt saken til neste linje ved brudd").check();
  await expect(page.locator('[data-testid="version-diff-row"][data-field="escalation.moveToNextLine"]')).toContainText("Nei");
  await expect(page.locator('[data-testid="version-diff-row"][data-field="escalation.moveToNextLine"] td').nth(1)).toHaveText("Ja");
  // so is the credit scheme with its claim rule: from Nettsoft's uptime tiers to Netpower per breach, claimed within 4 weeks
  await expect(page.locator("#version-credit-kind")).toHaveValue("uptime_tiers");
  await page.locator("#version-credit-kind").selectOption("netpower");
  const credit = page.locator('[data-testid="version-diff-row"][data-field="credit"]');
  await expect(credit).toContainText("Kreditering");
  await expect(credit.locator("td").nth(0)).toContainText("uptime_tiers");
  await expect(credit.locator("td").nth(1)).toContainText("netpower");
  await page.locator("#version-claimWithinDays").fill("28");
  await expect(page.locator('[data-testid="version-diff-row"][data-field="credit.claimWithinDays"] td').nth(1)).toHaveText("28");

  // saved: tickets registered from its validFrom on are measured by it
  await page.getByLabel("Navn på versjonen").fill(`mobil-30min-${run}`);
  await page.getByLabel("Gjelder fra (norsk tid)").fill("2030-01-01T00:00");
  await page.getByRole("button", { name: "Lagre versjonen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Versjonen er lagret." })).toBeVisible({ timeout: 15_000 });
  const saved = await prisma.agreementVersion.findFirstOrThrow({
    where: { agreementId: agreement.id, label: `mobil-30min-${run}` },
    select: { escalationRules: true, creditScheme: true, targets: { where: { priority: "P1" }, select: { minutes: true } } },
  });
  expect(saved.creditScheme).toEqual({ kind: "netpower", perBreachPercent: 5, capPercent: 15, minWithinTargetPercent: 90, minUptimePercent: 99.8, claimWithinDays: 28 });
  expect(saved.targets).toEqual([{ minutes: 30 }]);
  expect(saved.escalationRules).toMatchObject({ breach: { moveToNextLine: true } });
  expect(await prisma.auditLog.count({ where: { action: "agreement.version.create", targetId: agreement.id } })).toBe(1);
});

test("a Pureservice customer admin sees the month's credit open until its deadline, claims it, and it shows as credited", async ({ page }) => {
  // The server decides "open until" by its wall clock, so the downtime is placed relative to it:
  // [now − 20 days, now − 1 hour], and the month shown is the one holding now − 10 days. Whatever
  // the hour, weekday, holiday or month end, that month then holds at least ~10 calendar days of
  // downtime (credit 100 %) and its deadline is 28 days after its last downtime (still open).
  const now = Date.now();
  const month = monthOf(new Date(now - 10 * 86_400_000));
  const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "pureservice" }, select: { id: true } });
  const org = await prisma.organization.create({ data: { slug: `krav-${run}`, name: `Krav ${run} AS`, ticketPrefix: "KR", agreementId: agreement.id, monthlyFeeOre: 1_000_000 } });
  const email = `admin-${run}@krav.example`;
  await prisma.user.create({ data: { email, name: "Krav Admin", role: "CUSTOMER_ADMIN", organizationId: org.id, passwordHash: await hashPassword(DEMO_PASSWORD) } });
  await prisma.incident.create({
    data: { organizationId: org.id, service: "Pureservice", cause: "nede", startedAt: new Date(now - 20 * 86_400_000), endedAt: new Date(now - 3_600_000), counts: true },
  });

  await signIn(page, email);
  await page.goto(`/reports?month=${month}`);
  const claim = page.getByTestId("credit-claim");
  await expect(claim).toHaveAttribute("data-state", "open");
  await expect(page.getByTestId("credit-claim-text")).toContainText("Åpen til");
  await claim.getByRole("button", { name: "Krev kreditten" }).click();
  // the page is re-rendered with the claim: credited, and no button any more
  await expect(page.getByTestId("credit-claim")).toHaveAttribute("data-state", "claimed", { timeout: 15_000 });
  await expect(page.getByRole("button", { name: "Krev kreditten" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("credit-claim")).toHaveAttribute("data-state", "claimed");
  await expect(page.getByTestId("credit-claim-text")).toContainText("kreditert");
  expect(await prisma.auditLog.count({ where: { organizationId: org.id, action: "credit.claim" } })).toBe(1);
});
