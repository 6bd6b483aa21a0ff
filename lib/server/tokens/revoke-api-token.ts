import "server-only";
/** Revokes the live tokens with a display prefix (the first 10 characters printed at creation). */
import { notFound } from "../errors";
import type { TokenContext } from "./context";
import { writeAudit } from "../audit/write-audit";
import { RevokeApiTokenSchema, type RevokeApiTokenInput } from "./schemas";

export async function revokeApiToken({ input, ctx }: { input: RevokeApiTokenInput; ctx: TokenContext }): Promise<{ revoked: number }> {
  const { displayPrefix } = RevokeApiTokenSchema.parse(input);
  const count = await ctx.prisma.$transaction(async (tx) => {
    const live = await tx.apiToken.findMany({ where: { displayPrefix, revokedAt: null }, select: { id: true, name: true, organizationId: true, organization: { select: { isProvider: true } } } });
    if (live.length === 0) return 0;
    await tx.apiToken.updateMany({ where: { id: { in: live.map((t) => t.id) } }, data: { revokedAt: ctx.now() } });
    for (const token of live) {
      // From the CLI: no signed-in actor (the system).
      await writeAudit(tx, ctx, {
        actor: null,
        action: "token.revoke",
        targetType: "ApiToken",
        targetId: token.id,
        organizationId: token.organization.isProvider ? null : token.organizationId,
        before: { name: token.name, displayPrefix, revoked: false },
        after: { name: token.name, displayPrefix, revoked: true },
      });
    }
    return live.length;
  });
  if (count === 0) throw notFound(`Live API token with prefix ${displayPrefix}`);
  return { revoked: count };
}
