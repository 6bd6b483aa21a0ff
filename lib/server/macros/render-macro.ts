import "server-only";
/**
 * A macro's text for one ticket, ready to send: the placeholders filled in, in either language —
 * {{kunde}}/{{customer}} the requester's name, {{referanse}}/{{reference}} the ticket's reference,
 * {{agent}} the agent's name, {{frist}}/{{due}} the response due time formatted in the reader's
 * (the requester's) language. Unknown placeholders stay as written, so a typo shows.
 */
import type { Actor } from "../actor";
import type { UseCaseContext } from "../tickets/context";
import { getStaffTicket } from "../tickets/read-tickets";
import { toLocale, type Locale } from "../../i18n";
import { formatDateTime } from "../../i18n/format";
import { listMacros } from "./list-macros";
import type { MacroView } from "./schemas";

export interface PlaceholderValues {
  customer: string;
  reference: string;
  agent: string;
  /** Already formatted; empty when the ticket has no running due time. */
  due: string;
}

const NAMES: Record<string, keyof PlaceholderValues> = {
  kunde: "customer",
  customer: "customer",
  referanse: "reference",
  reference: "reference",
  agent: "agent",
  frist: "due",
  due: "due",
};

/** Fills {{name}} placeholders (either language, any case, spaces allowed inside the braces). */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{\{\s*([\p{L}]+)\s*\}\}/gu, (whole, name: string) => {
    const key = NAMES[name.toLowerCase()];
    return key ? values[key] : whole;
  });
}

/** The values for one ticket, the due time in the reader's language. */
export async function placeholderValues({ actor, input, ctx }: { actor: Actor; input: { ticketId: string }; ctx: UseCaseContext }): Promise<PlaceholderValues & { readerLocale: Locale }> {
  const ticket = await getStaffTicket({ actor, input: { id: input.ticketId }, ctx });
  const requester = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ticket.requesterId }, select: { name: true, locale: true } });
  const readerLocale = toLocale(requester.locale);
  const dueAt = ticket.sla.response?.dueAt ?? null;
  return { customer: requester.name, reference: ticket.reference, agent: actor.name, due: dueAt ? formatDateTime(dueAt, ctx.now(), readerLocale) : "", readerLocale };
}

/** Every macro the agent may use, rendered for the ticket (the composer's picker inserts these). */
export async function renderMacros({ actor, input, ctx }: { actor: Actor; input: { ticketId: string }; ctx: UseCaseContext }): Promise<MacroView[]> {
  const [values, macros] = await Promise.all([placeholderValues({ actor, input, ctx }), listMacros({ actor, ctx })]);
  return macros.map((m) => ({ ...m, body: fillPlaceholders(m.body, values) }));
}
