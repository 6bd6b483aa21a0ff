import "server-only";
/**
 * Who the provider's security contact is (issue 18, 003/004 §8.9): the addresses in
 * SECURITY_CONTACT_EMAIL, or, when it is unset, the provider admins. An address that is an active
 * user's is told as that user (in their language); any other address as itself (Norwegian).
 */
import type { DbClient } from "../db/prisma";
import { readEnv } from "../../config/env";
import { byEmail, byEmailAddress, type Delivery } from "../notifications/write-notifications";

export interface SecurityContact {
  userId: string | null;
  address: string | null;
}

export async function securityContacts(db: DbClient, configured: readonly string[] = readEnv().SECURITY_CONTACT_EMAIL): Promise<SecurityContact[]> {
  if (configured.length === 0) {
    const admins = await db.user.findMany({ where: { role: "PROVIDER_ADMIN", deactivatedAt: null }, select: { id: true }, orderBy: { createdAt: "asc" } });
    return admins.map((u) => ({ userId: u.id, address: null }));
  }
  const users = await db.user.findMany({ where: { email: { in: configured.map((a) => a.toLowerCase()), mode: "insensitive" }, deactivatedAt: null }, select: { id: true, email: true } });
  const byAddress = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  return [...new Set(configured.map((a) => a.toLowerCase()))].map((address) => {
    const userId = byAddress.get(address);
    return userId ? { userId, address: null } : { userId: null, address };
  });
}

/** The e-mail to one contact, its key made from `key(who)` (who: the user id or the address). */
export function toContact(contact: SecurityContact, key: (who: string) => string): Delivery {
  return contact.userId ? byEmail(contact.userId, key(contact.userId)) : byEmailAddress(contact.address!, key(contact.address!));
}
