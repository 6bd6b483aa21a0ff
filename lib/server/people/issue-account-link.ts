import "server-only";
/**
 * Issues a one-time account link (an invitation or a password reset) in the caller's transaction:
 * the person's open links are cancelled (a new link replaces them), the new link is stored as the
 * SHA-256 of its token only, and its e-mail is written to the notification outbox with the link's
 * id, never the token (see account-link-token.ts). Returns the link's id.
 */
import { randomUUID } from "node:crypto";
import type { AccountLinkPurpose } from "../../generated/prisma/enums";
import type { DbClient } from "../db/prisma";
import { byEmail, notificationRows, writeNotifications } from "../notifications/write-notifications";
import { ACCOUNT_LINK_HOURS, accountLinkToken, accountLinkTokenHash } from "./account-link-token";

/** Cancels every open link of a user (re-invitation, deactivation, a new link). Returns how many. */
export async function cancelOpenLinks(db: DbClient, userId: string, now: Date): Promise<number> {
  const { count } = await db.accountLink.updateMany({ where: { userId, usedAt: null, cancelledAt: null }, data: { cancelledAt: now } });
  return count;
}

export async function issueAccountLink(
  db: DbClient,
  { userId, purpose, now, organizationName, invitedBy }: { userId: string; purpose: AccountLinkPurpose; now: Date; organizationName: string; invitedBy?: string },
): Promise<{ id: string; expiresAt: Date }> {
  await cancelOpenLinks(db, userId, now);
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + ACCOUNT_LINK_HOURS * 3_600_000);
  await db.accountLink.create({ data: { id, purpose, userId, tokenHash: accountLinkTokenHash(accountLinkToken(id)), createdAt: now, expiresAt } });
  const template = purpose === "INVITE" ? ("account-invite" as const) : ("account-reset" as const);
  const payload = { linkId: id, organizationName, invitedBy: invitedBy ?? null, expiresAt: expiresAt.toISOString() };
  await writeNotifications(db, notificationRows({ template, ticketId: null, payload, to: [byEmail(userId, `account-link-${id}`)] }), now);
  return { id, expiresAt };
}
