import "server-only";
/**
 * Choosing a password from a one-time link (issue 15): the token is looked up by its SHA-256; a
 * used, cancelled or expired link (or a reset link of a since deactivated user) names nothing.
 * The password must pass the policy. The link is used in the same transaction that stores the
 * argon2id hash; an invitation activates the account; the person's other links are cancelled,
 * and every session they had ends (a password change signs out everywhere).
 */
import type { AccountLinkPurpose } from "../../generated/prisma/enums";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { DbClient } from "../db/prisma";
import { AppError, notFound, unprocessable } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { writeAudit } from "../audit/write-audit";
import { hashPassword } from "../auth/password-hash";
import { passwordProblem } from "../auth/password-policy";
import { defaultSessionStore, endAllSessions, type SessionStore } from "../auth/sessions";
import { accountLinkTokenHash } from "./account-link-token";
import { cancelOpenLinks } from "./issue-account-link";
import { AccountLinkTokenSchema, SetPasswordSchema, type SetPasswordInput } from "./schemas";

export interface OpenAccountLink {
  id: string;
  purpose: AccountLinkPurpose;
  user: { id: string; name: string; email: string; organizationId: string; isProvider: boolean };
}

/** The link a token opens at `now`, or null (malformed, unknown, used, cancelled, expired). */
export async function findOpenAccountLink(db: DbClient, token: unknown, now: Date): Promise<OpenAccountLink | null> {
  const parsed = AccountLinkTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const link = await db.accountLink.findUnique({
    where: { tokenHash: accountLinkTokenHash(parsed.data) },
    select: {
      id: true,
      purpose: true,
      usedAt: true,
      cancelledAt: true,
      expiresAt: true,
      user: { select: { id: true, name: true, email: true, organizationId: true, deactivatedAt: true, organization: { select: { isProvider: true } } } },
    },
  });
  if (!link || link.usedAt || link.cancelledAt || link.expiresAt <= now) return null;
  if (link.purpose === "RESET" && link.user.deactivatedAt) return null;
  const { organization, deactivatedAt: _deactivated, ...user } = link.user;
  void _deactivated;
  return { id: link.id, purpose: link.purpose, user: { ...user, isProvider: organization.isProvider } };
}

export const linkNotFound = () => notFound("Link");

export async function setPasswordWithLink({
  input: raw,
  ctx,
  sessions = defaultSessionStore(),
}: {
  input: SetPasswordInput;
  ctx: UseCaseContext;
  sessions?: SessionStore;
}): Promise<{ userId: string; purpose: AccountLinkPurpose }> {
  const input = parseInput(SetPasswordSchema, raw);
  const now = ctx.now();
  const link = await findOpenAccountLink(ctx.prisma, input.token, now);
  if (!link) throw linkNotFound();
  const problem = passwordProblem(input.password, { email: link.user.email, name: link.user.name });
  if (problem) throw unprocessable("The password does not meet the policy", { password: [problem] });
  const passwordHash = await hashPassword(input.password);
  await ctx.prisma.$transaction(async (tx) => {
    // Used exactly once: a second request with the same token (or one racing this) matches nothing here.
    const used = await tx.accountLink.updateMany({ where: { id: link.id, usedAt: null, cancelledAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (used.count !== 1) throw linkNotFound();
    await tx.user.update({
      where: { id: link.user.id },
      data: { passwordHash, failedLogins: 0, lockedUntil: null, ...(link.purpose === "INVITE" ? { deactivatedAt: null } : {}) },
    });
    await cancelOpenLinks(tx, link.user.id, now);
    await writeAudit(tx, ctx, {
      actor: { userId: link.user.id, email: link.user.email },
      action: "user.password_set",
      targetType: "User",
      targetId: link.user.id,
      organizationId: link.user.isProvider ? null : link.user.organizationId,
      after: { password: "changed", through: link.purpose === "INVITE" ? "invitation" : "reset" },
    });
  }, TRANSACTION_OPTIONS);
  await endAllSessions(sessions, link.user.id);
  return { userId: link.user.id, purpose: link.purpose };
}

export const isLinkNotFound = (error: unknown): boolean => error instanceof AppError && error.code === "not_found";
