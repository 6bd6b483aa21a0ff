import "server-only";
/**
 * Creates a user in an organisation. Staff roles (agent, on-call, provider admin) belong to the
 * provider organisation and customer roles to a customer organisation; agents need a support line.
 * The user signs in with the customer's identity provider, or gets a password set later.
 */
import { CUSTOMER_ROLES, STAFF_ROLES, type Actor } from "../actor";
import { AppError, notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { CreateUserSchema, type CreateUserInput } from "./schemas";

export async function createUser({ actor, input: raw, ctx }: { actor: Actor; input: CreateUserInput; ctx: UseCaseContext }): Promise<{ id: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(CreateUserSchema, raw);
  if (input.role === "AGENT" && !input.supportLine) throw unprocessable("An agent needs a support line", { supportLine: ["required for agents"] });
  const supportLine = input.role === "AGENT" ? input.supportLine : null;
  return ctx.prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, isProvider: true } });
    if (!org) throw notFound("Organisation");
    const allowed = org.isProvider ? STAFF_ROLES : CUSTOMER_ROLES;
    if (!allowed.includes(input.role)) {
      throw unprocessable(org.isProvider ? "The provider organisation has staff roles only" : "A customer organisation has customer roles only", {
        role: [org.isProvider ? "staff roles only" : "customer roles only"],
      });
    }
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (taken) throw new AppError("conflict", `A user with e-mail ${input.email} exists`, { email: ["taken"] });
    const user = await tx.user.create({
      data: { organizationId: org.id, name: input.name, email: input.email, role: input.role, supportLine, createdAt: ctx.now() },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      actor: { userId: actor.userId, email: actor.email },
      action: "user.create",
      targetType: "User",
      targetId: user.id,
      organizationId: org.isProvider ? null : org.id,
      after: { name: input.name, email: input.email, role: input.role, supportLine },
    });
    return user;
  }, TRANSACTION_OPTIONS);
}
