/**
 * When a clock is breached, and by how much, as every report surface shows it (SLA-RULES §2): a
 * target is breached only strictly after its due instant, and an open breach's business minutes
 * used and late are as of the instant the report is read. One P4 that is never started, read at
 * its due instant, 1 ms after it and a month later, through the report page's data (the report
 * and the 12-month chart), the JSON API, the CSV, the PDF (its text, as the download renders it)
 * and the ticket view.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import { readEnv } from "../../lib/config/env";
import type { Actor } from "../../lib/server/actor";
import { createApiToken } from "../../lib/server/tokens/create-api-token";
import { defaultApiDeps, withApiActor } from "../../lib/server/api/with-api-actor";
import { slaReportHandler } from "../../lib/server/api/sla-report";
import { getComplianceHistory, getOrganizationReport, type ReportFigures } from "../../lib/server/reports";
import { extractText, getDocumentProxy } from "unpdf";
import { reportCsv } from "../../lib/server/reports/report-csv";
import { reportDocument } from "../../lib/server/reports/report-document";
import { reportPdf } from "../../lib/server/reports/report-pdf";
import { getTicket, registerTicket } from "../../lib/server/tickets";
import { deleteKeys } from "../support/redis-keys";
import { actorByEmail, seedOnce } from "../support/fixtures";

const prisma = db();
const ctxAt = (now: Date) => ({ prisma, now: () => now });
const MIN = 60_000;

// Netpower ordinary: P4 is 480 business minutes on weekdays 08–16 Oslo with Norwegian holidays.
// Registered Monday 2 March 2026 09:00 Oslo (08:00Z, CET), it is due Tuesday 3 March 09:00 Oslo.
const REGISTERED = new Date("2026-03-02T08:00:00Z");
const DUE = new Date("2026-03-03T08:00:00Z");
const JUST_AFTER = new Date(DUE.getTime() + 1);
// Wednesday 1 April 2026 10:00 Oslo (CEST). Business time since the due instant: 3 March 09–16
// (420), the 20 weekdays 4–31 March (9 600), 1 April 08–10 (120) = 10 140 minutes; no public
// holiday in between (Maundy Thursday is 2 April).
const MONTH_LATER = new Date("2026-04-01T08:00:00Z");
const LATE_A_MONTH_LATER = 10_140;

let customerAdmin: Actor;
let orgId: string;
let ticketId: string;
let reference: string;
let token: string;

beforeAll(async () => {
  await seedOnce(prisma);
  const agreement = await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "netpower-ordinary" }, select: { id: true } });
  const slug = `bi-${randomUUID().slice(0, 8)}`;
  const org = await prisma.organization.create({ data: { name: `Kunde ${slug}`, slug, ticketPrefix: "BI", agreementId: agreement.id, monthlyFeeOre: 2_000_000 }, select: { id: true } });
  orgId = org.id;
  await prisma.user.createMany({
    data: [
      { organizationId: orgId, email: `${slug}-user@test.example`, name: "Bruker", role: "END_USER" },
      { organizationId: orgId, email: `${slug}-admin@test.example`, name: "Systemansvarlig", role: "CUSTOMER_ADMIN" },
    ],
  });
  const user = await actorByEmail(prisma, `${slug}-user@test.example`);
  customerAdmin = await actorByEmail(prisma, `${slug}-admin@test.example`);
  const ticket = await registerTicket({ actor: user, input: { title: "Aldri startet", description: "Ingen har sett på denne", priority: "P4" }, ctx: ctxAt(REGISTERED) });
  ticketId = ticket.id;
  reference = ticket.reference;
  expect(ticket.sla.response).toMatchObject({ state: "running", targetMinutes: 480, dueAt: DUE.toISOString() });
  await deleteKeys(readEnv().REDIS_URL, `${readEnv().REDIS_PREFIX}:ratelimit`);
  token = (await createApiToken({ input: { email: `${slug}-admin@test.example` }, ctx: ctxAt(REGISTERED) })).token;
});

afterAll(async () => {
  await prisma.$disconnect();
  redis().disconnect();
});

const input = () => ({ organizationId: orgId, month: "2026-03" });

/** The report page's data at `now`: the month's report and the 12-month chart, as the page loads them. */
async function pageData(now: Date) {
  const [view, history] = await Promise.all([
    getOrganizationReport({ actor: customerAdmin, input: input(), ctx: ctxAt(now) }),
    getComplianceHistory({ actor: customerAdmin, input: input(), ctx: ctxAt(now) }),
  ]);
  return { figures: view.figures, march: history.find((p) => p.month === "2026-03")! };
}

