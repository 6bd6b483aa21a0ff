import "server-only";
/** Inputs of the organisation use cases (issue 15), validated with zod. */
import { z } from "zod";
import { isIanaZone } from "../../config/time-zone";
import { safeString } from "../validation";
import { isValidOrgNumber, normalizeOrgNumber } from "../../forms/org-number";

/** A DNS name people type for a mail domain: "nordlys.example", lower-cased, no "@" or scheme. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const ON_CALL_OPTIONS = ["NONE", "VAKTTELEFON", "ALWAYS"] as const;
export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;

export const OrganizationFieldsSchema = z.object({
  name: safeString().trim().min(1).max(200),
  /** Nine digits with the mod-11 check digit; spaces allowed; empty = none. */
  orgNumber: z
    .string()
    .transform(normalizeOrgNumber)
    .refine((s) => s === "" || isValidOrgNumber(s), "not a valid Norwegian organisation number")
    .transform((s) => (s === "" ? null : s)),
  emailDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .transform((d) => d.replace(/^@/, ""))
        .refine((d) => DOMAIN.test(d), "not a domain such as firma.no"),
    )
    .max(20)
    .transform((list) => [...new Set(list)]),
  agreementId: z.uuid().nullable(),
  /** Monthly fee in øre (NOK × 100); null = none. */
  monthlyFeeOre: z.number().int().min(0).max(100_000_000_00).nullable(),
  confirmationWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  onCallOption: z.enum(ON_CALL_OPTIONS),
  defaultEmailPriority: z.enum(PRIORITIES),
  /** Most contact persons; null = no limit. */
  contactPersonLimit: z.number().int().min(1).max(1000).nullable(),
  timeZone: safeString().trim().min(1).max(100).refine(isIanaZone, "unknown time zone"),
});
export type OrganizationFields = z.output<typeof OrganizationFieldsSchema>;

/** "Fjellheim Bygg AS" → "FB"; "Nordlys" → "NO": the initials (company forms left out), or the first two letters. */
export function ticketPrefixOf(name: string): string {
  const words = name
    .toUpperCase()
    .replace(/Æ/g, "AE")
    .replace(/Ø/g, "O")
    .replace(/Å/g, "A")
    .normalize("NFKD")
    .replace(/[^A-Z\s]/g, "")
    .split(/\s+/)
    .filter((w) => w && !["AS", "ASA", "SA", "DA", "ANS", "ENK", "KF", "IKS", "BA"].includes(w));
  const initials = words
    .map((w) => w[0])
    .join("")
    .slice(0, 4);
  if (initials.length >= 2) return initials;
  const letters = words.join("");
  return letters.length >= 2 ? letters.slice(0, 2) : "KU";
}

export const CreateOrganizationSchema = OrganizationFieldsSchema.extend({
  /** Prefix of ticket references, e.g. "NL" in NL-2026-000123; empty = from the name. */
  ticketPrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2,6})?$/, "2 to 6 letters A–Z")
    .default(""),
}).transform((input) => ({ ...input, ticketPrefix: input.ticketPrefix || ticketPrefixOf(input.name) }));
export type CreateOrganizationInput = z.input<typeof CreateOrganizationSchema>;

export const UpdateOrganizationSchema = OrganizationFieldsSchema.extend({ organizationId: z.uuid() });
export type UpdateOrganizationInput = z.input<typeof UpdateOrganizationSchema>;

export const OrganizationIdSchema = z.object({ organizationId: z.uuid() });
export type OrganizationIdInput = z.input<typeof OrganizationIdSchema>;

export const SetContactPersonSchema = z.object({ userId: z.uuid(), contactPerson: z.boolean() });
export type SetContactPersonInput = z.input<typeof SetContactPersonSchema>;
