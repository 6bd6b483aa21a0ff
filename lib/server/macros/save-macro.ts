import "server-only";
/**
 * Creates or changes a macro. An agent keeps their own personal macros; shared macros are created
 * and changed by provider admins only. Someone else's personal macro is not found (its existence
 * never shows); a shared one an agent may not change is refused. A macro never changes scope.
 */
import type { Actor } from "../actor";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import type { UseCaseContext } from "../tickets/context";
import { isMacroAdmin, mayEditMacro, requireStaffForMacros } from "./access";
import { MacroInputSchema, macroSelect, toMacroView, type MacroInput, type MacroView } from "./schemas";

const refused = () => new AppError("forbidden", "Only provider admins can change shared macros");

export async function saveMacro({ actor, input, ctx }: { actor: Actor; input: MacroInput; ctx: UseCaseContext }): Promise<MacroView> {
  requireStaffForMacros(actor);
  const m = parseInput(MacroInputSchema, input);
  if (m.scope === "shared" && !isMacroAdmin(actor)) throw refused();
  const data = { title: m.title, body: m.body, status: m.status, priority: m.priority, line: m.line };
  if (!m.id) {
    const row = await ctx.prisma.macro.create({ data: { ...data, ownerId: m.scope === "shared" ? null : actor.userId, createdAt: ctx.now() }, select: macroSelect });
    return toMacroView(row, true);
  }
  const existing = await ctx.prisma.macro.findUnique({ where: { id: m.id }, select: { ownerId: true } });
  if (!existing || (existing.ownerId !== null && existing.ownerId !== actor.userId)) throw notFound("Macro");
  if (!mayEditMacro(actor, existing.ownerId)) throw refused();
  const row = await ctx.prisma.macro.update({ where: { id: m.id }, data, select: macroSelect });
  return toMacroView(row, true);
}