/** The JSON API's figures at `now`. */
async function apiFigures(now: Date): Promise<ReportFigures> {
  const route = withApiActor<{ id: string }>(slaReportHandler, () => ({ ...defaultApiDeps(), prisma, now: () => now }));
  const response = await route(new Request(`http://test/api/v1/organizations/${orgId}/sla-report?month=2026-03`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ id: orgId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { figures: ReportFigures }).figures;
}

/** The CSV at `now`: the summary row by column name, and the breach rows by column name. */
async function csv(now: Date) {
  const text = reportCsv((await getOrganizationReport({ actor: customerAdmin, input: input(), ctx: ctxAt(now) })).figures);
  const sections = text
    .replace(/^\uFEFF/, "")
    .split("\r\n\r\n")
    .map((s) =>
      s
        .split("\r\n")
        .filter(Boolean)
        .map((line) => line.split(";")),
    );
  const named = ([header, ...rows]: string[][]) => rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
  return { summary: named(sections[0]!)[0]!, breaches: named(sections[1]!) };
}

/** The PDF's text at `now`, rendered as the download renders it (figures, 12-month chart, provider), whitespace collapsed. */
async function pdf(now: Date): Promise<string> {
  const ctx = ctxAt(now);
  const view = await getOrganizationReport({ actor: customerAdmin, input: input(), ctx });
  const bytes = await reportPdf(await reportDocument({ view, locale: "nb", actor: customerAdmin, input: input(), ctx }));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("a P4 never started, read at its due instant: pending, not breached", () => {
  it("the report page and the chart count it as pending, not measured", async () => {
    const { figures, march } = await pageData(DUE);
    expect(figures.tickets).toMatchObject({ registered: 1, measured: 0, met: 0, breached: 0, pending: 1 });
    expect(figures.breaches).toEqual([]);
    expect(march).toEqual({ month: "2026-03", met: 0, measured: 0, percent: null });
  });

  it("the JSON API says the same", async () => {
    const figures = await apiFigures(DUE);
    expect(figures.tickets).toMatchObject({ registered: 1, measured: 0, breached: 0, pending: 1 });
    expect(figures.breaches).toEqual([]);
  });

  it("the CSV lists no breach", async () => {
    const { summary, breaches } = await csv(DUE);
    expect(summary).toMatchObject({ "Saker registrert": "1", Målt: "0", Brudd: "0", Venter: "1" });
    expect(summary).toMatchObject({ "Andel innenfor (%)": "Ingen målte saker" });
    expect(breaches).toEqual([]);
  });

  it("the PDF says no ticket was measured and lists no breach", async () => {
    const text = await pdf(DUE);
    expect(text).toContain("Ingen målte saker denne måneden");
    expect(text).toContain("Brudd på responstid (0)");
    expect(text).not.toContain(reference);
  });

  it("the ticket view shows it running with nothing left", async () => {
    const ticket = await getTicket({ actor: customerAdmin, input: { id: ticketId }, ctx: ctxAt(DUE) });
    expect(ticket.sla.response).toMatchObject({ state: "running", businessMinutesUsed: 480, businessMinutesLeft: 0, breachedAt: null });
  });
});

describe("the same P4 read 1 ms after its due instant: breached, 0 minutes late", () => {
  const breach = { stillRunning: true, targetMinutes: 480, usedMinutes: 480, lateBusinessMinutes: 0, lateWallMinutes: 0, breachedAt: DUE.toISOString(), stoppedAt: null };

  it("the report page and the chart count it as breached", async () => {
    const { figures, march } = await pageData(JUST_AFTER);
    expect(figures.tickets).toMatchObject({ registered: 1, measured: 1, met: 0, breached: 1, pending: 0, percent: 0, passes: false });
    expect(figures.breaches).toEqual([expect.objectContaining({ ...breach, reference })]);
    expect(march).toEqual({ month: "2026-03", met: 0, measured: 1, percent: 0 });
  });

  it("the JSON API says the same", async () => {
    const figures = await apiFigures(JUST_AFTER);
    expect(figures.tickets).toMatchObject({ measured: 1, breached: 1, pending: 0 });
    expect(figures.breaches).toEqual([expect.objectContaining({ ...breach, reference })]);
  });

  it("the CSV lists the breach, 0 minutes late", async () => {
    const { summary, breaches } = await csv(JUST_AFTER);
    expect(summary).toMatchObject({ Målt: "1", Brudd: "1", Venter: "0", "Andel innenfor (%)": "0" });
    expect(breaches).toEqual([
      expect.objectContaining({
        "Brudd: sak": reference,
        "Mål (min)": "480",
        "Brukt arbeidstid (min)": "480",
        "For sent, arbeidstid (min)": "0",
        "For sent, klokketid (min)": "0",
        "Fortsatt åpen": "ja",
      }),
    ]);
  });

  it("the PDF lists the breach, 0 minutes late", async () => {
    const text = await pdf(JUST_AFTER);
    expect(text).toContain("0 % innenfor responstid (krav 90 %): ikke oppfylt");
    expect(text).toContain("Brudd på responstid (1)");
    expect(text).toContain(`${reference} Aldri startet P4 8 t 0 min 8 t 0 min 0 min 0 min`);
  });

  it("the ticket view shows it breached at its due instant", async () => {
    const ticket = await getTicket({ actor: customerAdmin, input: { id: ticketId }, ctx: ctxAt(JUST_AFTER) });
    expect(ticket.sla.response).toMatchObject({ state: "breached", businessMinutesLeft: 0, breachedAt: DUE.toISOString() });
    expect(ticket.sla.response!.businessMinutesUsed).toBeCloseTo(480, 4);
  });
});

describe("the same P4 read a month later: late up to the report's instant, in business time", () => {
  const lateWall = (MONTH_LATER.getTime() - DUE.getTime()) / MIN; // 29 days: 41 760 minutes
  const breach = { stillRunning: true, targetMinutes: 480, usedMinutes: 480 + LATE_A_MONTH_LATER, lateBusinessMinutes: LATE_A_MONTH_LATER, lateWallMinutes: lateWall, breachedAt: DUE.toISOString() };

  it("the report page and the chart", async () => {
    const { figures, march } = await pageData(MONTH_LATER);
    expect(lateWall).toBe(41_760);
    expect(figures.tickets).toMatchObject({ measured: 1, breached: 1, pending: 0 });
    expect(figures.breaches).toEqual([expect.objectContaining({ ...breach, reference })]);
    expect(march).toEqual({ month: "2026-03", met: 0, measured: 1, percent: 0 });
  });

  it("the JSON API", async () => {
    const figures = await apiFigures(MONTH_LATER);
    expect(figures.breaches).toEqual([expect.objectContaining({ ...breach, reference })]);
  });

  it("the CSV", async () => {
    const { breaches } = await csv(MONTH_LATER);
    expect(breaches).toEqual([
      expect.objectContaining({ "Brudd: sak": reference, "Brukt arbeidstid (min)": "10620", "For sent, arbeidstid (min)": "10140", "For sent, klokketid (min)": "41760", "Fortsatt åpen": "ja" }),
    ]);
  });

  it("the PDF: 177 h used, 169 h late in business time, 696 h on the clock", async () => {
    const text = await pdf(MONTH_LATER);
    expect(text).toContain(`${reference} Aldri startet P4 8 t 0 min 177 t 0 min 169 t 0 min 696 t 0 min`);
  });

  it("the ticket view", async () => {
    const ticket = await getTicket({ actor: customerAdmin, input: { id: ticketId }, ctx: ctxAt(MONTH_LATER) });
    expect(ticket.sla.response).toMatchObject({ state: "breached", businessMinutesUsed: 480 + LATE_A_MONTH_LATER, breachedAt: DUE.toISOString() });
  });
});
