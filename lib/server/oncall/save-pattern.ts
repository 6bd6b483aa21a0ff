import "server-only";
/** Provider admins create and change the rota's weekly patterns (issue 18); the roll-forward runs at once. Audit row each. */
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
import { PatternIdSchema, PatternInputSchema, UpdatePatternInputSchema, type PatternInput, type UpdatePatternInput } from "./rota-schemas";
import { Prisma } from "../../generated/prisma/client";

const people = (weeks: ReadonlyArray<{ primaryUserId: string; backupUserId: string | null }>) => weeks.flatMap((w) => [w.primaryUserId, ...(w.backupUserId ? [w.backupUserId] : [])]);
const asDate = (localDate: string) => new Date(`${localDate}T00:00:00Z`);

const takenStart = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

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

/** Deletes a pattern and its shifts still to come; those already started stay as history. */
export async function deletePattern({ actor, input: raw, ctx }: { actor: Actor; input: { patternId: string }; ctx: UseCaseContext }): Promise<{ removedShifts: number }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { patternId } = parseInput(PatternIdSchema, raw);
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.onCallPattern.findUnique({ where: { id: patternId }, select: { id: true, name: true, startsOn: true, hours: true, weeks: true } });
    if (!row) throw notFound("Pattern");
    const { count } = await tx.onCallShift.deleteMany({ where: { patternId, kind: "PATTERN", startsAt: { gte: ctx.now() } } });
    await tx.onCallPattern.delete({ where: { id: patternId } });
    await writeAudit(tx, ctx, {
      actor,
      action: "oncall.pattern.delete",
      targetType: "OnCallPattern",
      targetId: patternId,
      organizationId: null,
      before: toJson({ name: row.name, startsOn: row.startsOn.toISOString().slice(0, 10), hours: row.hours, weeks: row.weeks }),
      after: toJson({ removedShifts: count }),
    });
    await rollRotaIn(tx, ctx.now());
    return { removedShifts: count };
  }, TRANSACTION_OPTIONS);
}
