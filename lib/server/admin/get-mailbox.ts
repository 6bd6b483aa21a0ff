import "server-only";
/** One support mailbox for its edit page: every setting but the password, which is never shown back. */
import type { Actor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { PROVIDER_ADMIN, requireRole, UUID } from "../tickets/scope";
import { MAILBOX_ROW_SELECT, mailboxRow, type MailboxRow } from "./list-mailboxes";

export interface MailboxDetail extends MailboxRow {
  tls: boolean;
  username: string;
}

export async function getMailbox({ actor, input, ctx }: { actor: Actor; input: { mailboxId: string }; ctx: UseCaseContext }): Promise<MailboxDetail> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  if (!UUID.test(input.mailboxId)) throw notFound("Mailbox");
  const row = await ctx.prisma.mailbox.findUnique({ where: { id: input.mailboxId }, select: { ...MAILBOX_ROW_SELECT, tls: true, username: true } });
  if (!row) throw notFound("Mailbox");
  const { tls, username, ...rest } = row;
  return { ...mailboxRow(rest), tls, username };
}
