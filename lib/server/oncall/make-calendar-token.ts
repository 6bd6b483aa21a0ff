import "server-only";
/**
 * A new secret calendar link for a person's shifts (issue 18), made by the person on /vakt or by a
 * provider admin on /admin/vakt. Only the SHA-256 of the token is stored; a new one replaces the
 * old, which stops working. Audit row.
 */
import { randomBytes } from "node:crypto";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { writeAudit } from "../audit/write-audit";
import { toJson } from "../db/json";
import { z } from "zod";
import { ON_CALL_ROLES } from "./rota";
import { hashOf } from "./calendar-token";

/** A new secret link for `userId` (the actor themself, or anyone on call when a provider admin asks); the token is returned once. */
export async function makeCalendarToken({ actor, input, ctx }: { actor: Actor; input: { userId: string }; ctx: UseCaseContext }): Promise<{ token: string }> {
  const { userId } = parseInput(z.object({ userId: z.uuid() }), input);
  if (userId !== actor.userId && actor.role !== "PROVIDER_ADMIN") throw notFound("User");
  const token = randomBytes(32).toString("base64url");
  await ctx.prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deactivatedAt: null, role: { in: [...ON_CALL_ROLES] }, organization: { isProvider: true } }, select: { id: true } });
    if (!user) throw notFound("User");
    const before = await tx.onCallCalendarToken.findUnique({ where: { userId }, select: { createdAt: true } });
    await tx.onCallCalendarToken.upsert({ where: { userId }, create: { userId, tokenHash: hashOf(token), createdAt: ctx.now() }, update: { tokenHash: hashOf(token), createdAt: ctx.now() } });
    await writeAudit(tx, ctx, {
      actor,
      action: "oncall.calendar_link",
      targetType: "OnCallCalendarToken",
      targetId: userId,
      organizationId: null,
      before: before ? toJson({ link: "replaced", madeAt: before.createdAt.toISOString() }) : null,
      after: toJson({ link: "new" }),
    });
  }, TRANSACTION_OPTIONS);
  return { token };
}
