import "server-only";
/**
 * What the mailbox use cases share: the audited description of a mailbox (never the password, only
 * that it was set or changed), the check that unknown senders go to a customer organisation, the
 * refusal of an address another mailbox has, and the key that encrypts the password.
 */
import { Prisma } from "../../generated/prisma/client";
import { AppError, unprocessable } from "../errors";
import type { DbClient } from "../db/prisma";
import { requiredSecretsKey } from "../secrets";

export interface MailboxFields {
  name: string;
  address: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  folder: string;
  defaultOrganizationId: string | null;
  active: boolean;
}

export const MAILBOX_FIELDS_SELECT = {
  name: true,
  address: true,
  host: true,
  port: true,
  tls: true,
  username: true,
  folder: true,
  defaultOrganizationId: true,
  active: true,
} as const satisfies Prisma.MailboxSelect;

export const mailboxAudit = (m: MailboxFields): Prisma.InputJsonObject => ({
  name: m.name,
  address: m.address,
  host: m.host,
  port: m.port,
  tls: m.tls,
  username: m.username,
  folder: m.folder,
  defaultOrganizationId: m.defaultOrganizationId,
  active: m.active,
});

export async function checkDefaultOrganization(tx: DbClient, organizationId: string | null): Promise<void> {
  if (!organizationId) return;
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { isProvider: true } });
  if (!org || org.isProvider) throw unprocessable("No such customer organisation", { defaultOrganizationId: ["unknown organisation"] });
}

/** A unique-address violation from the write, as the form's error on the address. */
export function addressTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError("conflict", "Another mailbox has this address", { address: ["another mailbox has this address"] });
  }
  throw error;
}

/** The key that encrypts IMAP passwords (SECRETS_KEY); without it no mailbox can be stored. */
export const mailboxSecretsKey = (key?: Buffer | string): Buffer => requiredSecretsKey("mailbox passwords", key);
