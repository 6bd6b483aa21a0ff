/**
 * Agreements made by a provider admin (issue 15): from a preset the form was filled in from
 * (Nettsoft mobile, Sodvin Azure), stored as the preset's terms and measured by them; the audit
 * rows of a new agreement and a new version; a new version never changes a ticket registered
 * before it. Every instant is chosen by the test.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import type { Actor } from "../../lib/server/actor";
import { agreementFormDefaults, createAgreement, createAgreementVersion, listCalendars, type CreateAgreementInput } from "../../lib/server/admin";
import { loadAgreementVersions } from "../../lib/server/db/agreements";
import { registerTicket } from "../../lib/server/tickets";
import { computeMonthReports } from "../../lib/server/reports";
import { NETTSOFT_CREDIT, NETTSOFT_MOBILE, NETTSOFT_OFFICE_HOURS, SODVIN_AZURE, type AgreementPreset } from "../../lib/sla";
import { actorByEmail, rejection, seededActors } from "../support/fixtures";
import { DEFAULT_TIME_ZONE } from "../../lib/config/time-zone";

const prisma = db();
const ctxAt = (iso: string) => ({ prisma, now: () => new Date(iso), clientAddress: "198.51.100.4" });
const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;

let admin: Actor, lise: Actor, fjordvikAdmin: Actor;
beforeAll(async () => {
  ({ admin, lise, fjordvikAdmin } = await seededActors(prisma, ["admin", "lise", "fjordvikAdmin"]));
});
afterAll(async () => {
  await prisma.$disconnect();
  redis().disconnect();
});

/** What the form posts when the admin chose the preset, named the agreement and saved (as the action parses it). */
async function presetInput(preset: AgreementPreset, name: string): Promise<CreateAgreementInput> {
  const v = agreementFormDefaults(preset, await listCalendars({ actor: admin, ctx: ctxAt("2026-11-30T09:00:00Z") }));
  const n = (field: string) => Number(v[field]);
  const kind = v["credit.kind"];
  return {
    name,
    provider: v.provider!,
    source: v.source,
    targets: Object.fromEntries(
      PRIORITIES.map((p) => [p, { minutes: v[`targets.${p}.minutes`] ? n(`targets.${p}.minutes`) : null, calendarId: v[`targets.${p}.calendarId`]! }]),
    ) as CreateAgreementInput["targets"],
    warningPercents: v.warningPercents!.split(/,\s*/).map(Number),
    minWithinTargetPercent: n("minWithinTargetPercent"),
    escalation: { warning: ["assignee"], breach: ["assignee", "lineLead"], moveToNextLine: false },
    credit:
      kind === "uptime_tiers"
        ? { kind, tiers: v["credit.tiers"]!, capPercent: n("credit.tiersCap") }
        : kind === "sodvin_refund"
          ? { kind, agreedUptimePercent: n("credit.agreedUptimePercent"), servicePeriod: v["credit.servicePeriod"] as "quarter" }
          : { kind: "none" },
    claimWithinDays: v.claimWithinDays ? n("claimWithinDays") : null,
    maintenance: v.maintenance,
    uptimeCalendarId: v.uptimeCalendarId,
    maintenanceReducesTotal: v.maintenanceReducesTotal === "on",
  };
}

