import "server-only";
/**
 * Creates a customer organisation with its settings (issue 15): name, org. number, e-mail domains,
 * agreement, monthly fee, confirmation window, on-call option, default e-mail priority, contact-
 * person limit and time zone. Nothing is written unless every field is valid; one audit row.
 */
import type { Actor } from "../actor";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { CreateOrganizationSchema, type CreateOrganizationInput } from "./organization-schemas";
import { checkOrganizationFields, organizationData, organizationSnapshot, ORGANIZATION_SNAPSHOT_SELECT, rethrowUniqueViolation } from "./organization-record";

/** "Fjordvik Logistikk AS" → "fjordvik-logistikk-as" (Norwegian letters spelled out). */
export function slugOf(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return base || "kunde";
}

export async function createOrganization({ actor, input: raw, ctx }: { actor: Actor; input: CreateOrganizationInput; ctx: UseCaseContext }): Promise<{ id: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const input = parseInput(CreateOrganizationSchema, raw);
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      await checkOrganizationFields(tx, input, null);
      const base = slugOf(input.name);
      const taken = new Set((await tx.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug));
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      const org = await tx.organization.create({
        data: { ...organizationData(input), slug, createdAt: ctx.now(), emailDomains: { create: input.emailDomains.map((domain) => ({ domain })) } },
        select: { id: true, ...ORGANIZATION_SNAPSHOT_SELECT },
      });
      const { id, ...snapshot } = org;
      await writeAudit(tx, ctx, {
        actor: { userId: actor.userId, email: actor.email },
        action: "organization.create",
        targetType: "Organization",
        targetId: id,
        organizationId: id,
        after: organizationSnapshot(snapshot),
      });
      return { id };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    rethrowUniqueViolation(error);
  }
}
