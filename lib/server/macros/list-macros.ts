import "server-only";
/** The macros an agent may use: their own personal ones and the shared ones, by title (shared first on a tie). */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { mayEditMacro, requireStaffForMacros, usableMacrosWhere } from "./access";
import { macroSelect, toMacroView, type MacroView } from "./schemas";

export async function listMacros({ actor, ctx }: { actor: Actor; ctx: UseCaseContext }): Promise<MacroView[]> {
  requireStaffForMacros(actor);
  const rows = await ctx.prisma.macro.findMany({ where: usableMacrosWhere(actor), orderBy: [{ title: "asc" }, { id: "asc" }], select: macroSelect, take: 500 });
  return rows.map((row) => toMacroView(row, mayEditMacro(actor, row.ownerId)));
}