describe("an agreement created from a preset", () => {
  it("Nettsoft mobile: stored with the preset's terms, an audit row, and a new customer's ticket is due 60 office minutes later", async () => {
    const tag = randomUUID().slice(0, 6);
    const created = await createAgreement({ actor: admin, input: await presetInput(NETTSOFT_MOBILE, `Nettsoft mobil ${tag}`), ctx: ctxAt("2026-11-30T09:00:00Z") });
    expect(created.key).toBe(`nettsoft-mobil-${tag}`);

    const [version] = await loadAgreementVersions(prisma, created.id);
    const preset = NETTSOFT_MOBILE.versions[0]!;
    expect(version).toMatchObject({ validFrom: "2026-11-30T09:00:00.000Z", warningThresholds: preset.warningThresholds, credit: NETTSOFT_CREDIT });
    for (const p of PRIORITIES) expect(version!.targets[p]).toEqual({ minutes: 60, calendar: NETTSOFT_OFFICE_HOURS.spec });
    const agreement = await prisma.serviceAgreement.findUniqueOrThrow({
      where: { id: created.id },
      select: { provider: true, source: true, maintenanceReducesTotal: true, uptimeCalendar: { select: { key: true } }, maintenanceWindows: { select: { kind: true, rule: true } } },
    });
    expect(agreement).toEqual({
      provider: "Nettsoft",
      source: NETTSOFT_MOBILE.source,
      maintenanceReducesTotal: true,
      uptimeCalendar: { key: "nettsoft-core-time" },
      maintenanceWindows: [{ kind: "RECURRING", rule: { kind: "daily", timeZone: DEFAULT_TIME_ZONE, start: "01:00", end: "06:00" } }],
    });
    const rules = await prisma.agreementVersion.findFirstOrThrow({ where: { agreementId: created.id }, select: { escalationRules: true } });
    expect(rules.escalationRules).toEqual({ warning: { notify: ["assignee"] }, breach: { notify: ["assignee", "lineLead"], moveToNextLine: false } });

    const audit = await prisma.auditLog.findMany({ where: { action: "agreement.create", targetId: created.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.userId, targetType: "ServiceAgreement", organizationId: null, address: "198.51.100.4", before: null });
    expect(audit[0]!.after).toMatchObject({ key: created.key, provider: "Nettsoft", targets: { P1: { minutes: 60, calendar: "nettsoft-office-hours" } } });

    // a new customer on it: a P2 registered Friday 27 Nov 15:30 Oslo is due Monday 08:30
    const org = await prisma.organization.create({ data: { slug: `mobil-${tag}`, name: `Mobil ${tag}`, ticketPrefix: "MB", agreementId: created.id } });
    await prisma.user.create({ data: { email: `user-${tag}@mobil.example`, name: "Mobil user", role: "END_USER", organizationId: org.id } });
    // registered after the agreement's first version (valid from 30 Nov 09:00 UTC)
    const user = await actorByEmail(prisma, `user-${tag}@mobil.example`);
    const ticket = await registerTicket({ actor: user, input: { title: "Mobilen ringer ikke", description: "Ingen lyd.", priority: "P2" }, ctx: ctxAt("2026-12-04T14:30:00Z") });
    const clock = await prisma.slaClock.findFirstOrThrow({ where: { ticketId: ticket.id, metric: "RESPONSE" }, select: { targetMinutes: true, dueAt: true } });
    expect(clock).toEqual({ targetMinutes: 60, dueAt: new Date("2026-12-07T07:30:00Z") });
    expect((await prisma.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { agreementVersionId: true } })).agreementVersionId).toBe(created.versionId);
  });

  it("Sodvin Azure: the refund formula with its quarterly service period and the third-Tuesday window", async () => {
    const tag = randomUUID().slice(0, 6);
    const created = await createAgreement({ actor: admin, input: await presetInput(SODVIN_AZURE, `Sodvin Azure ${tag}`), ctx: ctxAt("2026-11-30T09:00:00Z") });
    const [version] = await loadAgreementVersions(prisma, created.id);
    expect(version!.credit).toEqual({ kind: "sodvin_refund", agreedUptime: 0.995, servicePeriod: "quarter" });
    const windows = await prisma.maintenanceWindow.findMany({ where: { agreementId: created.id }, select: { rule: true } });
    expect(windows.map((w) => w.rule)).toEqual([{ kind: "monthly_nth_weekday", timeZone: DEFAULT_TIME_ZONE, nth: 3, day: "tue", start: "00:00", end: "06:00" }]);
  });

  it("the same name twice gets its own key; bad windows, tiers or claim days are refused on their field with nothing written", async () => {
    const tag = randomUUID().slice(0, 6);
    const input = await presetInput(NETTSOFT_MOBILE, `Twice ${tag}`);
    const a = await createAgreement({ actor: admin, input, ctx: ctxAt("2026-11-30T09:00:00Z") });
    const b = await createAgreement({ actor: admin, input, ctx: ctxAt("2026-11-30T09:00:01Z") });
    expect([a.key, b.key]).toEqual([`twice-${tag}`, `twice-${tag}-2`]);

    const before = await prisma.serviceAgreement.count();
    const bad = async (over: Partial<CreateAgreementInput>) => rejection(createAgreement({ actor: admin, input: { ...input, name: `Bad ${tag}`, ...over }, ctx: ctxAt("2026-11-30T10:00:00Z") }));
    expect((await bad({ maintenance: "every full moon" })).fields).toEqual({ maintenance: [expect.stringContaining('"every full moon" is not a window')] });
    expect((await bad({ credit: { kind: "uptime_tiers", tiers: "99-98: 10", capPercent: 100 } })).fields).toHaveProperty(["credit.tiers"]);
    expect((await bad({ claimWithinDays: 0 })).fields).toHaveProperty(["claimWithinDays"]);
    expect((await bad({ warningPercents: [50, 120] })).fields).toHaveProperty(["warningPercents"]);
    expect(await prisma.serviceAgreement.count()).toBe(before);
  });

  it("only provider admins create agreements (404 for an agent or a customer admin, nothing written)", async () => {
    const input = await presetInput(NETTSOFT_MOBILE, `Refused ${randomUUID().slice(0, 6)}`);
    const before = await prisma.serviceAgreement.count();
    for (const actor of [lise, fjordvikAdmin]) expect((await rejection(createAgreement({ actor, input, ctx: ctxAt("2026-11-30T09:00:00Z") }))).code).toBe("not_found");
    expect(await prisma.serviceAgreement.count()).toBe(before);
  });
});

