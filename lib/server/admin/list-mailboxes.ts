import "server-only";
/** Every support mailbox with how its intake is doing (last poll, last error), for the provider admin. */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";

export interface MailboxRow {
  id: string;
  name: string;
  address: string;
  host: string;
  port: number;
  folder: string;
  active: boolean;
  lastPolledAt: string | null;
  lastError: string | null;
  defaultOrganization: { id: string; name: string } | null;
}

export const MAILBOX_ROW_SELECT = {
  id: true,
  name: true,
  address: true,
  host: true,
  port: true,
  folder: true,
  active: true,
  lastPolledAt: true,
  lastError: true,
  defaultOrganization: { select: { id: true, name: true } },
} as const;

export const mailboxRow = ({ lastPolledAt, ...row }: { lastPolledAt: Date | null } & Omit<MailboxRow, "lastPolledAt">): MailboxRow => ({
  ...row,
  lastPolledAt: lastPolledAt?.toISOString() ?? null,
});

export async function listMailboxes({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<MailboxRow[]> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const rows = await ctx.prisma.mailbox.findMany({ orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }], select: MAILBOX_ROW_SELECT });
  return rows.map(mailboxRow);
}
