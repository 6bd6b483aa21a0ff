import "server-only";
/** A user chooses the language of the UI and of e-mails to them (nb or en). */
import { z } from "zod";
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";

export const SetLocaleSchema = z.object({ locale: z.enum(["nb", "en"]) });
export type SetLocaleInput = z.infer<typeof SetLocaleSchema>;

export async function setLocale({ actor, input: raw, ctx }: { actor: Actor; input: SetLocaleInput; ctx: UseCaseContext }): Promise<{ locale: SetLocaleInput["locale"] }> {
  const input = parseInput(SetLocaleSchema, raw);
  await ctx.prisma.user.update({ where: { id: actor.userId }, data: { locale: input.locale }, select: { id: true } });
  return { locale: input.locale };
}
