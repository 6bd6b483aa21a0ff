import "server-only";
/**
 * What the organisation use cases share: the audited snapshot of an organisation's settings, and
 * the checks every write makes (the agreement exists, the org number and e-mail domains belong to
 * no other organisation), each refusing by field so the form can say which.
 */
import { Prisma } from "../../generated/prisma/client";
import { AppError, unprocessable } from "../errors";
import type { DbClient } from "../db/prisma";
import type { OrganizationFields } from "./organization-schemas";

export const ORGANIZATION_SNAPSHOT_SELECT = {
  name: true,
  orgNumber: true,
  ticketPrefix: true,
  agreementId: true,
  monthlyFeeOre: true,
  confirmationWindowHours: true,
  onCallOption: true,
  defaultEmailPriority: true,
  contactPersonLimit: true,
  timeZone: true,
  emailDomains: { select: { domain: true }, orderBy: { domain: "asc" } },
} as const satisfies Prisma.OrganizationSelect;

type SnapshotRow = Prisma.OrganizationGetPayload<{ select: typeof ORGANIZATION_SNAPSHOT_SELECT }>;

/** The organisation's settings as the audit log records them (domains sorted, so equal lists compare equal). */
export function organizationSnapshot(row: SnapshotRow) {
  const { emailDomains, ...rest } = row;
  return { ...rest, emailDomains: emailDomains.map((d) => d.domain).sort() };
}
export type OrganizationSnapshot = ReturnType<typeof organizationSnapshot>;

/** Refuses an unknown agreement, an org number or e-mail domain another organisation has. */
export async function checkOrganizationFields(tx: DbClient, fields: OrganizationFields, organizationId: string | null): Promise<void> {
  if (fields.agreementId) {
    const agreement = await tx.serviceAgreement.findUnique({ where: { id: fields.agreementId }, select: { id: true } });
    if (!agreement) throw unprocessable("No such agreement", { agreementId: ["unknown agreement"] });
  }
  const others = organizationId ? { not: organizationId } : undefined;
  if (fields.orgNumber) {
    const taken = await tx.organization.findFirst({ where: { orgNumber: fields.orgNumber, id: others }, select: { id: true } });
    if (taken) throw new AppError("conflict", "Another organisation has this organisation number", { orgNumber: ["taken"] });
  }
  if (fields.emailDomains.length) {
    const taken = await tx.organizationEmailDomain.findMany({ where: { domain: { in: fields.emailDomains }, organizationId: others }, select: { domain: true } });
    if (taken.length) throw new AppError("conflict", `Another organisation has ${taken.map((d) => d.domain).join(", ")}`, { emailDomains: taken.map((d) => `taken: ${d.domain}`) });
  }
}

/** Two writers racing for the same org number or domain: the unique index decides, the loser gets the same refusal. */
export function rethrowUniqueViolation(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = JSON.stringify(error.meta ?? {});
    const field = target.includes("orgNumber") ? "orgNumber" : "emailDomains";
    throw new AppError("conflict", "Another organisation has this value", { [field]: ["taken"] });
  }
  throw error;
}

/** The settings columns of an organisation from validated fields (domains are rows of their own). */
export function organizationData(fields: OrganizationFields) {
  const { emailDomains: _domains, ...data } = fields;
  void _domains;
  return data;
}
