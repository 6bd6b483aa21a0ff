import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { expect, test } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";
import { DEMO_PASSWORD } from "../lib/server/db/demo-data";

/**
 * Sodvin Azure settles its refund per quarter (001 §7.2): a customer on it with outages in July and
 * August 2026 sees July's uptime and "quarter so far" with no credit line, and in September the
 * refund over the whole quarter; the provider's month overview says the same. Fixed, long-past months.
 */
const run = randomUUID().slice(0, 8);
const ORGANIZATION = `Sodvin-kunde ${run}`;
const adminEmail = `admin-${run}@sodvin-kunde.example`;

test.beforeAll(async () => {
  const prisma = createPrisma(undefined, 2);
  try {
    const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "sodvin-azure" }, select: { id: true } });
    const org = await prisma.organization.create({
      data: { name: ORGANIZATION, slug: `sodvin-${run}`, ticketPrefix: "SQ", agreementId: agreement.id, monthlyFeeOre: 1_000_000 },
      select: { id: true },
    });
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
    await prisma.user.create({ data: { organizationId: org.id, email: adminEmail, name: "Siri Sodvin", role: "CUSTOMER_ADMIN", passwordHash, locale: "nb" } });
    for (const [from, to] of [
      ["2026-07-08T08:00:00Z", "2026-07-08T18:00:00Z"],
      ["2026-08-05T10:00:00Z", "2026-08-06T04:00:00Z"],
    ]) {
      await prisma.incident.create({ data: { organizationId: org.id, agreementId: agreement.id, service: "Azure", cause: "Utfall", startedAt: new Date(from!), endedAt: new Date(to!) } });
    }
  } finally {
    await prisma.$disconnect();
  }
});

/** The organisation goes again, so the provider's list of customers in later specs is the seeded one. */
test.afterAll(async () => {
  const prisma = createPrisma(undefined, 2);
  try {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: `sodvin-${run}` }, select: { id: true } });
    await prisma.$transaction(async (tx) => {
      await tx.incident.deleteMany({ where: { organizationId: org.id } });
      await tx.monthlyReport.deleteMany({ where: { organizationId: org.id } });
      await tx.user.deleteMany({ where: { organizationId: org.id } });
      await tx.organization.delete({ where: { id: org.id } });
    });
  } finally {
    await prisma.$disconnect();
  }
});

test("a Sodvin customer sees the quarter so far in July and the refund over the quarter in September", async ({ page }) => {
  await signIn(page, adminEmail);
  await page.goto("/reports?month=2026-07");
  await expect(page.getByText(ORGANIZATION).first()).toBeVisible();
  const note = page.getByTestId("report-credit-quarter-note");
  await expect(note).toContainText("Refusjonen gjøres opp per kvartal");
  await expect(note).toContainText("Kvartalet så langt (juli 2026)");
  await expect(page.getByRole("table", { name: "Kredittberegning" })).toHaveCount(0);

  await page.goto("/reports?month=2026-09");
  await expect(page.getByRole("table", { name: "Kredittberegning" })).toContainText("R = V · (1 − (D − N) / D / O)");
  await expect(page.getByTestId("report-credit-quarter-note")).toContainText("Refusjonen gjelder hele kvartalet (juli 2026, august 2026, september 2026)");
  await expect(page.getByTestId("report-credit-quarter-note")).toContainText("nedetid N = 28 t");
});

test("the provider's overview settles the Sodvin customer's refund in the quarter's last month", async ({ page }) => {
  await signIn(page, "admin@servicedesk.example");
  await page.goto("/reports/provider?month=2026-07");
  const row = page.getByRole("table", { name: "Månedens tall per kunde" }).getByRole("row").filter({ hasText: ORGANIZATION });
  await expect(row).toContainText("gjøres opp for kvartalet");
  await page.goto("/reports/provider?month=2026-09");
  const lines = page.getByRole("table", { name: "Kredittlinjer per kunde" }).getByRole("row").filter({ hasText: ORGANIZATION });
  await expect(lines).toContainText("R = V · (1 − (D − N) / D / O)");
  await expect(lines).toContainText("Refusjonen gjelder hele kvartalet");
});