describe("a new version of an agreement", () => {
  it("is audited, may change the escalation rules, and never changes a ticket registered before it", async () => {
    const tag = randomUUID().slice(0, 6);
    const created = await createAgreement({ actor: admin, input: await presetInput(NETTSOFT_MOBILE, `Versioned ${tag}`), ctx: ctxAt("2026-11-02T09:00:00Z") });
    const org = await prisma.organization.create({ data: { slug: `ver-${tag}`, name: `Ver ${tag}`, ticketPrefix: "VR", agreementId: created.id } });
    await prisma.user.create({ data: { email: `user-${tag}@ver.example`, name: "Ver user", role: "END_USER", organizationId: org.id } });
    const user = await actorByEmail(prisma, `user-${tag}@ver.example`);
    // Tuesday 10 Nov 10:00 Oslo, 60 minutes → 11:00
    const old = await registerTicket({ actor: user, input: { title: "Før", description: "Registrert før ny versjon.", priority: "P2" }, ctx: ctxAt("2026-11-10T09:00:00Z") });

    const calendarId = (await prisma.responseTarget.findFirstOrThrow({ where: { versionId: created.versionId }, select: { calendarId: true } })).calendarId;
    const target = (minutes: number) => ({ minutes, calendarId });
    const version = await createAgreementVersion({
      actor: admin,
      input: {
        agreementId: created.id,
        label: "mobil-30min",
        validFrom: "2026-11-05T00:00", // even a version dated before the ticket does not change it
        targets: { P1: target(30), P2: target(30), P3: target(30), P4: target(30) },
        warningPercents: [50, 75, 90],
        minWithinTargetPercent: 90,
        escalation: { warning: ["assignee", "lineLead"], breach: ["lineLead", "customerAdmin"], moveToNextLine: true },
      },
      ctx: ctxAt("2026-11-12T09:00:00Z"),
    });
    expect((await prisma.agreementVersion.findUniqueOrThrow({ where: { id: version.id }, select: { escalationRules: true } })).escalationRules).toEqual({
      warning: { notify: ["assignee", "lineLead"] },
      breach: { notify: ["lineLead", "customerAdmin"], moveToNextLine: true },
    });
    const oldTicket = await prisma.ticket.findUniqueOrThrow({ where: { id: old.id }, select: { agreementVersionId: true, clocks: { select: { targetMinutes: true, dueAt: true } } } });
    expect(oldTicket).toEqual({ agreementVersionId: created.versionId, clocks: [{ targetMinutes: 60, dueAt: new Date("2026-11-10T10:00:00Z") }] });

    const fresh = await registerTicket({ actor: user, input: { title: "Etter", description: "Registrert etter.", priority: "P2" }, ctx: ctxAt("2026-11-17T09:00:00Z") });
    const freshClock = await prisma.slaClock.findFirstOrThrow({ where: { ticketId: fresh.id }, select: { targetMinutes: true, dueAt: true } });
    expect(freshClock).toEqual({ targetMinutes: 30, dueAt: new Date("2026-11-17T09:30:00Z") });

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "agreement.version.create", targetId: created.id } });
    expect(audit).toMatchObject({ actorId: admin.userId, targetType: "ServiceAgreement", address: "198.51.100.4" });
    expect(audit.before).toMatchObject({ label: `versioned-${tag}-v1`, targets: { P2: { minutes: 60 } } });
    expect(audit.after).toMatchObject({
      id: version.id,
      label: "mobil-30min",
      validFrom: "2026-11-04T23:00:00.000Z",
      targets: { P2: { minutes: 30 } },
      escalationRules: { breach: { moveToNextLine: true } },
    });
  });
});

