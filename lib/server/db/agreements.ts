import "server-only";
/**
 * Reading agreements back as lib/sla data: what the clock engine, the workers and the reports
 * compute with. The database is the source; these functions only change the shape.
 */
import { selectAgreementVersion, type AgreementVersionSpec, type Priority } from "../../sla/agreement";
import type { CalendarSpec } from "../../sla/calendar";
import { CreditSchemeSchema, HoursSchema, parseStored, WeeklyHoursSchema } from "./json-schemas";
import type { DbClient } from "./prisma";

const calendarInclude = { dates: { orderBy: { date: "asc" } } } as const;

type CalendarRow = {
  timeZone: string;
  weekly: unknown;
  holidayCountry: string | null;
  dates: Array<{ date: Date; hours: unknown }>;
};

export function calendarSpecOf(row: CalendarRow): CalendarSpec {
  const spec: CalendarSpec = { timeZone: row.timeZone, weekly: parseStored(WeeklyHoursSchema, row.weekly, "Calendar.weekly") };
  if (row.holidayCountry === "NO") spec.holidays = { country: "NO" };
  const closed = row.dates.filter((d) => d.hours === null);
  const special = row.dates.filter((d) => d.hours !== null);
  if (closed.length) spec.closedDates = closed.map((d) => d.date.toISOString().slice(0, 10));
  if (special.length)
    spec.specialHours = Object.fromEntries(special.map((d) => [d.date.toISOString().slice(0, 10), parseStored(HoursSchema, d.hours, `CalendarDate.hours of ${d.date.toISOString().slice(0, 10)}`)]));
  return spec;
}

const versionInclude = { targets: { include: { calendar: { include: calendarInclude } } } } as const;

/** Every version of an agreement, oldest first, as lib/sla agreement version specs. */
export async function loadAgreementVersions(prisma: DbClient, agreementId: string): Promise<AgreementVersionSpec[]> {
  const versions = await prisma.agreementVersion.findMany({ where: { agreementId }, orderBy: { validFrom: "asc" }, include: versionInclude });
  return versions.map(versionSpecOf);
}

/**
 * The version of an agreement in force at `at` (lib/sla's rule: the latest validFrom <= at), read
 * whole; the other versions are read only as far as their validFrom.
 */
export async function loadAgreementVersionInForce(prisma: DbClient, agreementId: string, at: Date): Promise<AgreementVersionSpec | null> {
  const versions = await prisma.agreementVersion.findMany({ where: { agreementId }, select: { id: true, validFrom: true } });
  if (!versions.length) return null;
  const inForce = selectAgreementVersion(
    versions.map((v) => ({ id: v.id, validFrom: v.validFrom.toISOString() })),
    at,
  );
  return loadAgreementVersion(prisma, inForce.id);
}

/** A version with its targets, their calendars and the calendars' dates, as one JSON value (dates and instants as text). */
type VersionJson = Omit<VersionRow, "validFrom" | "targets"> & {
  validFrom: string;
  targets: Array<{ priority: Priority; minutes: number; calendar: Omit<CalendarRow, "dates"> & { dates: Array<{ date: string; hours: unknown }> } }>;
};

/**
 * Versions by id, each with its targets, their calendars and the calendars' dates, in one
 * statement (aggregated as JSON), as every registration, clock recompute and ticket view reads
 * them: the same specs loadAgreementVersions reads through the relations. Unknown ids are absent.
 */
export async function loadAgreementVersionsById(prisma: DbClient, ids: readonly string[]): Promise<Map<string, AgreementVersionSpec>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await prisma.$queryRaw<Array<{ v: VersionJson }>>`
    SELECT json_build_object(
      'id', v."id", 'agreementId', v."agreementId", 'validFrom', v."validFrom",
      'warningThresholds', v."warningThresholds", 'minWithinTargetPercent', v."minWithinTargetPercent", 'creditScheme', v."creditScheme",
      'targets', COALESCE((
        SELECT json_agg(json_build_object(
          'priority', t."priority", 'minutes', t."minutes",
          'calendar', json_build_object(
            'timeZone', c."timeZone", 'weekly', c."weekly", 'holidayCountry', c."holidayCountry",
            'dates', COALESCE((SELECT json_agg(json_build_object('date', d."date", 'hours', d."hours") ORDER BY d."date") FROM "CalendarDate" d WHERE d."calendarId" = c."id"), '[]'::json))))
        FROM "ResponseTarget" t JOIN "Calendar" c ON c."id" = t."calendarId" WHERE t."versionId" = v."id"), '[]'::json)
    ) AS v
    FROM "AgreementVersion" v WHERE v."id" = ANY(${unique}::uuid[])`;
  return new Map(
    rows.map(({ v: row }) => [
      row.id,
      versionSpecOf({
        ...row,
        validFrom: new Date(row.validFrom),
        // A date column reads as YYYY-MM-DD; Prisma reads it as that day's UTC midnight.
        targets: row.targets.map((t) => ({ ...t, calendar: { ...t.calendar, dates: t.calendar.dates.map((d) => ({ date: new Date(`${d.date}T00:00:00.000Z`), hours: d.hours })) } })),
      }),
    ]),
  );
}

/** One version by id, or null. */
export async function loadAgreementVersion(prisma: DbClient, versionId: string): Promise<AgreementVersionSpec | null> {
  // The one row there is (PostgreSQL may spell the id otherwise than the caller, e.g. in capitals).
  const [version] = (await loadAgreementVersionsById(prisma, [versionId])).values();
  return version ?? null;
}

type VersionRow = {
  id: string;
  agreementId: string;
  validFrom: Date;
  warningThresholds: number[];
  minWithinTargetPercent: number;
  creditScheme: unknown;
  targets: Array<{ priority: Priority; minutes: number; calendar: CalendarRow }>;
};

function versionSpecOf(v: VersionRow): AgreementVersionSpec {
  return {
    id: v.id,
    agreementId: v.agreementId,
    validFrom: v.validFrom.toISOString(),
    targets: Object.fromEntries(v.targets.map((t) => [t.priority, { minutes: t.minutes, calendar: calendarSpecOf(t.calendar) }])) as Partial<
      Record<Priority, { minutes: number; calendar: CalendarSpec }>
    >,
    warningThresholds: v.warningThresholds,
    compliance: { minWithinTargetPercent: v.minWithinTargetPercent },
    credit: parseStored(CreditSchemeSchema, v.creditScheme, `AgreementVersion.creditScheme of version ${v.id}`),
  };
}
