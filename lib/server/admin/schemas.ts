import "server-only";
/** Inputs of the provider admin's use cases, validated with zod. */
import { z } from "zod";
import { safeString } from "../validation";

const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const WeekdaySchema = z.enum(WEEKDAY_KEYS);
export type Weekday = z.infer<typeof WeekdaySchema>;
export const WEEKDAYS: readonly Weekday[] = WEEKDAY_KEYS;

const name = safeString().trim().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

/** Open hours as people write them: "08:00–16:00", split shifts with commas; empty = closed. */
export const HoursTextSchema = safeString().trim().max(200).default("");

export const ChangeOrganizationAgreementSchema = z.object({
  organizationId: z.uuid(),
  agreementId: z.uuid().nullable(),
});
export type ChangeOrganizationAgreementInput = z.input<typeof ChangeOrganizationAgreementSchema>;

export const ListUsersSchema = z.object({ organizationId: z.uuid() });
export type ListUsersInput = z.input<typeof ListUsersSchema>;

export const CreateUserSchema = z.object({
  organizationId: z.uuid(),
  name,
  email: z
    .email()
    .max(320)
    .transform((e) => e.toLowerCase()),
  role: z.enum(["END_USER", "CUSTOMER_ADMIN", "AGENT", "ONCALL", "PROVIDER_ADMIN"]),
  supportLine: z.enum(["L1", "L2", "L3"]).nullable().default(null),
});
export type CreateUserInput = z.input<typeof CreateUserSchema>;

export const UserIdSchema = z.object({ userId: z.uuid() });
export type UserIdInput = z.input<typeof UserIdSchema>;

export const CreateCalendarSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and hyphens"),
  name,
  timeZone: safeString().trim().min(1).max(100),
  weekly: z.partialRecord(WeekdaySchema, HoursTextSchema),
  norwegianHolidays: z.boolean(),
});
export type CreateCalendarInput = z.input<typeof CreateCalendarSchema>;

export const SetCalendarDateSchema = z.object({
  calendarId: z.uuid(),
  date: isoDate,
  /** Empty = closed all day; otherwise special hours for the date. */
  hours: HoursTextSchema,
  note: safeString().trim().max(200).optional(),
});
export type SetCalendarDateInput = z.input<typeof SetCalendarDateSchema>;

export const CalendarIdSchema = z.object({ calendarId: z.uuid() });
export type CalendarIdInput = z.input<typeof CalendarIdSchema>;

const RecipientsSchema = z.array(z.enum(["assignee", "lineLead", "customerAdmin"])).max(3);

const TargetSchema = z.object({
  /** null = the priority is not covered by the version. */
  minutes: z.number().int().positive().max(1_000_000).nullable(),
  calendarId: z.uuid(),
});

/** A credit scheme as the agreement forms give it (percentages, tiers as text); lib/server/admin/credit-input turns it into a lib/sla CreditScheme. */
export const CreditInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("netpower"), perBreachPercent: z.number(), capPercent: z.number(), minWithinTargetPercent: z.number(), minUptimePercent: z.number() }),
  /** Tiers as text, one a line ("99-99.5: 25"; lib/sla parseUptimeTiers). */
  z.object({ kind: z.literal("uptime_tiers"), tiers: safeString().max(2000), capPercent: z.number() }),
  z.object({ kind: z.literal("sodvin_refund"), agreedUptimePercent: z.number(), servicePeriod: z.enum(["month", "quarter"]) }),
]);
export type CreditInput = z.output<typeof CreditInputSchema>;

export const CreateAgreementVersionSchema = z.object({
  agreementId: z.uuid(),
  label: safeString().trim().min(1).max(100),
  /** Local date-time in Europe/Oslo, "YYYY-MM-DDTHH:MM". */
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "expected a date and time"),
  targets: z.object({ P1: TargetSchema, P2: TargetSchema, P3: TargetSchema, P4: TargetSchema }),
  /** Percentages of the target at which to warn, e.g. [50, 75, 90]. */
  warningPercents: z.array(z.number()).max(10),
  minWithinTargetPercent: z.number(),
  /** Omitted: the latest version's escalation rules are copied. */
  escalation: z.object({ warning: RecipientsSchema, breach: RecipientsSchema, moveToNextLine: z.boolean() }).optional(),
  /** Omitted: the latest version's credit scheme (with its claim rule) is copied. */
  credit: CreditInputSchema.optional(),
  /** The claim rule with `credit`: days after the downtime the customer has to claim; null = credited automatically. */
  claimWithinDays: z.number().int().nullable().optional(),
  note: safeString().trim().max(500).optional(),
});
export type CreateAgreementVersionInput = z.input<typeof CreateAgreementVersionSchema>;

export const AgreementIdSchema = z.object({ agreementId: z.uuid() });
export const VersionIdSchema = z.object({ versionId: z.uuid() });

export const API_TOKEN_SCOPES = ["READ", "READ_WRITE"] as const;
/** scope: READ (GET only) or READ_WRITE (the default, what every token could do before scopes). */
export const CreateUserTokenSchema = z.object({ userId: z.uuid(), name: safeString().trim().min(1).max(100), scope: z.enum(API_TOKEN_SCOPES).default("READ_WRITE") });
export type CreateUserTokenInput = z.input<typeof CreateUserTokenSchema>;

export const RevokeUserTokenSchema = z.object({ tokenId: z.uuid() });
export type RevokeUserTokenInput = z.input<typeof RevokeUserTokenSchema>;

/** A calendar chosen for a target: a calendar's id, or "preset:<key>" for a preset calendar not yet in the database. */
const CalendarRefSchema = z.string().trim().min(1).max(100);
const AgreementTargetSchema = z.object({ minutes: z.number().int().positive().max(1_000_000).nullable(), calendarId: CalendarRefSchema });

export const CreateAgreementSchema = z.object({
  name,
  provider: name,
  /** Where the terms come from, e.g. the preset's "002 §2, §6.2–6.6". */
  source: safeString().trim().max(200).optional(),
  targets: z.object({ P1: AgreementTargetSchema, P2: AgreementTargetSchema, P3: AgreementTargetSchema, P4: AgreementTargetSchema }),
  warningPercents: z.array(z.number()).max(10),
  minWithinTargetPercent: z.number(),
  /** lib/server/escalation EscalationRules: who is told at a warning and a breach, and whether a breach moves line. */
  escalation: z.object({ warning: RecipientsSchema, breach: RecipientsSchema, moveToNextLine: z.boolean() }),
  credit: CreditInputSchema,
  /** The claim rule: days after the downtime the customer has to claim; null = credited automatically. */
  claimWithinDays: z.number().int().nullable(),
  /** Recurring maintenance windows as text, one a line (lib/sla parseMaintenanceRules). */
  maintenance: safeString().max(2000).default(""),
  /** Calendar of the time the uptime guarantee covers; "" = all the time. */
  uptimeCalendarId: z.string().trim().max(100).default(""),
  maintenanceReducesTotal: z.boolean(),
});
export type CreateAgreementInput = z.input<typeof CreateAgreementSchema>;
