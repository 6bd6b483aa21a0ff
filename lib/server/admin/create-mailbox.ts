import "server-only";
/**
 * Adds a support mailbox for e-mail intake (issue 17): its IMAP settings, the password stored
 * encrypted (AES-256-GCM, SECRETS_KEY) and never shown back, and the customer organisation that
 * mail from an unknown domain goes to (none = it waits for an agent). Audit row, without the password.
 */
import type { Actor } from "../actor";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { writeAudit } from "../audit/write-audit";
import { encryptSecret } from "../secrets";
import { CreateMailboxSchema, type CreateMailboxInput } from "./mailbox-schemas";
import { addressTaken, checkDefaultOrganization, mailboxAudit, mailboxSecretsKey } from "./mailbox-record";

export async function createMailbox({ actor, input: raw, ctx, secretsKey }: { actor: Actor; input: CreateMailboxInput; ctx: UseCaseContext; secretsKey?: Buffer | string }): Promise<{ id: string }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { password, ...input } = parseInput(CreateMailboxSchema, raw);
  const passwordEncrypted = encryptSecret(password, mailboxSecretsKey(secretsKey));
  return ctx.prisma
    .$transaction(async (tx) => {
      await checkDefaultOrganization(tx, input.defaultOrganizationId);
      const data = { ...input, active: true };
      const now = ctx.now();
      const { id } = await tx.mailbox.create({ data: { ...data, passwordEncrypted, createdAt: now, updatedAt: now }, select: { id: true } });
      await writeAudit(tx, ctx, {
        actor: { userId: actor.userId, email: actor.email },
        action: "mailbox.created",
        targetType: "Mailbox",
        targetId: id,
        organizationId: null,
        after: { ...mailboxAudit(data), password: "set" },
      });
      return { id };
    }, TRANSACTION_OPTIONS)
    .catch(addressTaken);
}
