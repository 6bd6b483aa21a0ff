import "server-only";
/**
 * The audit rows of signing in (issue 15): each sign-in (after the password or the identity
 * provider, saying whether a second step follows) and each failed one, with the client's address.
 * A failed sign-in names the address tried, and the account when there is one.
 */
import type { PrismaClient } from "../../generated/prisma/client";
import { writeAudit } from "../audit/write-audit";
import { auditOrganizationOf, type SecondFactorStage } from "../two-factor/requirement";

interface SignInAuditContext {
  prisma: PrismaClient;
  now: () => Date;
  clientAddress?: string | null;
}

export async function auditSignIn(ctx: SignInAuditContext, entry: { userId: string; method: "password" | "oidc"; secondFactor: SecondFactorStage | null }): Promise<void> {
  const user = await ctx.prisma.user.findUnique({ where: { id: entry.userId }, select: { id: true, email: true, role: true, organizationId: true } });
  if (!user) return;
  await writeAudit(ctx.prisma, ctx, {
    actor: { userId: user.id, email: user.email },
    action: "auth.sign_in",
    targetType: "User",
    targetId: user.id,
    organizationId: auditOrganizationOf(user),
    after: { method: entry.method, secondFactor: entry.secondFactor ?? "none" },
  });
}

export async function auditFailedSignIn(ctx: SignInAuditContext, entry: { email: unknown; reason: "invalid" | "locked" | `oidc_${string}` }): Promise<void> {
  const email = typeof entry.email === "string" ? entry.email.trim().toLowerCase().slice(0, 320) : "";
  const user = email ? await ctx.prisma.user.findUnique({ where: { email }, select: { id: true, role: true, organizationId: true } }) : null;
  await writeAudit(ctx.prisma, ctx, {
    actor: null,
    email: email || null,
    action: "auth.sign_in_failed",
    targetType: "User",
    targetId: user?.id ?? null,
    organizationId: user ? auditOrganizationOf(user) : null,
    after: { reason: entry.reason },
  });
}
