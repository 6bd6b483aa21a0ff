/**
 * Organisations in the provider admin's hands (issue 15), against the real PostgreSQL: a create
 * with invalid fields writes nothing; an edit writes the changed fields and one audit row; the
 * on-call option the customer bought decides whether a P1 pages on-call; the contact-person limit
 * holds; a deactivated organisation's users cannot sign in, act or file tickets until it is
 * activated again.
 */
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import pg from "pg";
import { MIGRATIONS_DIR, migrate } from "../../lib/server/db/migrations";
import { createTempDatabase } from "../support/temp-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/server/db/prisma";
import { redis } from "../../lib/server/redis";
import type { Actor } from "../../lib/server/actor";
import { loadActor } from "../../lib/server/actor";
import { createOrganization, createUser, getOrganization, setContactPerson, setOrganizationActive, updateOrganization } from "../../lib/server/admin";
import type { CreateOrganizationInput } from "../../lib/server/admin/organization-schemas";
import { registerTicket } from "../../lib/server/tickets";
import { signInWithPassword } from "../../lib/server/auth/sign-in-with-password";
import { hashPassword } from "../../lib/server/auth/password-hash";
import { isValidOrgNumber } from "../../lib/forms/org-number";
import { actorByEmail, rejection, seedOnce } from "../support/fixtures";
import { DEFAULT_TIME_ZONE } from "../../lib/config/time-zone";

const POLICY = { maxFailures: 100, lockoutMinutes: 15 };
const PASSWORD = "Fjellvann i morgenlys";

/** A fresh valid organisation number (mod 11), so runs never collide. */
function freshOrgNumber(): string {
  for (;;) {
    const first = String(800_000_00 + Math.floor(Math.random() * 99_999_99)).slice(0, 8);
    for (let d = 0; d <= 9; d++) if (isValidOrgNumber(`${first}${d}`)) return `${first}${d}`;
  }
}

