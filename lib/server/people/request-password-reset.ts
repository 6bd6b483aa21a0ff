import "server-only";
/**
 * "Forgotten password" (issue 15): the answer is the same whatever the address (no account
 * enumeration: the caller learns nothing, and known and unknown addresses cost the same one
 * transaction with its audit row). A known, active user gets a RESET link by e-mail, at most
 * MAX_PER_HOUR an hour so the form cannot flood their mailbox; a newer link cancels the older.
 */
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { writeAudit } from "../audit/write-audit";
import { issueAccountLink } from "./issue-account-link";
import { RequestPasswordResetSchema, type RequestPasswordResetInput } from "./schemas";

const MAX_PER_HOUR = 5;

/** Always resolves to nothing; whether a link was sent is told only to the audit log. */
export async function requestPasswordReset({ input: raw, ctx }: { input: RequestPasswordResetInput; ctx: UseCaseContext }): Promise<void> {
  const { email } = parseInput(RequestPasswordResetSchema, raw);
  const now = ctx.now();
  await ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, deactivatedAt: true, organization: { select: { id: true, name: true, isProvider: true } } } });
    const recent = await tx.accountLink.count({ where: { userId: user?.id ?? "00000000-0000-0000-0000-000000000000", purpose: "RESET", createdAt: { gt: new Date(now.getTime() - 3_600_000) } } });
    const sends = !!user && !user.deactivatedAt && recent < MAX_PER_HOUR;
    if (sends) await issueAccountLink(tx, { userId: user.id, purpose: "RESET", now, organizationName: user.organization.name });
    await writeAudit(tx, ctx, {
      actor: null,
      email,
      action: "auth.password_reset_requested",
      targetType: "User",
      targetId: user?.id ?? null,
      organizationId: user && !user.organization.isProvider ? user.organization.id : null,
      after: { sent: sends },
    });
  }, TRANSACTION_OPTIONS);
}