describe("a new version with its own credit scheme", () => {
  const netpower = { kind: "netpower" as const, perBreachPercent: 5, capPercent: 15, minWithinTargetPercent: 90, minUptimePercent: 99.8 };

  it("is stored and audited with the new scheme; reports for months before it keep the scheme in force then", async () => {
    const tag = randomUUID().slice(0, 6);
    const base = await presetInput(NETTSOFT_MOBILE, `Credit ${tag}`);
    // uptime over all the time and no maintenance windows, so the month's uptime is simple to reckon
    const created = await createAgreement({
      actor: admin,
      input: { ...base, credit: netpower, claimWithinDays: null, maintenance: "", uptimeCalendarId: "", maintenanceReducesTotal: false },
      ctx: ctxAt("2026-09-01T09:00:00Z"),
    });
    const org = await prisma.organization.create({ data: { slug: `cr-${tag}`, name: `Cr ${tag}`, ticketPrefix: "CR", agreementId: created.id, monthlyFeeOre: 2_000_000 } });
    // 3 hours down in October (745 h) and in November (720 h): uptime below 99.8 % both months
    for (const [from, to] of [
      ["2026-10-14T08:00:00Z", "2026-10-14T11:00:00Z"],
      ["2026-11-11T08:00:00Z", "2026-11-11T11:00:00Z"],
    ] as const)
      await prisma.incident.create({ data: { organizationId: org.id, agreementId: created.id, service: "Portal", cause: "test", startedAt: new Date(from), endedAt: new Date(to) } });

    const calendarId = (await prisma.responseTarget.findFirstOrThrow({ where: { versionId: created.versionId }, select: { calendarId: true } })).calendarId;
    const target = { minutes: 60, calendarId };
    const version = await createAgreementVersion({
      actor: admin,
      input: {
        agreementId: created.id,
        label: "tiers-from-november",
        validFrom: "2026-11-01T00:00",
        targets: { P1: target, P2: target, P3: target, P4: target },
        warningPercents: [50, 75, 90],
        minWithinTargetPercent: 90,
        credit: { kind: "uptime_tiers", tiers: "99-99.5: 25\n99.5-99.9: 10", capPercent: 100 },
        claimWithinDays: 28,
      },
      ctx: ctxAt("2026-10-20T09:00:00Z"),
    });
    const stored = await prisma.agreementVersion.findUniqueOrThrow({ where: { id: version.id }, select: { creditScheme: true } });
    expect(stored.creditScheme).toEqual({
      kind: "uptime_tiers",
      tiers: [
        { minUptimePercent: 99, belowUptimePercent: 99.5, percent: 25 },
        { minUptimePercent: 99.5, belowUptimePercent: 99.9, percent: 10 },
      ],
      capPercent: 100,
      claimWithinDays: 28,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "agreement.version.create", targetId: created.id } });
    expect(audit.before).toMatchObject({ creditScheme: netpower });
    expect(audit.after).toMatchObject({ id: version.id, creditScheme: { kind: "uptime_tiers", claimWithinDays: 28 } });

    const figures = async (month: string) => (await computeMonthReports(prisma, { month, now: new Date("2026-12-15T12:00:00Z"), organizationIds: [org.id] }))[0]!.figures;
    // October: the first version (Netpower, 5 % for uptime below 99.8 %), though the new version was saved on 20 October
    const october = await figures("2026-10");
    expect(october.credit).toMatchObject({ scheme: "netpower", percent: 5 });
    // November: the new version's tiers (99.58 % → 10 %)
    const november = await figures("2026-11");
    expect(november.credit).toMatchObject({ scheme: "uptime_tiers", percent: 10 });
  });

  it("without a credit scheme given, the latest version's scheme and claim rule are copied", async () => {
    const tag = randomUUID().slice(0, 6);
    const created = await createAgreement({
      actor: admin,
      input: { ...(await presetInput(NETTSOFT_MOBILE, `Copy ${tag}`)), credit: netpower, claimWithinDays: 28 },
      ctx: ctxAt("2026-09-01T09:00:00Z"),
    });
    const calendarId = (await prisma.responseTarget.findFirstOrThrow({ where: { versionId: created.versionId }, select: { calendarId: true } })).calendarId;
    const target = { minutes: 30, calendarId };
    const version = await createAgreementVersion({
      actor: admin,
      input: { agreementId: created.id, label: "copy", validFrom: "2026-12-01T00:00", targets: { P1: target, P2: target, P3: target, P4: target }, warningPercents: [50], minWithinTargetPercent: 90 },
      ctx: ctxAt("2026-11-20T09:00:00Z"),
    });
    expect((await prisma.agreementVersion.findUniqueOrThrow({ where: { id: version.id }, select: { creditScheme: true } })).creditScheme).toEqual({ ...netpower, claimWithinDays: 28 });
  });

  it("a tier list that does not parse is refused on its field, nothing written", async () => {
    const tag = randomUUID().slice(0, 6);
    const created = await createAgreement({ actor: admin, input: await presetInput(NETTSOFT_MOBILE, `Bad ${tag}`), ctx: ctxAt("2026-09-01T09:00:00Z") });
    const calendarId = (await prisma.responseTarget.findFirstOrThrow({ where: { versionId: created.versionId }, select: { calendarId: true } })).calendarId;
    const target = { minutes: 30, calendarId };
    const error = await rejection(
      createAgreementVersion({
        actor: admin,
        input: {
          agreementId: created.id,
          label: "bad",
          validFrom: "2026-12-01T00:00",
          targets: { P1: target, P2: target, P3: target, P4: target },
          warningPercents: [50],
          minWithinTargetPercent: 90,
          credit: { kind: "uptime_tiers", tiers: "not a tier", capPercent: 100 },
          claimWithinDays: null,
        },
        ctx: ctxAt("2026-11-20T09:00:00Z"),
      }),
    );
    expect(error.fields).toHaveProperty(["credit.tiers"]);
    expect(await prisma.agreementVersion.count({ where: { agreementId: created.id } })).toBe(1);
  });
});
