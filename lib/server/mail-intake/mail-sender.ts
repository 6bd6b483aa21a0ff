import "server-only";
/**
 * Who wrote a mail: the user with that address (lower-cased), or, for an unknown address whose
 * domain belongs to a customer organisation (or whose mailbox sends unknown domains to one), a new
 * end user of that organisation without a password — they cannot sign in until invited.
 */
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../actor";
import type { DbClient } from "../db/prisma";

export const senderSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  locale: true,
  organizationId: true,
  deactivatedAt: true,
  organization: { select: { isProvider: true, deactivatedAt: true, contactPersonLimit: true, defaultEmailPriority: true } },
} satisfies Prisma.UserSelect;

export type Sender = Prisma.UserGetPayload<{ select: typeof senderSelect }>;

export const findSender = (db: DbClient, address: string): Promise<Sender | null> => db.user.findUnique({ where: { email: address.toLowerCase() }, select: senderSelect });

/** A customer's user acting by e-mail, as an Actor of the ticket use cases. */
export const senderActor = (sender: Sender): Actor => ({
  userId: sender.id,
  organizationId: sender.organizationId,
  role: sender.role,
  supportLine: null,
  email: sender.email,
  name: sender.name,
  locale: sender.locale,
});

/** The active customer organisation an unknown address belongs to: its domain's, else the mailbox's default; null when neither. */
export async function organizationForAddress(db: DbClient, address: string, mailboxId: string | null): Promise<{ id: string; contactPersonLimit: number | null } | null> {
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  const active = { isProvider: false, deactivatedAt: null } as const;
  const byDomain = await db.organizationEmailDomain.findFirst({ where: { domain, organization: active }, select: { organization: { select: { id: true, contactPersonLimit: true } } } });
  if (byDomain) return byDomain.organization;
  if (!mailboxId) return null;
  const mailbox = await db.mailbox.findUnique({ where: { id: mailboxId }, select: { defaultOrganization: { select: { id: true, contactPersonLimit: true, isProvider: true, deactivatedAt: true } } } });
  const org = mailbox?.defaultOrganization;
  return org && !org.isProvider && !org.deactivatedAt ? { id: org.id, contactPersonLimit: org.contactPersonLimit } : null;
}

/** A new end user for an unknown sender: no password (no sign-in until invited), named by the From display name or the address. */
export async function createMailUser(db: DbClient, input: { organizationId: string; address: string; name: string | null; at: Date }): Promise<Sender> {
  const name =
    (input.name ?? "")
      .replace(/^["']|["']$/g, "")
      .trim()
      .slice(0, 200) || input.address.slice(0, input.address.indexOf("@"));
  return db.user.create({
    data: { organizationId: input.organizationId, email: input.address.toLowerCase(), name, role: "END_USER", passwordHash: null, createdAt: input.at },
    select: senderSelect,
  });
}
