import "server-only";
/**
 * Changes a support mailbox (issue 17): its settings and whether intake reads it; a new password
 * replaces the stored one (encrypted) only when one is given, so an edit form that never shows the
 * password keeps it when its field is left empty (but not for another server: the stored password
 * only goes to the host it was given for). A changed server, account or folder starts the
 * folder's reading over from its UIDVALIDITY (the message keys keep it exactly once). Audit row of
 * what changed, the password only as "changed".
 */
import type { Actor } from "../actor";
import { notFound, unprocessable } from "../errors";
import { TRANSACTION_OPTIONS } from "../db/prisma";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { changedFields, writeAudit } from "../audit/write-audit";
import { encryptSecret } from "../secrets";
import { UpdateMailboxSchema, type UpdateMailboxInput } from "./mailbox-schemas";
import { addressTaken, checkDefaultOrganization, MAILBOX_FIELDS_SELECT, mailboxAudit, mailboxSecretsKey, type MailboxFields } from "./mailbox-record";

export async function updateMailbox({
  actor,
  input: raw,
  ctx,
  secretsKey,
}: {
  actor: Actor;
  input: UpdateMailboxInput;
  ctx: UseCaseContext;
  secretsKey?: Buffer | string;
}): Promise<{ id: string; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { mailboxId, password, ...fields } = parseInput(UpdateMailboxSchema, raw);
  const passwordEncrypted = password ? encryptSecret(password, mailboxSecretsKey(secretsKey)) : undefined;
  return changeMailbox(actor, ctx, mailboxId, fields, passwordEncrypted);
}

/** Writes a mailbox's changed fields (and a new encrypted password) with an audit row of what changed. */
export async function changeMailbox(
  actor: Actor,
  ctx: UseCaseContext,
  mailboxId: string,
  fields: Partial<MailboxFields>,
  passwordEncrypted: string | undefined,
): Promise<{ id: string; changed: boolean }> {
  return ctx.prisma
    .$transaction(async (tx) => {
      const row = await tx.mailbox.findUnique({ where: { id: mailboxId }, select: { id: true, ...MAILBOX_FIELDS_SELECT } });
      if (!row) throw notFound("Mailbox");
      if (fields.defaultOrganizationId !== undefined) await checkDefaultOrganization(tx, fields.defaultOrganizationId);
      const next = { ...row, ...fields };
      // The stored password is never handed to another server: a new host needs the password typed.
      if (!passwordEncrypted && next.host.toLowerCase() !== row.host.toLowerCase()) throw unprocessable("A new server needs the password", { password: ["required when the server changes"] });
      const diff = changedFields(mailboxAudit(row), mailboxAudit(next));
      if (!diff && !passwordEncrypted) return { id: row.id, changed: false };
      // Another server, account or folder: its UIDs are another numbering, so reading starts over there.
      const elsewhere = next.host !== row.host || next.username !== row.username || next.folder !== row.folder;
      await tx.mailbox.update({
        where: { id: row.id },
        data: { ...fields, ...(passwordEncrypted ? { passwordEncrypted } : {}), ...(elsewhere ? { uidValidity: null, lastUid: 0n } : {}), updatedAt: ctx.now() },
      });
      await writeAudit(tx, ctx, {
        actor: { userId: actor.userId, email: actor.email },
        action: "mailbox.updated",
        targetType: "Mailbox",
        targetId: row.id,
        organizationId: null,
        before: diff?.before ?? null,
        after: { ...(diff?.after ?? {}), ...(passwordEncrypted ? { password: "changed" } : {}) },
      });
      return { id: row.id, changed: true };
    }, TRANSACTION_OPTIONS)
    .catch(addressTaken);
}
