import "server-only";
/** Provider admins create a weekly pattern of the rota (issue 18); the roll-forward runs at once. Audit row. */
import type { Actor } from "../actor";
import { conflict } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { toJson } from "../db/json";
import { rollRotaIn, type RollOutcome } from "./roll-rota";
import { requireRotaPeople } from "./rota-people";
import { PatternInputSchema, type PatternInput } from "./rota-schemas";
import { asDate, people, takenStart } from "./pattern-input";

export async function createPattern({ actor, input: raw, ctx }: { actor: Actor; input: PatternInput; ctx: UseCaseContext }): Promise<{ id: string; roll: RollOutcome }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(PatternInputSchema, raw);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      await requireRotaPeople(tx, people(input.weeks), "weeks");
      const row = await tx.onCallPattern.create({
        data: { name: input.name, startsOn: asDate(input.startsOn), hours: input.hours, weeks: toJson(input.weeks), createdAt: ctx.now(), updatedAt: ctx.now() },
        select: { id: true },
      });
      await writeAudit(tx, ctx, { actor, action: "oncall.pattern.create", targetType: "OnCallPattern", targetId: row.id, organizationId: null, after: toJson(input) });
      return { id: row.id, roll: await rollRotaIn(tx, ctx.now()) };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (takenStart(error)) throw conflict("Another pattern starts that Monday");
    throw error;
  }
}
