import "server-only";
/** Revokes the live tokens with a display prefix (the first 10 characters printed at creation). */
import { notFound } from "../errors";
import type { TokenContext } from "./context";
import { RevokeApiTokenSchema, type RevokeApiTokenInput } from "./schemas";

export async function revokeApiToken({ input, ctx }: { input: RevokeApiTokenInput; ctx: TokenContext }): Promise<{ revoked: number }> {
  const { displayPrefix } = RevokeApiTokenSchema.parse(input);
  const { count } = await ctx.prisma.apiToken.updateMany({
    where: { displayPrefix, revokedAt: null },
    data: { revokedAt: ctx.now() },
  });
  if (count === 0) throw notFound(`Live API token with prefix ${displayPrefix}`);
  return { revoked: count };
}