describe("organisations: create, edit, on-call option, contact persons, deactivate", () => {
  const prisma = db();
  let admin: Actor;
  let agreementId: string;
  const ctxAt = (now: Date) => ({ prisma, now: () => new Date(now) });
  const ctx = ctxAt(new Date("2026-03-02T10:00:00Z"));

  const fields = (over: Partial<CreateOrganizationInput> = {}): CreateOrganizationInput => ({
    name: `Kunde ${randomUUID().slice(0, 8)} AS`,
    orgNumber: freshOrgNumber(),
    emailDomains: [`${randomUUID().slice(0, 8)}.example`],
    agreementId,
    monthlyFeeOre: 10_000_00,
    confirmationWindowHours: 120,
    onCallOption: "VAKTTELEFON",
    defaultEmailPriority: "P3",
    contactPersonLimit: null,
    timeZone: DEFAULT_TIME_ZONE,
    ticketPrefix: "KU",
    ...over,
  });

  async function customerUser(organizationId: string, role: "END_USER" | "CUSTOMER_ADMIN" = "END_USER"): Promise<{ id: string; email: string }> {
    const email = `u-${randomUUID()}@kunde.example`;
    const { id } = await createUser({ actor: admin, input: { organizationId, name: email, email, role }, ctx });
    return { id, email };
  }

  beforeAll(async () => {
    await seedOnce(prisma);
    admin = await actorByEmail(prisma, "admin@servicedesk.example");
    agreementId = (await prisma.serviceAgreement.findUniqueOrThrow({ where: { key: "netpower-ordinary" }, select: { id: true } })).id;
  });
  afterAll(() => redis().disconnect());

  it("refuses invalid fields by name and writes nothing: no organisation, no domain, no audit row", async () => {
    const auditBefore = await prisma.auditLog.count();
    const orgsBefore = await prisma.organization.count();
    const bad = fields({ orgNumber: "923609017", emailDomains: ["not a domain"], timeZone: "Mars/Olympus", ticketPrefix: "1" });
    const error = await rejection(createOrganization({ actor: admin, input: bad, ctx }));
    expect(error.code).toBe("bad_request");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["emailDomains.0", "orgNumber", "ticketPrefix", "timeZone"]);

    // An unknown agreement and a domain another organisation has are refused the same way.
    const taken = fields();
    await createOrganization({ actor: admin, input: taken, ctx });
    const afterFirst = await prisma.auditLog.count();
    expect((await rejection(createOrganization({ actor: admin, input: fields({ agreementId: randomUUID() }), ctx }))).fields).toEqual({ agreementId: ["unknown agreement"] });
    const dup = await rejection(createOrganization({ actor: admin, input: fields({ emailDomains: [taken.emailDomains[0]!.toUpperCase()] }), ctx }));
    expect(dup.code).toBe("conflict");
    expect(dup.fields).toEqual({ emailDomains: [`taken: ${taken.emailDomains[0]}`] });
    expect((await rejection(createOrganization({ actor: admin, input: fields({ orgNumber: taken.orgNumber }), ctx }))).fields).toEqual({ orgNumber: ["taken"] });

    expect(await prisma.organization.count()).toBe(orgsBefore + 1);
    expect(await prisma.auditLog.count()).toBe(afterFirst);
    expect(afterFirst).toBe(auditBefore + 1);
  });

  it("creates with every field and one audit row; only a provider admin may", async () => {
    // As people type them: the number in groups of three, the domain with "@" and capitals (twice).
    const domain = `${randomUUID().slice(0, 6)}.example`;
    const input = fields({
      orgNumber: freshOrgNumber().replace(/^(\d{3})(\d{3})/, "$1 $2 "),
      emailDomains: [`@${domain.toUpperCase()}`, domain],
      onCallOption: "ALWAYS",
      contactPersonLimit: 3,
      defaultEmailPriority: "P2",
      timeZone: "Europe/Stockholm",
    });
    const { id } = await createOrganization({ actor: admin, input, ctx });
    const org = await getOrganization({ actor: admin, input: { organizationId: id }, ctx });
    expect(org).toMatchObject({
      active: true,
      orgNumber: String(input.orgNumber).replace(/\s/g, ""),
      emailDomains: [domain],
      agreementId,
      monthlyFeeOre: 10_000_00,
      onCallOption: "ALWAYS",
      contactPersonLimit: 3,
      defaultEmailPriority: "P2",
      timeZone: "Europe/Stockholm",
      ticketPrefix: "KU",
    });
    const audit = await prisma.auditLog.findMany({ where: { targetId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "organization.create", actorId: admin.userId, organizationId: id, before: null });
    expect(audit[0]!.after).toMatchObject({ name: input.name, onCallOption: "ALWAYS" });

    const ola = await actorByEmail(prisma, "ola@nordlys.example");
    expect((await rejection(createOrganization({ actor: ola, input: fields(), ctx }))).code).toBe("not_found");
  });

  it("edits: the changed fields before and after in one audit row, nothing for no change; the provider is not editable", async () => {
    const input = fields();
    const { id } = await createOrganization({ actor: admin, input, ctx });
    const { ticketPrefix: _prefix, ...same } = input;
    void _prefix;
    expect(await updateOrganization({ actor: admin, input: { organizationId: id, ...same }, ctx })).toEqual({ id, changed: false });
    const newDomain = `${randomUUID().slice(0, 8)}.example`;
    await updateOrganization({ actor: admin, input: { organizationId: id, ...same, name: "Nytt Navn AS", monthlyFeeOre: 20_000_00, emailDomains: [newDomain], agreementId: null }, ctx });
    const rows = await prisma.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["organization.create", "organization.update"]);
    expect(rows[1]!.before).toEqual({ name: input.name, monthlyFeeOre: 10_000_00, emailDomains: input.emailDomains, agreementId });
    expect(rows[1]!.after).toEqual({ name: "Nytt Navn AS", monthlyFeeOre: 20_000_00, emailDomains: [newDomain], agreementId: null });
    expect(await prisma.organizationEmailDomain.findMany({ where: { organizationId: id }, select: { domain: true } })).toEqual([{ domain: newDomain }]);
    // The old domain is free again.
    await createOrganization({ actor: admin, input: fields({ emailDomains: input.emailDomains }), ctx });

    const provider = await prisma.organization.findFirstOrThrow({ where: { isProvider: true }, select: { id: true } });
    expect((await rejection(updateOrganization({ actor: admin, input: { organizationId: provider.id, ...same }, ctx }))).code).toBe("not_found");
  });

  it("the on-call option the customer bought decides whether a P1 pages on-call", async () => {
    const options = ["NONE", "VAKTTELEFON", "ALWAYS"] as const;
    // Tuesday 6 January 2026 in Oslo: 06:00 is outside office hours and outside the vakttelefon
    // hours; 18:00 is inside the vakttelefon hours (weekdays 16–22); 10:00 is office hours.
    const instants = { early: new Date("2026-01-06T05:00:00Z"), evening: new Date("2026-01-06T17:00:00Z"), office: new Date("2026-01-06T09:00:00Z") };
    const paged: Record<string, Record<string, boolean>> = {};
    for (const option of options) {
      const { id } = await createOrganization({ actor: admin, input: fields({ onCallOption: option }), ctx });
      const user = await actorByEmail(prisma, (await customerUser(id)).email);
      paged[option] = {};
      for (const [when, now] of Object.entries(instants)) {
        const ticket = await registerTicket({ actor: user, input: { title: `P1 ${when}`, description: "Alt er nede.", priority: "P1" }, ctx: ctxAt(now) });
        const pages = await prisma.escalation.count({ where: { ticketId: ticket.id, kind: "ONCALL_PAGE" } });
        const mobilised = await prisma.escalation.count({ where: { ticketId: ticket.id, kind: "LINE" } });
        expect(mobilised).toBe(1); // the leads are told of every P1, whatever the option
        paged[option][when] = pages > 0;
      }
    }
    expect(paged).toEqual({
      NONE: { early: false, evening: false, office: false },
      VAKTTELEFON: { early: false, evening: true, office: false },
      ALWAYS: { early: true, evening: true, office: false },
    });

    // Changing the option changes what the next P1 does.
    const { id } = await createOrganization({ actor: admin, input: fields({ onCallOption: "NONE" }), ctx });
    const user = await actorByEmail(prisma, (await customerUser(id)).email);
    const { ticketPrefix: _p, ...rest } = fields({ onCallOption: "ALWAYS" });
    void _p;
    await updateOrganization({ actor: admin, input: { ...rest, organizationId: id }, ctx });
    const ticket = await registerTicket({ actor: user, input: { title: "P1", description: "Nede.", priority: "P1" }, ctx: ctxAt(instants.early) });
    expect(await prisma.escalation.count({ where: { ticketId: ticket.id, kind: "ONCALL_PAGE" } })).toBe(1);
  });

  it("holds the contact-person limit, and a limit below the contact persons it has is refused", async () => {
    const input = fields({ contactPersonLimit: 2 });
    const { id } = await createOrganization({ actor: admin, input, ctx });
    const [a, b, c] = [await customerUser(id), await customerUser(id), await customerUser(id, "CUSTOMER_ADMIN")];
    await setContactPerson({ actor: admin, input: { userId: a.id, contactPerson: true }, ctx });
    await setContactPerson({ actor: admin, input: { userId: b.id, contactPerson: true }, ctx });
    const refused = await rejection(setContactPerson({ actor: admin, input: { userId: c.id, contactPerson: true }, ctx }));
    expect(refused.code).toBe("unprocessable");
    expect(refused.fields).toEqual({ contactPerson: ["limit 2"] });
    expect(await prisma.user.count({ where: { organizationId: id, isContactPerson: true } })).toBe(2);

    const { ticketPrefix: _p, ...rest } = input;
    void _p;
    const lower = await rejection(updateOrganization({ actor: admin, input: { ...rest, organizationId: id, contactPersonLimit: 1 }, ctx }));
    expect(lower.fields).toEqual({ contactPersonLimit: ["below the 2 contact persons it has"] });

    await setContactPerson({ actor: admin, input: { userId: a.id, contactPerson: false }, ctx });
    await setContactPerson({ actor: admin, input: { userId: c.id, contactPerson: true }, ctx });
    const org = await getOrganization({ actor: admin, input: { organizationId: id }, ctx });
    expect(org.contactPersons).toBe(2);
    expect(
      org.users
        .filter((u) => u.contactPerson)
        .map((u) => u.id)
        .sort(),
    ).toEqual([b.id, c.id].sort());
    const audit = await prisma.auditLog.findMany({ where: { action: "user.contact_person", targetId: { in: [a.id, b.id, c.id] } } });
    expect(audit).toHaveLength(4);

    // Staff are never contact persons of a customer.
    const lise = await actorByEmail(prisma, "lise@servicedesk.example");
    expect((await rejection(setContactPerson({ actor: admin, input: { userId: lise.userId, contactPerson: true }, ctx }))).code).toBe("not_found");
  });

  it("deactivate: its users cannot sign in, act or file tickets; activate again restores them", async () => {
    const { id } = await createOrganization({ actor: admin, input: fields(), ctx });
    const user = await customerUser(id);
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
    const signIn = () => signInWithPassword({ prisma, email: user.email, password: PASSWORD, now: ctx.now(), policy: POLICY });
    expect((await signIn()).ok).toBe(true);
    const actor = (await loadActor(prisma, user.id))!;

    expect(await setOrganizationActive({ actor: admin, input: { organizationId: id }, active: false, ctx })).toEqual({ id, changed: true });
    expect((await signIn()).ok).toBe(false);
    expect(await loadActor(prisma, user.id)).toBeNull();
    const lise = await actorByEmail(prisma, "lise@servicedesk.example");
    const onBehalf = await rejection(registerTicket({ actor: lise, input: { title: "Telefon", description: "Ringte inn.", priority: "P3", requesterId: user.id }, ctx }));
    expect(onBehalf.code).toBe("unprocessable");
    expect(await prisma.ticket.count({ where: { organizationId: id } })).toBe(0);
    expect((await getOrganization({ actor: admin, input: { organizationId: id }, ctx })).active).toBe(false);
    // Deactivating twice changes nothing and writes no second row.
    expect(await setOrganizationActive({ actor: admin, input: { organizationId: id }, active: false, ctx })).toEqual({ id, changed: false });

    await setOrganizationActive({ actor: admin, input: { organizationId: id }, active: true, ctx });
    expect((await signIn()).ok).toBe(true);
    await registerTicket({ actor, input: { title: "Igjen", description: "Virker.", priority: "P3" }, ctx });
    const rows = await prisma.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });
    expect(rows).toEqual([
      { action: "organization.create", before: null, after: expect.any(Object) },
      { action: "organization.deactivate", before: { active: true }, after: { active: false } },
      { action: "organization.reactivate", before: { active: false }, after: { active: true } },
    ]);

    const provider = await prisma.organization.findFirstOrThrow({ where: { isProvider: true }, select: { id: true } });
    expect((await rejection(setOrganizationActive({ actor: admin, input: { organizationId: provider.id }, active: false, ctx }))).code).toBe("not_found");
  });
});

