import "server-only";
/**
 * A user chooses which optional customer notices they get by e-mail (/profile, issue 17): the
 * ones they turn off are stored as User.mutedNotices (template names). The duty notices of the
 * agreement (the receipt, "solved") cannot be turned off: they are not optional, so never stored,
 * and writeNotifications never drops them whatever is stored.
 */
import { z } from "zod";
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { OPTIONAL_NOTICES, type OptionalNotice } from "./notice-kinds";

export const SetMutedNoticesSchema = z.object({ muted: z.array(z.enum(OPTIONAL_NOTICES)).max(OPTIONAL_NOTICES.length) });
export type SetMutedNoticesInput = z.infer<typeof SetMutedNoticesSchema>;

export async function setMutedNotices({ actor, input: raw, ctx }: { actor: Actor; input: SetMutedNoticesInput; ctx: UseCaseContext }): Promise<{ muted: OptionalNotice[] }> {
  const input = parseInput(SetMutedNoticesSchema, raw);
  // Stored in the catalogue's order, once each.
  const muted = OPTIONAL_NOTICES.filter((n) => input.muted.includes(n));
  await ctx.prisma.user.update({ where: { id: actor.userId }, data: { mutedNotices: muted }, select: { id: true } });
  return { muted };
}

/** What /profile shows: the user's muted optional notices. */
export async function mutedNoticesOf(ctx: Pick<UseCaseContext, "prisma">, actor: Actor): Promise<OptionalNotice[]> {
  const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { mutedNotices: true } });
  return OPTIONAL_NOTICES.filter((n) => user.mutedNotices.includes(n));
}
