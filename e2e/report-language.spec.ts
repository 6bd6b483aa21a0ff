import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, test, type Page } from "./support/test";
import { signIn } from "./support/sign-in";
import { createPrisma } from "../lib/server/db/prisma";
import { DEMO_PASSWORD } from "../lib/server/db/demo-data";
import { prepareReportMonth } from "./support/report-month";

/**
 * The monthly report speaks its reader's language: a customer admin who chooses English on
 * /profile finds no Norwegian on the report page, in its CSV or in its PDF; and the PDF prints an
 * organisation name beyond Latin-1 intact. A fixed, long-closed month (not "last month", which
 * turns over under a run that crosses midnight on the 1st).
 */
const month = "2026-10";
const ORGANIZATION = "Ærlig Øst Å/S – Łódź";
const run = randomUUID().slice(0, 8);
const adminEmail = `admin-${run}@aerlig.example`;

/**
 * Norwegian as the report would show it: the letters æ ø å, and words of the report's Norwegian
 * text. The organisation's own name is data, not language, and is taken out before looking.
 */
const NORWEGIAN =
  /[æøå]|\b(saker|sak|innenfor|måned|måneder|frist|kreditt|brudd|oppetid|nedetid|målt|målte|venter|unntatt|dekket|ikke|ingen|avtale|kunde|linje|beløp|prosent|tittel|prioritet|registrert|foreløpig|beregnet|lukket|perioden|siste|krav|last ned|arbeidstid|klokketid|rapport)\b/gi;
function norwegianIn(text: string): string[] {
  return [...new Set([...text.replaceAll(ORGANIZATION, "").matchAll(NORWEGIAN)].map((m) => m[0].toLowerCase()))];
}

/** That month for the organisation: 10 tickets answered, one of them 40 business minutes late; an hour's outage. */
test.beforeAll(async () => {
  const prisma = createPrisma(undefined, 2);
  try {
    const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "netpower-ordinary" }, select: { id: true } });
    const org = await prisma.organization.create({
      data: { name: ORGANIZATION, slug: `aerlig-${run}`, ticketPrefix: "AE", agreementId: agreement.id, monthlyFeeOre: 2_000_000 },
      select: { id: true },
    });
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
    const admin = await prisma.user.create({ data: { organizationId: org.id, email: adminEmail, name: "Łukasz Nguyễn", role: "CUSTOMER_ADMIN", passwordHash, locale: "nb" }, select: { id: true } });
    await prepareReportMonth(prisma, {
      month,
      organizationId: org.id,
      requesterId: admin.id,
      referencePrefix: `AE-E2E-${run}`,
      lateTitle: "Printer in the Łódź office",
      title: (n) => `Request ${n}`,
      outageCause: "The database did not answer",
    });
  } finally {
    await prisma.$disconnect();
  }
});

/** The organisation goes again, so the provider's list of customers in later specs is the seeded one. */
test.afterAll(async () => {
  const prisma = createPrisma(undefined, 2);
  try {
    const org = await prisma.organization.findUniqueOrThrow({ where: { slug: `aerlig-${run}` }, select: { id: true } });
    await prisma.$transaction(async (tx) => {
      // TicketEvent is append-only in the database (a trigger refuses DELETE, also by cascade). This
      // is a throwaway test database: the trigger is off inside this transaction only.
      await tx.$executeRawUnsafe('ALTER TABLE "TicketEvent" DISABLE TRIGGER "TicketEvent_append_only"');
      await tx.incident.deleteMany({ where: { organizationId: org.id } });
      await tx.ticket.deleteMany({ where: { organizationId: org.id } });
      await tx.user.deleteMany({ where: { organizationId: org.id } });
      await tx.organization.delete({ where: { id: org.id } });
      await tx.$executeRawUnsafe('ALTER TABLE "TicketEvent" ENABLE TRIGGER "TicketEvent_append_only"');
    });
  } finally {
    await prisma.$disconnect();
  }
});

async function pdfText(page: Page): Promise<string> {
  const response = await page.request.get(`/reports/${month}/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await response.body())), { mergePages: true });
  return text;
}

test("an English-speaking customer admin finds no Norwegian in the report page, its CSV and its PDF; the PDF prints the organisation's name intact", async ({ page }) => {
  await signIn(page, adminEmail);

  // The same report in Norwegian first: the check finds Norwegian there, so it can fail.
  await page.goto(`/reports?month=${month}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SLA-rapport for oktober 2026");
  expect(norwegianIn(await page.locator("body").innerText())).toEqual(expect.arrayContaining(["innenfor", "kreditt", "måneder"]));
  const norwegianPdf = await pdfText(page);
  expect(norwegianPdf).toContain(ORGANIZATION);
  expect(norwegianIn(norwegianPdf)).toEqual(expect.arrayContaining(["innenfor", "kreditt", "brudd"]));

  // The reader chooses English on their profile.
  await page.goto("/profile");
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("button", { name: "Lagre språk" }).click();
  await expect(page.getByRole("radio", { name: "English" })).toBeChecked();
  await expect(page.getByRole("button", { name: "Save language" })).toBeVisible();

  await page.goto(`/reports?month=${month}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SLA report for October 2026");
  await expect(page.getByText("9 of 10 measured tickets")).toBeVisible();
  await expect(page.getByRole("table", { name: "Tickets that breached the response time" })).toContainText("Printer in the Łódź office");
  await expect(page.getByRole("table", { name: "Credit calculation" })).toContainText("response: 90 % within target (required 90 %)");
  expect(norwegianIn(await page.locator("body").innerText())).toEqual([]);
  expect(norwegianIn((await page.title()) ?? "")).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^sla-report-.*-${month}\\.csv$`));
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toContain("Customer,Month,Agreement,Tickets registered,Measured");
  expect(csv).toContain(ORGANIZATION);
  expect(norwegianIn(csv)).toEqual([]);

  const pdf = await pdfText(page);
  expect(pdf).toContain(ORGANIZATION);
  expect(pdf).toContain("SLA report for October 2026");
  expect(pdf).toContain("Printer in the Łódź office");
  expect(norwegianIn(pdf)).toEqual([]);
});
