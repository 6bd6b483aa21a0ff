import "server-only";
/** Provider admins change a weekly pattern of the rota (issue 18); the roll-forward runs at once. Audit row when something changed. */
import type { Actor } from "../actor";
import { conflict, notFound } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { changedFields, writeAudit } from "../audit/write-audit";
import { toJson } from "../db/json";
import { rollRotaIn, type RollOutcome } from "./roll-rota";
import { requireRotaPeople } from "./rota-people";
import { UpdatePatternInputSchema, type UpdatePatternInput } from "./rota-schemas";
import { asDate, people, takenStart } from "./pattern-input";

export async function updatePattern({ actor, input: raw, ctx }: { actor: Actor; input: UpdatePatternInput; ctx: UseCaseContext }): Promise<{ id: string; changed: boolean; roll: RollOutcome }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { patternId, ...input } = parseInput(UpdatePatternInputSchema, raw);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const before = await tx.onCallPattern.findUnique({ where: { id: patternId }, select: { name: true, startsOn: true, hours: true, weeks: true } });
      if (!before) throw notFound("Pattern");
      await requireRotaPeople(tx, people(input.weeks), "weeks");
      const diff = changedFields({ ...before, startsOn: before.startsOn.toISOString().slice(0, 10) } as Record<string, unknown>, input);
      if (diff) {
        await tx.onCallPattern.update({ where: { id: patternId }, data: { name: input.name, startsOn: asDate(input.startsOn), hours: input.hours, weeks: toJson(input.weeks), updatedAt: ctx.now() } });
        await writeAudit(tx, ctx, { actor, action: "oncall.pattern.update", targetType: "OnCallPattern", targetId: patternId, organizationId: null, ...diff });
      }
      return { id: patternId, changed: diff !== null, roll: await rollRotaIn(tx, ctx.now()) };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (takenStart(error)) throw conflict("Another pattern starts that Monday");
    throw error;
  }
}
