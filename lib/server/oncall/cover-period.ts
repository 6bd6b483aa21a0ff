import "server-only";
/**
 * Overrides (issue 18): a person covers a period. The shifts at that position are cut back around
 * it (pieces outside it keep their kind) and one OVERRIDE shift takes its place; the roll-forward
 * never overwrites it. Audit row.
 */
import type { Actor } from "../actor";
import { unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { toJson } from "../db/json";
import { subtract } from "../../sla/intervals";
import { lockRota } from "./rota-lock";
import { rollRotaIn } from "./roll-rota";
import { requireRotaPeople } from "./rota-people";
import { OverrideInputSchema, type OverrideInput } from "./rota-schemas";
import { SHIFT, shown } from "./shift-fields";

export async function coverPeriod({ actor, input: raw, ctx }: { actor: Actor; input: OverrideInput; ctx: UseCaseContext }): Promise<{ id: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(OverrideInputSchema, raw);
  if (input.endsAt <= ctx.now()) throw unprocessable("The period has already ended", { endsAt: ["The period has already ended"] });
  return ctx.prisma.$transaction(async (tx) => {
    await lockRota(tx);
    await requireRotaPeople(tx, [input.userId], "userId");
    const overlapping = await tx.onCallShift.findMany({ where: { position: input.position, startsAt: { lt: input.endsAt }, endsAt: { gt: input.startsAt } }, select: SHIFT });
    const cut = [{ from: input.startsAt.getTime(), to: input.endsAt.getTime() }];
    for (const s of overlapping) {
      await tx.onCallShift.delete({ where: { id: s.id } });
      const pieces = subtract([{ from: s.startsAt.getTime(), to: s.endsAt.getTime() }], cut);
      if (pieces.length)
        await tx.onCallShift.createMany({
          data: pieces.map((p) => ({ userId: s.userId, position: s.position, kind: s.kind, patternId: s.patternId, startsAt: new Date(p.from), endsAt: new Date(p.to), createdAt: ctx.now() })),
        });
    }
    const row = await tx.onCallShift.create({
      data: { userId: input.userId, position: input.position, startsAt: input.startsAt, endsAt: input.endsAt, kind: "OVERRIDE", createdAt: ctx.now() },
      select: { id: true },
    });
    await writeAudit(tx, ctx, {
      actor,
      action: "oncall.override",
      targetType: "OnCallShift",
      targetId: row.id,
      organizationId: null,
      before: toJson(overlapping.map(shown)),
      after: toJson(shown(input)),
    });
    await rollRotaIn(tx, ctx.now());
    return row;
  }, TRANSACTION_OPTIONS);
}
