import "server-only";
import type { SupportLine } from "../../../generated/prisma/enums";
import type { Actor } from "../../actor";

/** Who may share a view with a line, or delete a shared one: its agents (their own line) and provider admins. */
export function mayShareWith(actor: Actor, line: SupportLine): boolean {
  return actor.role === "PROVIDER_ADMIN" || (actor.role === "AGENT" && actor.supportLine === line);
}

/** Who may delete a view: its owner, and for a shared one whoever may share with that line. */
export function mayDeleteView(actor: Actor, view: { ownerId: string; line: SupportLine | null }): boolean {
  return view.ownerId === actor.userId || (view.line !== null && mayShareWith(actor, view.line));
}
