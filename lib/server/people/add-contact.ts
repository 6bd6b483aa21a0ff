import "server-only";
/**
 * Staff add a caller as a contact of a customer organisation on the spot (issue 19: registering a
 * phone call for someone who has no account yet): a new END_USER with name, e-mail and phone and no
 * password. With `invite`, they also get the portal invitation (the same one-time link to choose a
 * password as inviteUser sends, in the same transaction); without it they can ask for a password
 * later, as anyone can. An address that already has a user is a conflict (pick that user instead);
 * a provider organisation or an unknown one is not found. Audited as "user.create".
 */
import { z } from "zod";
import { STAFF_ROLES, type Actor } from "../actor";
import { AppError, notFound } from "../errors";
import type { DbClient } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput, safeString } from "../validation";
import { UUID, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { issueAccountLink } from "./issue-account-link";

export const AddContactSchema = z.object({
  organizationId: z.uuid(),
  name: safeString().trim().min(1).max(200),
  email: z
    .string()
    .trim()
    .pipe(z.email().max(320))
    .transform((e) => e.toLowerCase()),
  phone: safeString()
    .trim()
    .max(40)
    .regex(/^[+0-9 ()-]*$/, "digits, spaces, +, - and parentheses")
    .transform((p) => (p === "" ? null : p))
    .nullable()
    .default(null),
  /** Send the portal invitation (a link to choose a password). */
  invite: z.boolean().default(false),
});
export type AddContactInput = z.input<typeof AddContactSchema>;

/** A new contact, inside the caller's transaction (a registered call: the contact and the ticket together, or neither). */
export async function addContactInTransaction(tx: DbClient, { actor, input: raw, ctx }: { actor: Actor; input: AddContactInput; ctx: UseCaseContext }): Promise<{ userId: string }> {
  requireRole(actor, STAFF_ROLES, "Page");
  if (typeof raw.organizationId !== "string" || !UUID.test(raw.organizationId)) throw notFound("Organisation");
  const input = parseInput(AddContactSchema, raw);
  const now = ctx.now();
  const org = await tx.organization.findFirst({ where: { id: input.organizationId, isProvider: false, deactivatedAt: null }, select: { id: true, name: true } });
  if (!org) throw notFound("Organisation");
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", "The address belongs to an existing user: choose them as the requester", { email: ["taken"] });
  const user = await tx.user.create({
    data: { organizationId: org.id, email: input.email, name: input.name, phone: input.phone, role: "END_USER", createdAt: now },
    select: { id: true },
  });
  await writeAudit(tx, ctx, {
    actor: { userId: actor.userId, email: actor.email },
    action: "user.create",
    targetType: "User",
    targetId: user.id,
    organizationId: org.id,
    before: null,
    after: { email: input.email, name: input.name, phone: input.phone, role: "END_USER", via: "registered_call", invited: input.invite },
  });
  if (input.invite) await issueAccountLink(tx, { userId: user.id, purpose: "INVITE", now, organizationName: org.name, invitedBy: actor.name });
  return { userId: user.id };
}
