import "server-only";
/**
 * Deactivates a customer organisation, or activates it again (issue 15). While deactivated, its
 * users cannot sign in, use their sessions or API tokens, or file tickets: the actor is re-read on
 * every request (lib/server/actor.ts) and refused; nothing of theirs is deleted, so activating it
 * again restores everything. Their sessions end at once. One audit row per change.
 */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { defaultSessionStore, endAllSessions, type SessionStore } from "../auth/sessions";
import { OrganizationIdSchema, type OrganizationIdInput } from "./organization-schemas";

export async function setOrganizationActive({
  actor,
  input: raw,
  active,
  ctx,
  sessions = defaultSessionStore(),
}: {
  actor: Actor;
  input: OrganizationIdInput;
  active: boolean;
  ctx: UseCaseContext;
  sessions?: SessionStore;
}): Promise<{ id: string; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { organizationId } = parseInput(OrganizationIdSchema, raw);
  const result = await ctx.prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, isProvider: true, deactivatedAt: true } });
    if (!org || org.isProvider) throw notFound("Organisation");
    if (active === (org.deactivatedAt === null)) return { id: org.id, changed: false, userIds: [] as string[] };
    await tx.organization.update({ where: { id: org.id }, data: { deactivatedAt: active ? null : ctx.now() } });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: active ? "organization.reactivate" : "organization.deactivate",
      targetType: "Organization",
      targetId: org.id,
      organizationId: org.id,
      before: { active: !active },
      after: { active },
    });
    const users = active ? [] : await tx.user.findMany({ where: { organizationId: org.id }, select: { id: true } });
    return { id: org.id, changed: true, userIds: users.map((u) => u.id) };
  }, TRANSACTION_OPTIONS);
  for (const userId of result.userIds) await endAllSessions(sessions, userId);
  return { id: result.id, changed: result.changed };
}
