import "server-only";
/**
 * The one-click answer to a "your ticket is solved" e-mail (issue 17), without signing in: the
 * link's token names the solved notice (solution-link-token.ts), and works only
 * - for that notice's ticket, sent to its requester,
 * - while the ticket is solved in the same round the notice was about (a ticket reopened and
 *   solved again needs the new notice's link), and
 * - until the ticket's confirmationDueAt (when silence closes it anyway).
 * Reading the link changes nothing (mail scanners follow links); answering it accepts or reopens
 * the ticket through the ticket actions, as the requester.
 */
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import { loadActor } from "../actor";
import { notFound } from "../errors";
import type { UseCaseContext } from "../tickets/context";
import { applyTicketAction } from "../tickets/apply-ticket-action";
import { parseInput } from "../validation";
import { localeOf, type Locale } from "./format";
import { notificationIdOf } from "./solution-link-token";

export interface SolutionLink {
  ticketId: string;
  reference: string;
  title: string;
  requesterId: string;
  confirmationDueAt: Date;
  /** The recipient's language, for the page. */
  locale: Locale;
}

/** The open link a token names at `now`, or null (malformed, forged, another template, answered, closed, solved again, expired). */
export async function findSolutionLink(prisma: PrismaClient, token: string, now: Date): Promise<SolutionLink | null> {
  const id = notificationIdOf(token);
  if (!id) return null;
  const notice = await prisma.notification.findUnique({
    where: { id },
    select: {
      template: true,
      payload: true,
      recipientUserId: true,
      recipient: { select: { locale: true } },
      ticket: { select: { id: true, reference: true, title: true, status: true, requesterId: true, confirmationDueAt: true } },
    },
  });
  const ticket = notice?.ticket;
  if (!notice || notice.template !== "ticket-solved" || !ticket || notice.recipientUserId !== ticket.requesterId) return null;
  if (ticket.status !== "SOLVED" || !ticket.confirmationDueAt || now >= ticket.confirmationDueAt) return null;
  const round = (notice.payload as { confirmationDueAt?: unknown } | null)?.confirmationDueAt;
  if (typeof round !== "string" || new Date(round).getTime() !== ticket.confirmationDueAt.getTime()) return null;
  return {
    ticketId: ticket.id,
    reference: ticket.reference,
    title: ticket.title,
    requesterId: ticket.requesterId,
    confirmationDueAt: ticket.confirmationDueAt,
    locale: localeOf(notice.recipient?.locale),
  };
}

export const AnswerSolutionLinkSchema = z.discriminatedUnion("answer", [
  z.object({ token: z.string().min(1).max(200), answer: z.literal("accept") }),
  z.object({ token: z.string().min(1).max(200), answer: z.literal("reopen"), reason: z.string().trim().min(1).max(2000) }),
]);
export type AnswerSolutionLinkInput = z.infer<typeof AnswerSolutionLinkSchema>;

/** Accepts (closes) or reopens the ticket as its requester; `not_found` when the link is not open, `conflict` when the ticket changed meanwhile. */
export async function answerSolutionLink({ input: raw, ctx }: { input: AnswerSolutionLinkInput; ctx: UseCaseContext }): Promise<{ ticketId: string; answer: "accept" | "reopen" }> {
  const input = parseInput(AnswerSolutionLinkSchema, raw);
  const link = await findSolutionLink(ctx.prisma, input.token, ctx.now());
  if (!link) throw notFound();
  const actor = await loadActor(ctx.prisma, link.requesterId);
  if (!actor) throw notFound();
  const action = input.answer === "accept" ? ({ type: "confirm" } as const) : ({ type: "reopen", reason: input.reason } as const);
  await applyTicketAction({ actor, input: { ticketId: link.ticketId, action }, ctx });
  return { ticketId: link.ticketId, answer: input.answer };
}