describe("the migration organization_admin", () => {
  it("gives existing customers the on-call option their agreement's P1 calendar gave, so paging does not change", async () => {
    const THIS = "20261201010400_organization_admin";
    const dir = await mkdtemp(join(tmpdir(), "hd-orgs-migration-"));
    const db = await createTempDatabase("orgs_migration");
    const client = new pg.Client({ connectionString: db.url });
    try {
      // The database as it was before: every migration before this one (not the later ones, which build on it).
      const before = (src: string) => {
        const folder = relative(MIGRATIONS_DIR, src).split(sep)[0] ?? "";
        return !/^\d{14}_/.test(folder) || folder < THIS;
      };
      await cp(MIGRATIONS_DIR, dir, { recursive: true, filter: before });
      await migrate(db.url, dir);
      await client.connect();
      const allDay = JSON.stringify(Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["00:00", "24:00"]]])));
      const office = JSON.stringify(Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [["08:00", "16:00"]]])));
      const calendar = async (key: string, weekly: string, holidays: string | null) =>
        (
          await client.query<{ id: string }>(`INSERT INTO "Calendar" (id, key, name, "timeZone", weekly, "holidayCountry") VALUES (gen_random_uuid(), $1, $1, $4, $2::jsonb, $3) RETURNING id`, [
            key,
            weekly,
            holidays,
            DEFAULT_TIME_ZONE,
          ])
        ).rows[0]!.id;
      const agreement = async (key: string, versions: Array<{ validFrom: string; p1CalendarId: string }>) => {
        const id = (await client.query<{ id: string }>(`INSERT INTO "ServiceAgreement" (id, key, name, provider) VALUES (gen_random_uuid(), $1, $1, 'Test') RETURNING id`, [key])).rows[0]!.id;
        for (const v of versions) {
          const versionId = (
            await client.query<{ id: string }>(
              `INSERT INTO "AgreementVersion" (id, "agreementId", label, "validFrom", "warningThresholds", "minWithinTargetPercent", "creditScheme") VALUES (gen_random_uuid(), $1, $2, $3::timestamptz, '{0.5}', 90, '{"kind":"none"}') RETURNING id`,
              [id, `v-${v.validFrom}`, v.validFrom],
            )
          ).rows[0]!.id;
          await client.query(`INSERT INTO "ResponseTarget" (id, "versionId", priority, minutes, "calendarId") VALUES (gen_random_uuid(), $1, 'P1', 30, $2)`, [versionId, v.p1CalendarId]);
        }
        return id;
      };
      const organization = async (slug: string, agreementId: string | null) => {
        await client.query(`INSERT INTO "Organization" (id, name, slug, "agreementId") VALUES (gen_random_uuid(), $1, $1, $2)`, [slug, agreementId]);
      };
      const always = await calendar("always", allDay, null);
      const officeHours = await calendar("office", office, "NO");
      await organization("extended", await agreement("extended", [{ validFrom: "2020-01-01T00:00:00Z", p1CalendarId: always }]));
      await organization("ordinary", await agreement("ordinary", [{ validFrom: "2020-01-01T00:00:00Z", p1CalendarId: officeHours }]));
      // The version in force decides, not an older or a future one.
      await organization(
        "was-extended",
        await agreement("was-extended", [
          { validFrom: "2020-01-01T00:00:00Z", p1CalendarId: always },
          { validFrom: "2021-01-01T00:00:00Z", p1CalendarId: officeHours },
        ]),
      );
      await organization(
        "will-be-extended",
        await agreement("will-be", [
          { validFrom: "2020-01-01T00:00:00Z", p1CalendarId: officeHours },
          { validFrom: "2999-01-01T00:00:00Z", p1CalendarId: always },
        ]),
      );
      await organization("no-agreement", null);

      await cp(join(MIGRATIONS_DIR, THIS), join(dir, THIS), { recursive: true });
      await migrate(db.url, dir);
      const rows = (await client.query<{ slug: string; onCallOption: string }>(`SELECT slug, "onCallOption" FROM "Organization" ORDER BY slug`)).rows;
      expect(Object.fromEntries(rows.map((r) => [r.slug, r.onCallOption]))).toEqual({
        extended: "ALWAYS",
        ordinary: "VAKTTELEFON",
        "was-extended": "VAKTTELEFON",
        "will-be-extended": "VAKTTELEFON",
        "no-agreement": "VAKTTELEFON",
      });
    } finally {
      await client.end().catch(() => undefined);
      await db.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
