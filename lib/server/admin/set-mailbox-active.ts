import "server-only";
/** Turns intake of a support mailbox off (after the admin confirmed; nothing is deleted) or back on. Audited as a change. */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { parseInput } from "../validation";
import { PROVIDER_ADMIN, requireRole } from "../tickets/scope";
import { SetMailboxActiveSchema, type SetMailboxActiveInput } from "./mailbox-schemas";
import { changeMailbox } from "./update-mailbox";

export async function setMailboxActive({ actor, input: raw, ctx }: { actor: Actor; input: SetMailboxActiveInput; ctx: UseCaseContext }): Promise<{ id: string; changed: boolean }> {
  requireRole(actor, PROVIDER_ADMIN, "Page");
  const { mailboxId, active } = parseInput(SetMailboxActiveSchema, raw);
  return changeMailbox(actor, ctx, mailboxId, { active }, undefined);
}
