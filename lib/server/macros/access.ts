import "server-only";
/** Who may use and keep macros: every staff member uses them; shared ones are kept by provider admins. */
import { isStaff, type Actor } from "../actor";
import { notFound } from "../errors";

export const isMacroAdmin = (actor: Actor): boolean => actor.role === "PROVIDER_ADMIN";

/** Macros are staff-only: anyone else is told nothing exists. */
export function requireStaffForMacros(actor: Actor): void {
  if (!isStaff(actor)) throw notFound("Macro");
}

/** A personal macro is its owner's alone; a shared one (no owner) is kept by provider admins. */
export const mayEditMacro = (actor: Actor, ownerId: string | null): boolean => (ownerId === null ? isMacroAdmin(actor) : ownerId === actor.userId);

/** What the actor may use: their own personal macros and every shared one. */
export const usableMacrosWhere = (actor: Actor) => ({ OR: [{ ownerId: actor.userId }, { ownerId: null }] });
